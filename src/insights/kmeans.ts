/**
 * Spherical k-means: cosine similarity on L2-normalized vectors, centroids re-normalized after
 * each update, seeded k-means++ initialisation (D² sampling on cosine distance). Pure.
 */
import type { Random } from '../rank/prng.ts';

/** `count` rows of `dims` floats, row-major, each L2-normalized (or zero). */
export interface Points {
  count: number;
  dims: number;
  data: Float32Array;
}

export interface KMeansResult {
  k: number;
  /** Cluster of each point. */
  assignments: Int32Array;
  /** k normalized centroids, row-major. */
  centroids: Float32Array;
  iterations: number;
}

const DEFAULT_MAX_ITERATIONS = 100;

export function dotRows(a: Float32Array, aRow: number, b: Float32Array, bRow: number, dims: number): number {
  let sum = 0;
  const ao = aRow * dims;
  const bo = bRow * dims;
  for (let d = 0; d < dims; d++) sum += (a[ao + d] ?? 0) * (b[bo + d] ?? 0);
  return sum;
}

/** Cosine distance 1 − cos, for normalized rows. */
export function cosineDistance(
  a: Float32Array,
  aRow: number,
  b: Float32Array,
  bRow: number,
  dims: number,
): number {
  return Math.max(0, 1 - dotRows(a, aRow, b, bRow, dims));
}

function copyRow(from: Float32Array, fromRow: number, to: Float32Array, toRow: number, dims: number): void {
  to.set(from.subarray(fromRow * dims, (fromRow + 1) * dims), toRow * dims);
}

/** D² sampling: each next centroid is drawn with probability proportional to its squared distance. */
function seedCentroids(points: Points, k: number, random: Random): Float32Array {
  const { count, dims, data } = points;
  const centroids = new Float32Array(k * dims);
  copyRow(data, Math.floor(random() * count), centroids, 0, dims);
  const nearest = new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < count; i++) {
      const d = cosineDistance(data, i, centroids, c - 1, dims);
      nearest[i] = Math.min(nearest[i] ?? 0, d * d);
      total += nearest[i] ?? 0;
    }
    let target = random() * total;
    let chosen = count - 1;
    for (let i = 0; i < count; i++) {
      target -= nearest[i] ?? 0;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
    copyRow(data, chosen, centroids, c, dims);
  }
  return centroids;
}

function assign(points: Points, centroids: Float32Array, k: number, assignments: Int32Array): boolean {
  let changed = false;
  for (let i = 0; i < points.count; i++) {
    let best = 0;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const sim = dotRows(points.data, i, centroids, c, points.dims);
      if (sim > bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    if (assignments[i] !== best) changed = true;
    assignments[i] = best;
  }
  return changed;
}

/** Mean of each cluster, normalized; an empty cluster takes the point farthest from its centroid. */
function update(points: Points, assignments: Int32Array, k: number): Float32Array {
  const { dims, data } = points;
  const centroids = new Float32Array(k * dims);
  const sizes = new Int32Array(k);
  for (let i = 0; i < points.count; i++) {
    const c = assignments[i] ?? 0;
    sizes[c] = (sizes[c] ?? 0) + 1;
    for (let d = 0; d < dims; d++)
      centroids[c * dims + d] = (centroids[c * dims + d] ?? 0) + (data[i * dims + d] ?? 0);
  }
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) copyRow(data, farthestPoint(points, assignments, centroids), centroids, c, dims);
    normalizeRow(centroids, c, dims);
  }
  return centroids;
}

function farthestPoint(points: Points, assignments: Int32Array, sums: Float32Array): number {
  let worst = 0;
  let worstSim = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.count; i++) {
    const row = assignments[i] ?? 0;
    const norm = Math.sqrt(dotRows(sums, row, sums, row, points.dims)) || 1;
    const sim = dotRows(points.data, i, sums, row, points.dims) / norm;
    if (sim < worstSim) {
      worstSim = sim;
      worst = i;
    }
  }
  return worst;
}

export function normalizeRow(data: Float32Array, row: number, dims: number): void {
  const norm = Math.sqrt(dotRows(data, row, data, row, dims));
  if (norm === 0) return;
  for (let d = 0; d < dims; d++) data[row * dims + d] = (data[row * dims + d] ?? 0) / norm;
}

export function kmeans(
  points: Points,
  k: number,
  random: Random,
  maxIterations = DEFAULT_MAX_ITERATIONS,
): KMeansResult {
  if (!Number.isInteger(k) || k < 1 || k > points.count) {
    throw new RangeError(`kmeans: k must be in [1, ${points.count}], got ${k}`);
  }
  let centroids = seedCentroids(points, k, random);
  const assignments = new Int32Array(points.count).fill(-1);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    if (!assign(points, centroids, k, assignments)) break;
    centroids = update(points, assignments, k);
  }
  return { k, assignments, centroids, iterations };
}
