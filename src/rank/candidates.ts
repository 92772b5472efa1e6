/** The papers a ranking day considers: published in the window, with a vector, not shown, not a near-duplicate. */

import { type DuplicateCluster, duplicateIds, findNearDuplicates, type SearchFn } from '../index/dedup.ts';
import type { Paper } from '../store/schemas.ts';
import { rowIndex, type VectorMatrix } from './vector-matrix.ts';

const DAY_MS = 86_400_000;

/** Papers published on `date` or the `days − 1` days before it (UTC). */
export function inWindow(papers: readonly Paper[], date: string, days: number): Paper[] {
  const end = Date.parse(`${date}T00:00:00Z`) + DAY_MS;
  const start = end - days * DAY_MS;
  return papers.filter((p) => {
    const t = Date.parse(p.published);
    return t >= start && t < end;
  });
}

/**
 * The papers-store shards (YYMM of the arXiv id) that can hold papers of the window: an id
 * carries its submission month, so the window's months, plus the month before (a paper submitted
 * late on a month's last day, Eastern time, is dated the next day in UTC).
 */
export function windowShards(date: string, days: number, existing: readonly string[]): string[] {
  const end = Date.parse(`${date}T00:00:00Z`);
  const first = new Date(end - days * DAY_MS);
  const months = new Set<string>();
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - 1, 1)); d.getTime() <= end; ) {
    months.add(
      `${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
    );
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return existing.filter((shard) => months.has(shard));
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
