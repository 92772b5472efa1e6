/**
 * A tighter max_df applied to rows already vectorized under a looser one: the terms found in
 * more than `cap` of the corpus's documents are dropped and the row is L2-normalized again, which
 * is the row a vocabulary fitted with max_df = cap would give (the idf of a kept term does not
 * depend on the bound). One stored vocabulary can then serve every bound the folds try.
 */
import type { CsrMatrix } from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';
import type { TfidfVocabulary } from './tfidf.ts';

/** Share of the corpus's documents holding each term, recovered from the smooth idf. */
export function documentShares(vocabulary: TfidfVocabulary): Float64Array {
  const n = vocabulary.docCount;
  return Float64Array.from(vocabulary.idf, (idf) => ((1 + n) * Math.exp(1 - idf) - 1) / Math.max(1, n));
}

/** Slack on the bound, so a share recovered from the idf (off by rounding) stays on its side. */
const SLACK = 1e-9;

export function capRow(row: SparseRow, shares: ArrayLike<number>, bound: number): SparseRow {
  const cap = bound + SLACK;
  let kept = 0;
  let norm = 0;
  for (let k = 0; k < row.indices.length; k++) {
    if ((shares[row.indices[k] ?? 0] ?? 0) > cap) continue;
    kept += 1;
    norm += (row.values[k] ?? 0) ** 2;
  }
  if (kept === row.indices.length) return row;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const indices = new Int32Array(kept);
  const values = new Float32Array(kept);
  let j = 0;
  for (let k = 0; k < row.indices.length; k++) {
    if ((shares[row.indices[k] ?? 0] ?? 0) > cap) continue;
    indices[j] = row.indices[k] ?? 0;
    values[j++] = (row.values[k] ?? 0) * scale;
  }
  return { indices, values };
}

/**
 * The rows without the columns whose corpus share of documents exceeds `bound`, each
 * L2-normalized again: what `capRow` does to each row, in one pass over the packed arrays.
 */
export function capCsr(m: CsrMatrix, columnShares: Float64Array, bound: number): CsrMatrix {
  const cap = bound + SLACK;
  const rows = m.offsets.length - 1;
  const { offsets: source, indices: sourceIndices, values: sourceValues } = m;
  // Counted first, so the capped copy is allocated once at its size (not at the source's, then sliced).
  let kept = 0;
  for (let k = 0; k < sourceIndices.length; k++) if (columnShares[sourceIndices[k]!]! <= cap) kept++;
  const offsets = new Uint32Array(rows + 1);
  const indices = new Int32Array(kept);
  const values = new Float32Array(kept);
  let j = 0;
  for (let r = 0; r < rows; r++) {
    const from = j;
    let norm = 0;
    for (let k = source[r]!; k < source[r + 1]!; k++) {
      const f = sourceIndices[k]!;
      if (columnShares[f]! > cap) continue;
      const v = sourceValues[k]!;
      indices[j] = f;
      values[j++] = v;
      norm += v * v;
    }
    if (j - from < source[r + 1]! - source[r]!) {
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let k = from; k < j; k++) values[k] = values[k]! * scale;
    }
    offsets[r + 1] = j;
  }
  return { offsets, indices, values };
}

/** A linear model's score of one packed row (its indices and values at `[from, to)`). */
export type RangeScorer = (
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
) => number;

/**
 * The score w·capRow(x) + b without building the capped row: the terms over the bound have no
 * weight (the model was trained without them), so the capped row's dot product is the full
 * row's divided by the norm of its kept part — one pass, no allocation per paper.
 */
export function cappedScorer(
  model: { weights: Float64Array; bias: number },
  cap?: { shares: ArrayLike<number>; bound: number },
): RangeScorer {
  const { weights, bias } = model;
  if (!cap) {
    return (indices, values, from, to) => {
      let dot = 0;
      for (let k = from; k < to; k++) dot += values[k]! * weights[indices[k]!]!;
      return dot + bias;
    };
  }
  const over = new Uint8Array(weights.length);
  for (let f = 0; f < over.length; f++) if ((cap.shares[f] ?? 0) > cap.bound + SLACK) over[f] = 1;
  return (indices, values, from, to) => {
    let dot = 0;
    let kept = 0;
    let dropped = false;
    for (let k = from; k < to; k++) {
      const f = indices[k]!;
      const v = values[k]!;
      if (over[f] === 1) {
        dropped = true;
        continue;
      }
      dot += v * weights[f]!;
      kept += v * v;
    }
    if (!dropped) return dot + bias;
    return (kept > 0 ? dot / Math.sqrt(kept) : 0) + bias;
  };
}
