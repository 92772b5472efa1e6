/**
 * Ranks within one sub-table. Score boards: 1 + the number of entries scoring strictly higher
 * (ties share a rank). The Arena: 1 + the number of models whose lower bound exceeds this one's
 * upper bound, the Arena's own rule, so overlapping intervals share a rank.
 */
import type { LeaderboardRow } from './leaderboard-row.ts';

/** Rows that take part in a ranking: scored and not hidden by the board. */
export function rankedRows(rows: readonly LeaderboardRow[]): LeaderboardRow[] {
  return rows.filter((r) => r.score !== null && !r.flags.hidden);
}

function hasInterval(row: LeaderboardRow): row is LeaderboardRow & { ciLow: number; ciHigh: number } {
  return row.ciLow !== null && row.ciHigh !== null;
}

/** Rank per entry key of one sub-table's rows. */
export function rankEntries(rows: readonly LeaderboardRow[]): Map<string, number> {
  const ranked = rankedRows(rows);
  const byInterval = ranked.length > 0 && ranked.every(hasInterval);
  const ranks = new Map<string, number>();
  for (const row of ranked) {
    const above = byInterval
      ? ranked.filter((o) => (o.ciLow ?? 0) > (row.ciHigh ?? 0)).length
      : ranked.filter((o) => (o.score ?? 0) > (row.score ?? 0)).length;
    ranks.set(row.entryKey, 1 + above);
  }
  return ranks;
}

/** The top entry: highest score, ties broken by entry key so the choice is stable. */
export function topRow(rows: readonly LeaderboardRow[]): LeaderboardRow | undefined {
  let best: LeaderboardRow | undefined;
  for (const row of rankedRows(rows)) {
    const s = row.score ?? 0;
    const b = best?.score ?? Number.NEGATIVE_INFINITY;
    if (s > b || (s === b && best !== undefined && row.entryKey < best.entryKey)) best = row;
  }
  return best;
}

/** Rows grouped by sub-table. */
export function bySubboard(rows: readonly LeaderboardRow[]): Map<string, LeaderboardRow[]> {
  const groups = new Map<string, LeaderboardRow[]>();
  for (const row of rows) {
    const group = groups.get(row.subboard);
    if (group) group.push(row);
    else groups.set(row.subboard, [row]);
  }
  return groups;
}
