/** The papers a ranking day considers: published in the window, with a vector, not shown, not a near-duplicate. */

import { type DuplicateCluster, duplicateIds, findNearDuplicates, type SearchFn } from '../index/dedup.ts';
import type { Paper } from '../store/schemas.ts';
import { rowIndex, type VectorMatrix } from './vector-matrix.ts';

const DAY_MS = 86_400_000;

/** Whether a paper was published on `date` or the `days − 1` days before it (UTC). */
export function windowFilter(date: string, days: number): (paper: Paper) => boolean {
  const end = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
  const start = end - days * DAY_MS;
  return (p) => {
    const t = Date.parse(p.published);
    return t >= start && t < end;
  };
}

export interface CandidateRows {
  /** Matrix rows of the candidates. */
  rows: number[];
  withoutVector: number;
  duplicates: DuplicateCluster[];
}

export function candidateRows(
  matrix: VectorMatrix,
  papers: readonly Paper[],
  shown: ReadonlySet<string>,
  dedup: { search: SearchFn; threshold: number },
): CandidateRows {
  const index = rowIndex(matrix);
  const fresh = papers.filter((p) => !shown.has(p.id));
  const rows = fresh.flatMap((p) => {
    const row = index.get(p.id);
    return row === undefined ? [] : [row];
  });
  const queries = rows.map((row) => ({
    id: matrix.ids[row] ?? '',
    vector: matrix.data.subarray(row * matrix.dims, (row + 1) * matrix.dims),
  }));
  const duplicates = findNearDuplicates(queries, dedup.search, { threshold: dedup.threshold });
  const dropped = duplicateIds(duplicates);
  return {
    rows: rows.filter((row) => !dropped.has(matrix.ids[row] ?? '')),
    withoutVector: fresh.length - rows.length,
    duplicates,
  };
}
