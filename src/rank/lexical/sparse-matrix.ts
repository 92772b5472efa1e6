/**
 * Sparse rows packed in CSR form (one offsets array, one indices array, one values array), so
 * the solver walks contiguous typed arrays instead of one small object per row.
 */
import type { SparseRow } from './sparse-row.ts';

export interface CsrMatrix {
  /** Row r spans `[offsets[r], offsets[r + 1])` of `indices` and `values`. */
  offsets: Uint32Array;
  indices: Int32Array;
  values: Float32Array;
}

export function toCsr(rows: readonly SparseRow[]): CsrMatrix {
  const offsets = new Uint32Array(rows.length + 1);
  rows.forEach((row, r) => {
    offsets[r + 1] = (offsets[r] ?? 0) + row.indices.length;
  });
  const nnz = offsets[rows.length] ?? 0;
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  rows.forEach((row, r) => {
    indices.set(row.indices, offsets[r]);
    values.set(row.values, offsets[r]);
  });
  return { offsets, indices, values };
}

export function csrDot(m: CsrMatrix, r: number, weights: Float64Array): number {
  let sum = 0;
  const to = m.offsets[r + 1] ?? 0;
  for (let k = m.offsets[r] ?? 0; k < to; k++) sum += (m.values[k] ?? 0) * (weights[m.indices[k] ?? 0] ?? 0);
  return sum;
}

export function csrAxpy(m: CsrMatrix, r: number, scale: number, weights: Float64Array): void {
  const to = m.offsets[r + 1] ?? 0;
  for (let k = m.offsets[r] ?? 0; k < to; k++) {
    const f = m.indices[k] ?? 0;
    weights[f] = (weights[f] ?? 0) + scale * (m.values[k] ?? 0);
  }
}

export function csrSquaredNorm(m: CsrMatrix, r: number): number {
  let sum = 0;
  const to = m.offsets[r + 1] ?? 0;
  for (let k = m.offsets[r] ?? 0; k < to; k++) sum += (m.values[k] ?? 0) ** 2;
  return sum;
}

/**
 * The matrix with its columns renumbered densely (0…k−1, in increasing original order) over the
 * features that occur in it, and the original feature of each new column. A 10k-row training set
 * touches a fraction of a 100k-paper vocabulary; a weight vector over only those columns stays
 * in cache while the solver walks the rows.
 */
export function compactColumns(m: CsrMatrix, features: number): { matrix: CsrMatrix; columns: Int32Array } {
  const used = new Int32Array(features).fill(-1);
  for (const f of m.indices) used[f] = 0;
  let next = 0;
  for (let f = 0; f < features; f++) if (used[f] === 0) used[f] = next++;
  const columns = new Int32Array(next);
  for (let f = 0; f < features; f++) if ((used[f] ?? -1) >= 0) columns[used[f] ?? 0] = f;
  const indices = m.indices.map((f) => used[f] ?? 0);
  return { matrix: { offsets: m.offsets, indices, values: m.values }, columns };
}

/** Weights over compacted columns spread back over all `features`. */
export function expandWeights(weights: Float64Array, columns: Int32Array, features: number): Float64Array {
  const full = new Float64Array(features);
  columns.forEach((f, j) => {
    full[f] = weights[j] ?? 0;
  });
  return full;
}
