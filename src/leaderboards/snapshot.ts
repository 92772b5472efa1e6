/**
 * A board's snapshot (one fetch, its rows sorted so files diff well in git), the change events
 * found between two confirmed snapshots, and the per-board state that confirms them.
 */
import { z } from 'zod';
import { BoardId, LeaderboardRow } from './leaderboard-row.ts';

const isoDateTime = z.iso.datetime();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const BoardSnapshot = z.strictObject({
  board: BoardId,
  /** The day (UTC) of the fetch: the snapshot file's name. */
  day: isoDay,
  fetchedAt: isoDateTime,
  /** sha256 of the raw bytes the rows were parsed from. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** A hash of the normalized rows: two fetches are identical when their content hashes agree. */
  contentHash: z.string().min(1),
  displayPrecision: z.number().positive(),
  rows: z.array(LeaderboardRow),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;

export const CHANGE_KINDS = [
  'new_sota',
  'new_sota_significant',
  'tied_sota',
  'new_entry',
  'rank_move',
  'revised',
  'removed',
] as const;
export const ChangeKind = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof ChangeKind>;

const EntryRef = z.strictObject({
  entryKey: z.string(),
  displayName: z.string(),
  score: z.number().nullable(),
  rank: z.int().nullable(),
});
export type EntryRef = z.infer<typeof EntryRef>;

export const ChangeEvent = z.strictObject({
  /** Same change, same key: a re-run or a restart never records or alerts it twice. */
  key: z.string().min(1),
  board: BoardId,
  subboard: z.string(),
  kind: ChangeKind,
  entry: EntryRef,
  /** The entry before (revised, rank_move) or the previous top (SOTA kinds). */
  previous: EntryRef.nullable(),
  /** Arena only: a new top whose interval still overlaps the old top's. */
  provisional: z.boolean().default(false),
  /** The board's display precision, for showing the scores as the board does. */
  displayPrecision: z.number().positive().default(0.1),
  /** When the change was confirmed (the second identical fetch). */
  confirmedAt: isoDateTime,
  /** The snapshot day the change first appeared in. */
  day: isoDay,
  /** When it was sent to the chats; null until then (also for kinds that are not alerted). */
  alertedAt: isoDateTime.nullable().default(null),
});
export type ChangeEvent = z.infer<typeof ChangeEvent>;

export const MissingEntry = z.strictObject({
  row: LeaderboardRow,
  /** Confirmed observations in which the entry was absent. */
  absences: z.int().min(1),
});

export const BoardState = z.strictObject({
  board: BoardId,
  /** Validators of the last fetch, for conditional requests. */
  validators: z.record(
    z.string(),
    z.strictObject({ etag: z.string().optional(), lastModified: z.string().optional() }),
  ),
  /** The last state two consecutive identical fetches agreed on: what changes are measured from. */
  confirmed: BoardSnapshot.nullable(),
  /** The last fetch when it differs from `confirmed`, waiting for a second identical fetch. */
  pending: BoardSnapshot.nullable(),
  /** Entries absent from the confirmed state, kept until their second absence makes them `removed`. */
  missing: z.record(z.string(), MissingEntry).default({}),
});
export type BoardState = z.infer<typeof BoardState>;

export function emptyBoardState(board: BoardId): BoardState {
  return { board, validators: {}, confirmed: null, pending: null, missing: {} };
}

/** The identity of a row across fetches: its sub-table and its stable entry key. */
export function rowId(row: Pick<LeaderboardRow, 'subboard' | 'entryKey'>): string {
  return `${row.subboard}\u0000${row.entryKey}`;
}

/** Rows in a fixed order (sub-table, then entry key), so a snapshot's file and hash are stable. */
export function sortRows(rows: readonly LeaderboardRow[]): LeaderboardRow[] {
  return [...rows].sort((a, b) => {
    const x = rowId(a);
    const y = rowId(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
