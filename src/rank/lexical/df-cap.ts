/**
 * A tighter max_df applied to rows already vectorized under a looser one: the terms found in
 * more than `cap` of the corpus's documents are dropped and the row is L2-normalized again, which
 * is the row a vocabulary fitted with max_df = cap would give (the idf of a kept term does not
 * depend on the bound). One stored vocabulary can then serve every bound the folds try.
 */
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
