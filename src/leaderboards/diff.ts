/**
 * The change events between two confirmed states of one board. Pure: the confirmation rule
 * (./confirm.ts) decides when two states are compared, this decides what changed.
 *
 * - new_sota: the top score rose beyond the previous top by more than half the display precision
 *   (a change the board cannot even show is no change). On the Arena the new top is
 *   `new_sota_significant` only when its lower bound exceeds the old top's upper bound; otherwise
 *   it is a provisional `new_sota`.
 * - tied_sota: another entry reached the previous top's score within that half precision.
 * - new_entry, revised (same key, new score), rank_move (an entry of the new top 10 whose rank
 *   changed), removed (absent from two confirmed observations; ./confirm.ts counts them).
 * A rename keeps the entry key, so it is no event.
 */
import type { BoardId, LeaderboardRow } from './leaderboard-row.ts';
import { bySubboard, rankEntries, rankedRows, topRow } from './ranks.ts';
import { type ChangeEvent, type ChangeKind, type EntryRef, rowId } from './snapshot.ts';

export const TOP_RANKS = 10;
/** The board whose ranks and SOTA significance follow confidence intervals. */
const INTERVAL_BOARD: BoardId = 'lmarena';

export interface DiffContext {
  board: BoardId;
  displayPrecision: number;
  confirmedAt: string;
  day: string;
}

function ref(row: LeaderboardRow, rank: number | null): EntryRef {
  return { entryKey: row.entryKey, displayName: row.displayName, score: row.score, rank };
}

function scoreKey(score: number | null): string {
  return score === null ? 'none' : score.toFixed(4);
}

export function eventKey(
  board: BoardId,
  subboard: string,
  kind: ChangeKind,
  entry: EntryRef,
  previous: EntryRef | null,
): string {
  const detail =
    kind === 'rank_move'
      ? `${previous?.rank ?? '-'}>${entry.rank ?? '-'}`
      : kind === 'revised'
        ? `${scoreKey(previous?.score ?? null)}>${scoreKey(entry.score)}`
        : scoreKey(entry.score);
  return [board, subboard, kind, entry.entryKey, detail].join('|');
}

interface Builder {
  ctx: DiffContext;
  subboard: string;
  out: ChangeEvent[];
}

function push(
  b: Builder,
  kind: ChangeKind,
  entry: EntryRef,
  previous: EntryRef | null,
  provisional = false,
): void {
  b.out.push({
    key: eventKey(b.ctx.board, b.subboard, kind, entry, previous),
    board: b.ctx.board,
    subboard: b.subboard,
    kind,
    entry,
    previous,
    provisional,
    displayPrecision: b.ctx.displayPrecision,
    confirmedAt: b.ctx.confirmedAt,
    day: b.ctx.day,
    alertedAt: null,
  });
}

function sotaEvents(
  b: Builder,
  before: LeaderboardRow[],
  after: LeaderboardRow[],
  ranks: Map<string, number>,
) {
  const oldTop = topRow(before);
  const newTop = topRow(after);
  if (!oldTop || !newTop || oldTop.score === null || newTop.score === null) return;
  const half = b.ctx.displayPrecision / 2;
  const previous = ref(oldTop, 1);
  if (newTop.score - oldTop.score > half) {
    const entry = ref(newTop, ranks.get(newTop.entryKey) ?? null);
    if (b.ctx.board !== INTERVAL_BOARD) return push(b, 'new_sota', entry, previous);
    const significant = newTop.ciLow !== null && oldTop.ciHigh !== null && newTop.ciLow > oldTop.ciHigh;
    return push(b, significant ? 'new_sota_significant' : 'new_sota', entry, previous, !significant);
  }
  const beforeByKey = new Map(before.map((r) => [r.entryKey, r]));
  const topScore = oldTop.score;
  const tied = (score: number | null | undefined) => score != null && Math.abs(score - topScore) <= half;
  for (const row of rankedRows(after)) {
    if (row.entryKey === oldTop.entryKey || !tied(row.score)) continue;
    if (tied(beforeByKey.get(row.entryKey)?.score)) continue;
    push(b, 'tied_sota', ref(row, ranks.get(row.entryKey) ?? null), previous);
  }
}

function entryEvents(
  b: Builder,
  before: LeaderboardRow[],
  after: LeaderboardRow[],
  returning: ReadonlySet<string>,
) {
  const oldRanks = rankEntries(before);
  const newRanks = rankEntries(after);
  const beforeByKey = new Map(before.map((r) => [r.entryKey, r]));
  for (const row of after) {
    const old = beforeByKey.get(row.entryKey);
    const rank = newRanks.get(row.entryKey) ?? null;
    if (!old) {
      if (!returning.has(rowId(row))) push(b, 'new_entry', ref(row, rank), null);
      continue;
    }
    const oldRank = oldRanks.get(row.entryKey) ?? null;
    if (scoreKey(old.score) !== scoreKey(row.score)) push(b, 'revised', ref(row, rank), ref(old, oldRank));
    if (rank !== null && rank <= TOP_RANKS && oldRank !== rank)
      push(b, 'rank_move', ref(row, rank), ref(old, oldRank));
  }
}

/**
 * Events from `before` to `after` (both whole boards). `returning` names entries (by row id) that
 * were missing and came back: they are no new entry. A sub-table new to the board brings no
 * events: its entries are not news one by one.
 */
export function diffBoards(
  before: readonly LeaderboardRow[],
  after: readonly LeaderboardRow[],
  ctx: DiffContext,
  returning: ReadonlySet<string> = new Set(),
): ChangeEvent[] {
  const out: ChangeEvent[] = [];
  const oldGroups = bySubboard(before);
  for (const [subboard, rows] of bySubboard(after)) {
    const b: Builder = { ctx, subboard, out };
    const old = oldGroups.get(subboard);
    if (!old) continue;
    sotaEvents(b, old, rows, rankEntries(rows));
    entryEvents(b, old, rows, returning);
  }
  return out;
}

/** The `removed` event of an entry absent twice. */
export function removedEvent(row: LeaderboardRow, ctx: DiffContext): ChangeEvent {
  const out: ChangeEvent[] = [];
  push({ ctx, subboard: row.subboard, out }, 'removed', ref(row, null), null);
  return out[0] as ChangeEvent;
}
