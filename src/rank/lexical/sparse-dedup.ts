/**
 * Near-duplicates among candidate tf-idf rows: walking the candidates from the best score down,
 * a row whose cosine with a kept row reaches the threshold is dropped. Quadratic, so only the
 * `limit` best candidates are compared (the picks come from the top; duplicates are rare).
 */
import { type SparseRow, sparseCosine } from './sparse-row.ts';

export function sparseDuplicates(
  rows: readonly SparseRow[],
  scores: ArrayLike<number>,
  threshold: number,
  limit = 2000,
): Set<number> {
  const order = Array.from(rows, (_, i) => i)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
    .slice(0, limit);
  const kept: number[] = [];
  const dropped = new Set<number>();
  for (const i of order) {
    const row = rows[i] as SparseRow;
    if (row.indices.length > 0 && kept.some((k) => sparseCosine(rows[k] as SparseRow, row) >= threshold))
      dropped.add(i);
    else kept.push(i);
  }
  return dropped;
}
