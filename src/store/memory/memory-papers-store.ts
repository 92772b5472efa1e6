/**
 * The in-memory twin of the papers store (src/store/papers-store.ts): shards of rows sorted by
 * id, the same upsert rules (a newer version replaces, the same version with changed metadata
 * updates, a batch's duplicates keep the newest) and the same shapes, light view included.
 */
import { compareIds, shardOf } from '../../core/arxiv-id.ts';
import { headOf } from '../papers-cache.ts';
import {
  groupByShard,
  mergeIntoShard,
  newestById,
  type PapersStore,
  type UpsertCounts,
} from '../papers-store.ts';
import { Paper } from '../schemas.ts';

export function createMemoryPapersStore(): PapersStore {
  const shardRows = new Map<string, Map<string, Paper>>();
  const shards = (): string[] => [...shardRows.keys()].sort();
  const readShard = (yymm: string): Paper[] =>
    [...(shardRows.get(yymm)?.values() ?? [])].map((p) => structuredClone(p));

  const upsertShard = (yymm: string, incoming: readonly Paper[], counts: UpsertCounts): void => {
    const rows = new Map(shardRows.get(yymm) ?? []);
    const changed = mergeIntoShard(rows, incoming, counts, (paper) => Paper.parse(structuredClone(paper)));
    if (changed) {
      const sorted = [...rows.values()].sort((a, b) => compareIds(a.id, b.id));
      shardRows.set(yymm, new Map(sorted.map((p) => [p.id, p])));
    }
  };

  return {
    readShard: async (yymm) => readShard(yymm),
    shards: async () => shards(),
    async upsert(papers) {
      const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
      const unique = newestById(papers);
      // Validate the whole batch first: a bad row stores nothing.
      for (const paper of unique) Paper.parse(paper);
      for (const [yymm, group] of groupByShard(unique)) upsertShard(yymm, group, counts);
      return counts;
    },
    async readAll(options) {
      const { exclude, whereHead, where } = options ?? {};
      return (options?.shards ?? shards()).flatMap((name) =>
        readShard(name).filter(
          (p) => !exclude?.has(p.id) && (whereHead?.(headOf(p)) ?? true) && (where?.(p) ?? true),
        ),
      );
    },
    async readHeads(options) {
      const where = options?.where;
      return (options?.shards ?? shards()).flatMap((name) => {
        const heads = readShard(name).map(headOf);
        return where ? heads.filter(where) : heads;
      });
    },
    async get(ids) {
      const wanted = new Set(ids);
      const found = new Map<string, Paper>();
      for (const name of [...new Set(ids.map(shardOf))].sort())
        for (const paper of readShard(name)) if (wanted.has(paper.id)) found.set(paper.id, paper);
      return found;
    },
  };
}
