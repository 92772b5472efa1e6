/**
 * In-memory twins of the leaderboards store (src/store/leaderboards-store.ts) and the model
 * alias table (model-aliases-store.ts): per-board state, dated snapshots and change events
 * deduplicated by key and sorted by day then key, source health, and the alias table (given
 * at creation, as a user would edit the file).
 */
import { SourceHealth } from '../../benchmarks/schemas.ts';
import { BOARD_IDS, type BoardId } from '../../leaderboards/leaderboard-row.ts';
import { BoardSnapshot, BoardState, ChangeEvent, emptyBoardState } from '../../leaderboards/snapshot.ts';
import type { DatedJsonStore } from '../dated-json-store.ts';
import { boardLogOps, type LeaderboardsStore } from '../leaderboards-store.ts';
import { ModelAliases, type ModelAliasesStore } from '../model-aliases-store.ts';
import { createJsonCell, createRowsByKey, type JsonCell, memoryPath } from './json-cell.ts';
import { createMemoryDatedJsonStore } from './memory-dated-json-store.ts';

export function createMemoryLeaderboardsStore(): LeaderboardsStore {
  const states = new Map<BoardId, JsonCell<BoardState>>();
  const snapshotStores = new Map<BoardId, DatedJsonStore<BoardSnapshot>>();
  const changes = createRowsByKey((board) => `leaderboards/${board}/changes.jsonl`, ChangeEvent);
  const health = createJsonCell('leaderboards/health.json', SourceHealth);
  const snapshots = (board: BoardId): DatedJsonStore<BoardSnapshot> => {
    let store = snapshotStores.get(board);
    if (!store) {
      store = createMemoryDatedJsonStore(`leaderboards/${board}/snapshots`, BoardSnapshot);
      snapshotStores.set(board, store);
    }
    return store;
  };
  const readChanges = async (board: BoardId): Promise<ChangeEvent[]> => changes.get(board).read();

  return {
    readState: async (board) => states.get(board)?.read() ?? emptyBoardState(board),
    async writeState(state) {
      const cell =
        states.get(state.board) ?? createJsonCell(`leaderboards/${state.board}/state.json`, BoardState);
      cell.write(BoardState.parse(state));
      states.set(state.board, cell);
    },
    ...boardLogOps(snapshots, readChanges, async (board, rows) => changes.get(board).write(rows)),
    async collectedBoards() {
      const withChanges = new Set(changes.keys());
      const checks = await Promise.all(
        BOARD_IDS.map(
          async (b) => states.has(b) || withChanges.has(b) || (await snapshots(b).days()).length > 0,
        ),
      );
      return BOARD_IDS.filter((_, i) => checks[i]);
    },
    readHealth: async () => health.read() ?? { sources: {} },
    writeHealth: async (value) => health.write(SourceHealth.parse(value)),
  };
}

export function createMemoryModelAliasesStore(initial?: ModelAliases): ModelAliasesStore {
  const table = createJsonCell('leaderboards/model-aliases.json', ModelAliases);
  if (initial) table.write(ModelAliases.parse(initial));
  return {
    file: memoryPath('leaderboards/model-aliases.json'),
    async read(create = true) {
      const stored = table.read();
      if (stored) return stored;
      const empty: ModelAliases = { aliases: {} };
      if (create) table.write(empty);
      return empty;
    },
  };
}
