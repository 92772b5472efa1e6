/**
 * The leaderboards' files under `leaderboards/`:
 *   <board>/snapshots/<YYYY-MM-DD>.json   the day's last fetch, rows sorted (git-friendly history)
 *   <board>/state.json                    validators, the confirmed and the pending snapshot, missing entries
 *   <board>/changes.jsonl                 confirmed change events, sorted by day then key, one per key
 *   health.json                           consecutive failures per board
 * Every file is validated on read; a write replaces it atomically. A crash between the files is
 * safe: the events are written before the state that confirmed them, and their keys dedupe a replay.
 */
import { join } from 'node:path';
import { SourceHealth } from '../benchmarks/schemas.ts';
import { BOARD_IDS, type BoardId } from '../leaderboards/leaderboard-row.ts';
import { BoardSnapshot, BoardState, ChangeEvent, emptyBoardState } from '../leaderboards/snapshot.ts';
import { createDatedJsonStore, type DatedJsonStore } from './dated-json-store.ts';
import { readJsonFile, readJsonl, writeJsonFile, writeJsonl } from './jsonl-file.ts';
import { listDir } from './list-dir.ts';

export interface LeaderboardsStore {
  readState(board: BoardId): Promise<BoardState>;
  writeState(state: BoardState): Promise<void>;
  writeSnapshot(snapshot: BoardSnapshot): Promise<void>;
  readSnapshot(board: BoardId, day: string): Promise<BoardSnapshot | undefined>;
  /** Days with a snapshot, oldest first. */
  snapshotDays(board: BoardId): Promise<string[]>;
  /** The newest snapshot of a board, if any. */
  latestSnapshot(board: BoardId): Promise<BoardSnapshot | undefined>;
  /** The newest snapshot of every board that has one. */
  latestSnapshots(): Promise<BoardSnapshot[]>;
  readChanges(board: BoardId): Promise<ChangeEvent[]>;
  /** Adds the events whose key is not recorded yet; returns those. */
  addChanges(board: BoardId, events: readonly ChangeEvent[]): Promise<ChangeEvent[]>;
  markAlerted(board: BoardId, keys: readonly string[], at: string): Promise<void>;
  /** Boards with any file under leaderboards/. */
  collectedBoards(): Promise<BoardId[]>;
  readHealth(): Promise<SourceHealth>;
  writeHealth(health: SourceHealth): Promise<void>;
}

export function leaderboardsDir(stateDir: string): string {
  return join(stateDir, 'leaderboards');
}

const byDayThenKey = (a: ChangeEvent, b: ChangeEvent): number =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

/**
 * The snapshot and change-log half of the store, over a board's dated snapshots and its change
 * log's read and write — shared with the in-memory twin, so both dedupe and sort events alike.
 */
export function boardLogOps(
  snapshots: (board: BoardId) => DatedJsonStore<BoardSnapshot>,
  readChanges: (board: BoardId) => Promise<ChangeEvent[]>,
  writeChanges: (board: BoardId, rows: ChangeEvent[]) => Promise<void>,
): Pick<
  LeaderboardsStore,
  | 'writeSnapshot'
  | 'readSnapshot'
  | 'snapshotDays'
  | 'latestSnapshot'
  | 'latestSnapshots'
  | 'readChanges'
  | 'addChanges'
  | 'markAlerted'
> {
  return {
    writeSnapshot: (snapshot) => snapshots(snapshot.board).write(snapshot.day, snapshot),
    readSnapshot: (board, day) => snapshots(board).read(day),
    snapshotDays: (board) => snapshots(board).days(),
    latestSnapshot: async (board) => (await snapshots(board).latest())?.value,
    async latestSnapshots() {
      const all = await Promise.all(BOARD_IDS.map(async (b) => (await snapshots(b).latest())?.value));
      return all.filter((s): s is BoardSnapshot => s !== undefined);
    },
    readChanges,
    async addChanges(board, events) {
      if (events.length === 0) return [];
      const current = await readChanges(board);
      const known = new Set(current.map((e) => e.key));
      const added: ChangeEvent[] = [];
      for (const event of events) {
        if (known.has(event.key)) continue;
        known.add(event.key);
        added.push(ChangeEvent.parse(event));
      }
      if (added.length > 0) await writeChanges(board, [...current, ...added].sort(byDayThenKey));
      return added;
    },
    async markAlerted(board, keys, at) {
      if (keys.length === 0) return;
      const wanted = new Set(keys);
      const rows = (await readChanges(board)).map((e) => (wanted.has(e.key) ? { ...e, alertedAt: at } : e));
      await writeChanges(board, rows);
    },
  };
}

export function createLeaderboardsStore(stateDir: string): LeaderboardsStore {
  const root = leaderboardsDir(stateDir);
  const boardDir = (board: BoardId) => join(root, board);
  const snapshots = (board: BoardId) =>
    createDatedJsonStore(join(boardDir(board), 'snapshots'), BoardSnapshot);
  const stateFile = (board: BoardId) => join(boardDir(board), 'state.json');
  const changesFile = (board: BoardId) => join(boardDir(board), 'changes.jsonl');
  const healthFile = join(root, 'health.json');
  const readChanges = (board: BoardId) => readJsonl(changesFile(board), ChangeEvent);

  return {
    async readState(board) {
      return (await readJsonFile(stateFile(board), BoardState)) ?? emptyBoardState(board);
    },
    writeState: (state) => writeJsonFile(stateFile(state.board), BoardState.parse(state)),
    ...boardLogOps(snapshots, readChanges, (board, rows) => writeJsonl(changesFile(board), rows)),
    async collectedBoards() {
      const names = new Set(await listDir(root));
      return BOARD_IDS.filter((b) => names.has(b));
    },
    async readHealth() {
      return (await readJsonFile(healthFile, SourceHealth)) ?? { sources: {} };
    },
    writeHealth: (health) => writeJsonFile(healthFile, SourceHealth.parse(health)),
  };
}
