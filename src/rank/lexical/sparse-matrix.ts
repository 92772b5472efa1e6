/**
 * Sparse rows packed in CSR form (one offsets array, one indices array, one values array), so
 * the solver walks contiguous typed arrays instead of one small object per row.
 */
import { withCapacity } from '../../core/typed-capacity.ts';
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

/** Rows appended one at a time, each copied whole into one of a list of fixed-size blocks. */
export interface RowBlocks {
  readonly rows: number;
  /** Copies the row in; returns its number (0, 1, 2, …). */
  add(row: SparseRow): number;
  /** Row `r`, as views of its block. */
  row(r: number): { indices: Int32Array; values: Float32Array };
  /** The rows packed in one matrix, row k being row `order[k]` (all in order by default). */
  toCsr(order?: ArrayLike<number>): CsrMatrix;
}

/** Entries per block: 512 KB of indices and values, a few rows' worth of slack at its end. */
const BLOCK = 1 << 16;

/**
 * Blocks, not one pair of arrays grown by doubling, which would hold up to twice the rows (three
 * times while it grew); nor an array pair per row, which at 10k rows outlived the young
 * generation and waited for the old one's late collection.
 */
export function createRowBlocks(): RowBlocks {
  const blocks: { indices: Int32Array; values: Float32Array }[] = [];
  let place = new Uint32Array(3 * 256); // per row: block, from, to
  let rows = 0;
  let used = 0;
  const rowAt = (r: number): { indices: Int32Array; values: Float32Array } => {
    const { indices, values } = blocks[place[3 * r] ?? 0] as (typeof blocks)[number];
    const from = place[3 * r + 1] ?? 0;
    const to = place[3 * r + 2] ?? 0;
    return { indices: indices.subarray(from, to), values: values.subarray(from, to) };
  };
  return {
    get rows() {
      return rows;
    },
    add(row) {
      const length = row.indices.length;
      let block = blocks[blocks.length - 1];
      if (!block || used + length > block.indices.length) {
        const size = Math.max(BLOCK, length);
        block = { indices: new Int32Array(size), values: new Float32Array(size) };
        blocks.push(block);
        used = 0;
      }
      block.indices.set(row.indices, used);
      block.values.set(row.values, used);
      place = withCapacity(place, 3 * (rows + 1));
      place[3 * rows] = blocks.length - 1;
      place[3 * rows + 1] = used;
      place[3 * rows + 2] = used + length;
      used += length;
      return rows++;
    },
    row: rowAt,
    toCsr(order) {
      const count = order ? order.length : rows;
      const at = (k: number): number => (order ? (order[k] ?? 0) : k);
      const offsets = new Uint32Array(count + 1);
      for (let k = 0; k < count; k++) {
        const r = at(k);
        offsets[k + 1] = (offsets[k] ?? 0) + (place[3 * r + 2] ?? 0) - (place[3 * r + 1] ?? 0);
      }
      const nnz = offsets[count] ?? 0;
      const indices = new Int32Array(nnz);
      const values = new Float32Array(nnz);
      for (let k = 0; k < count; k++) {
        const row = rowAt(at(k));
        indices.set(row.indices, offsets[k]);
        values.set(row.values, offsets[k]);
      }
      return { offsets, indices, values };
    },
  };
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
 * The matrix with its columns renumbered densely (0…k−1) over the features that occur in it, the
 * most frequent first (a row's indices are then no longer sorted), and the original feature of each new column. A 10k-row training set
 * touches a fraction of a 100k-paper vocabulary, and most of its non-zeros fall on a few thousand
 * frequent terms: numbered first, their weights share a few cache lines while the solver walks
 * the rows, instead of being scattered over the whole vocabulary.
 */
export function compactColumns(
  m: CsrMatrix,
  features: number,
): { matrix: CsrMatrix; columns: Int32Array; shared: number } {
  const counts = new Uint32Array(features);
  const source = m.indices;
  for (let k = 0; k < source.length; k++) counts[source[k]!]!++;
  // A counting sort by descending count (ties in feature order): counts are at most the row count.
  let top = 0;
  for (let f = 0; f < features; f++) if (counts[f]! > top) top = counts[f]!;
  const starts = new Uint32Array(top + 2);
  for (let f = 0; f < features; f++) if (counts[f]! > 0) starts[top - counts[f]! + 1]!++;
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const used = starts[top + 1]!;
  const columns = new Int32Array(used);
  for (let f = 0; f < features; f++) if (counts[f]! > 0) columns[starts[top - counts[f]!]!++] = f;
  const renumber = new Int32Array(features);
  for (let j = 0; j < used; j++) renumber[columns[j]!] = j;
  const indices = new Int32Array(source.length);
  for (let k = 0; k < source.length; k++) indices[k] = renumber[source[k]!]!;
  let shared = 0;
  while (shared < used && counts[columns[shared]!]! > 1) shared++;
  return { matrix: { offsets: m.offsets, indices, values: m.values }, columns, shared };
}

/** A matrix split at column `shared`: the columns before it, and the rest as per-row entries. */
export interface SplitMatrix {
  /** The columns 0…shared−1 (those that two or more rows hold). */
  matrix: CsrMatrix;
  /** The entries of the other columns, each held by one row only. */
  rest: CsrMatrix;
  /** Per row, the squared norm of its entries in `rest`. */
  restNorms: Float64Array;
}

/**
 * Splits off the columns from `shared` on (after `compactColumns`, those of the features one
 * row alone holds), which the solver takes as a diagonal term (linear-svm.ts `privateNorms`).
 */
export function splitColumns(m: CsrMatrix, shared: number): SplitMatrix {
  const rows = m.offsets.length - 1;
  const offsets = new Uint32Array(rows + 1);
  const restOffsets = new Uint32Array(rows + 1);
  let kept = 0;
  for (const f of m.indices) if (f < shared) kept++;
  const indices = new Int32Array(kept);
  const values = new Float32Array(kept);
  const restIndices = new Int32Array(m.indices.length - kept);
  const restValues = new Float32Array(m.indices.length - kept);
  const restNorms = new Float64Array(rows);
  let j = 0;
  let q = 0;
  const { offsets: from, indices: source, values: sourceValues } = m;
  for (let r = 0; r < rows; r++) {
    for (let k = from[r]!; k < from[r + 1]!; k++) {
      const f = source[k]!;
      const v = sourceValues[k]!;
      if (f < shared) {
        indices[j] = f;
        values[j++] = v;
      } else {
        restIndices[q] = f;
        restValues[q++] = v;
        restNorms[r] = restNorms[r]! + v * v;
      }
    }
    offsets[r + 1] = j;
    restOffsets[r + 1] = q;
  }
  return {
    matrix: { offsets, indices, values },
    rest: { offsets: restOffsets, indices: restIndices, values: restValues },
    restNorms,
  };
}

/** Weights over compacted columns spread back over all `features`. */
export function expandWeights(weights: Float64Array, columns: Int32Array, features: number): Float64Array {
  const full = new Float64Array(features);
  columns.forEach((f, j) => {
    full[f] = weights[j] ?? 0;
  });
  return full;
}
