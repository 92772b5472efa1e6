/**
 * Mean silhouette of a clustering under cosine distance (pure). The pairwise distance matrix is
 * computed once and shared by every k tried.
 */
import { cosineDistance, type Points } from './kmeans.ts';

/** n × n cosine distances, row-major. */
export function pairwiseDistances(points: Points): Float32Array {
  const { count, dims, data } = points;
  const out = new Float32Array(count * count);
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const d = cosineDistance(data, i, data, j, dims);
      out[i * count + j] = d;
      out[j * count + i] = d;
    }
  }
  return out;
}

/**
 * Mean over points of (b − a) / max(a, b): a = mean distance to the own cluster, b = the smallest
 * mean distance to another cluster. A point alone in its cluster scores 0 (Rousseeuw's convention).
 */
export function meanSilhouette(distances: Float32Array, assignments: Int32Array, k: number): number {
  const n = assignments.length;
  if (n === 0 || k < 2) return 0;
  const sizes = new Int32Array(k);
  for (const c of assignments) sizes[c] = (sizes[c] ?? 0) + 1;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const c = assignments[j] ?? 0;
      sums[c] = (sums[c] ?? 0) + (distances[i * n + j] ?? 0);
    }
    const own = assignments[i] ?? 0;
    const ownSize = sizes[own] ?? 0;
    if (ownSize <= 1) continue;
    const a = (sums[own] ?? 0) / (ownSize - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] ?? 0;
      if (c !== own && size > 0) b = Math.min(b, (sums[c] ?? 0) / size);
    }
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b) || 0;
  }
  return total / n;
}
