/** A sparse vector: sorted feature indices and their values. */
export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

export function sparseDot(row: SparseRow, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < row.indices.length; k++)
    sum += (row.values[k] ?? 0) * (weights[row.indices[k] ?? 0] ?? 0);
  return sum;
}

export function squaredNorm(row: SparseRow): number {
  let sum = 0;
  for (const v of row.values) sum += v * v;
  return sum;
}

/** Cosine of two L2-normalized rows (a merge over the sorted indices). */
export function sparseCosine(a: SparseRow, b: SparseRow): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i] ?? 0;
    const y = b.indices[j] ?? 0;
    if (x === y) sum += (a.values[i++] ?? 0) * (b.values[j++] ?? 0);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
