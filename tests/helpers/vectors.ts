import { createRandom } from '../../src/rank/prng.ts';
import type { VectorMatrix } from '../../src/rank/vector-matrix.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';

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

/** Rows `from`..`to` of `matrix` as an embeddings store takes them. */
export function vectorRows(
  matrix: VectorMatrix,
  from: number,
  to: number,
): { id: string; vector: Float32Array }[] {
  const { dims } = matrix;
  return matrix.ids
    .slice(from, to)
    .map((id, i) => ({ id, vector: matrix.data.slice((from + i) * dims, (from + i + 1) * dims) }));
}

/** An embeddings store of a toy hashing model in `stateDir`, its meta written. */
export async function toyVectorStore(
  stateDir: string,
  model: string,
  dims: number,
): Promise<ReturnType<typeof createEmbeddingsStore>> {
  const store = createEmbeddingsStore(stateDir, model);
  await store.writeMeta({
    model,
    backend: 'hashing',
    dims,
    normalize: false,
    createdAt: '2026-11-21T00:00:00Z',
  });
  return store;
}
