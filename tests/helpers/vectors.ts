import { createRandom } from '../../src/rank/prng.ts';
import type { VectorMatrix } from '../../src/rank/vector-matrix.ts';

/** Clustered vectors (topics with spread), closer to text embeddings than uniform noise. */
export function clusteredVectors(n: number, dims: number, seed = 1): VectorMatrix {
  const random = createRandom(seed);
  const centers = Array.from({ length: 40 }, () => Float32Array.from({ length: dims }, () => random() - 0.5));
  const data = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    const center = centers[Math.floor(random() * centers.length)] ?? new Float32Array(dims);
    for (let j = 0; j < dims; j++) data[i * dims + j] = (center[j] ?? 0) + 0.35 * (random() - 0.5);
  }
  const ids = Array.from({ length: n }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
  return { ids, dims, data };
}
