/** A board fetch as a snapshot: rows sorted, the content hashed so identical fetches are recognized. */
import { createHash } from 'node:crypto';
import type { BoardFetch } from './leaderboard-row.ts';
import { type BoardSnapshot, sortRows } from './snapshot.ts';

export function toSnapshot(fetch: BoardFetch): BoardSnapshot {
  const rows = sortRows(fetch.rows);
  const contentHash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  return {
    board: fetch.board,
    day: fetch.fetchedAt.slice(0, 10),
    fetchedAt: fetch.fetchedAt,
    sha256: fetch.sha256,
    contentHash,
    displayPrecision: fetch.displayPrecision,
    rows,
  };
}
