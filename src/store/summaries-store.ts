/** Summaries in `summaries/<YYMM>.jsonl`, one per paper, sorted by id; each shard is rewritten atomically. */
import { compareIds } from '../core/arxiv-id.ts';
import { StoredSummary } from '../core/summary.ts';
import { readJsonl, writeJsonl } from './jsonl-file.ts';
import { groupByShard, listShards } from './papers-store.ts';
import { statePaths } from './paths.ts';

export interface SummariesStore {
  readAll(): Promise<StoredSummary[]>;
  get(ids: readonly string[]): Promise<Map<string, StoredSummary>>;
  /** Adds or replaces summaries by id. */
  upsert(summaries: readonly StoredSummary[]): Promise<void>;
}

export function createSummariesStore(stateDir: string): SummariesStore {
  const paths = statePaths(stateDir);
  const readShard = (yymm: string): Promise<StoredSummary[]> =>
    readJsonl(paths.summariesShard(yymm), StoredSummary);
  const readAll = async (): Promise<StoredSummary[]> => {
    const shards = await listShards(paths.summariesDir, '.jsonl');
    return (await Promise.all(shards.map(readShard))).flat();
  };
  return {
    readAll,
    async get(ids) {
      const wanted = new Set(ids);
      const groups = groupByShard(ids.map((id) => ({ id })));
      const rows = (await Promise.all([...groups.keys()].map(readShard))).flat();
      return new Map(rows.filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
    },
    async upsert(summaries) {
      for (const [yymm, group] of groupByShard(summaries)) {
        const rows = new Map((await readShard(yymm)).map((s) => [s.id, s]));
        for (const summary of group) rows.set(summary.id, summary);
        await writeJsonl(
          paths.summariesShard(yymm),
          [...rows.values()].sort((a, b) => compareIds(a.id, b.id)),
        );
      }
    },
  };
}
