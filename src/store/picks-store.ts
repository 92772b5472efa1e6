/**
 * `picks/<YYMM>.jsonl`: every paper the ranker picked, keyed by the pick date, so a paper is
 * never shown twice and a re-run of the same date returns the same picks. `picks/ranked.jsonl`:
 * the papers each rank considered, so the next rank's candidates are only papers not ranked yet.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { appendJsonl, readJsonl } from './jsonl-file.ts';
import { listShards } from './papers-store.ts';
import { statePaths } from './paths.ts';
import { PaperId } from './schemas.ts';

export const PickRecord = z.object({
  date: z.iso.date(),
  id: PaperId,
  model: z.string().min(1),
  score: z.number(),
  reason: z.enum(['top', 'explore']),
});
export type PickRecord = z.infer<typeof PickRecord>;

export const RankedRecord = z.object({
  date: z.iso.date(),
  at: z.iso.datetime({ offset: true }),
  ids: z.array(PaperId),
});
export type RankedRecord = z.infer<typeof RankedRecord>;

export interface PicksStore {
  readAll(): Promise<PickRecord[]>;
  forDate(date: string): Promise<PickRecord[]>;
  /** The newest date with picks, or undefined before the first rank. */
  latestDate(): Promise<string | undefined>;
  append(records: readonly PickRecord[]): Promise<void>;
  /** Every paper some rank already considered (picked or not). */
  readRanked(): Promise<Set<string>>;
  appendRanked(record: RankedRecord): Promise<void>;
}

/** `2026-11-21` → `2611`. */
export function picksShardOf(date: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}`;
}

export function createPicksStore(stateDir: string, onTorn?: (file: string) => void): PicksStore {
  const paths = statePaths(stateDir);
  const rankedFile = join(paths.picksDir, 'ranked.jsonl');
  const pickShards = async (): Promise<string[]> =>
    (await listShards(paths.picksDir, '.jsonl')).filter((name) => /^\d{4}$/.test(name));
  const readShard = (yymm: string): Promise<PickRecord[]> =>
    readJsonl(paths.picksShard(yymm), PickRecord, onTorn);
  return {
    async readAll() {
      const shards = await pickShards();
      return (await Promise.all(shards.map(readShard))).flat();
    },
    async latestDate() {
      const shards = (await pickShards()).reverse();
      for (const shard of shards) {
        const latest = (await readShard(shard)).reduce((max, r) => (r.date > max ? r.date : max), '');
        if (latest !== '') return latest;
      }
      return undefined;
    },
    async readRanked() {
      const rows = await readJsonl(rankedFile, RankedRecord, onTorn);
      return new Set(rows.flatMap((r) => r.ids));
    },
    async appendRanked(record) {
      await appendJsonl(rankedFile, [RankedRecord.parse(record)]);
    },
    async forDate(date) {
      return (await readShard(picksShardOf(date))).filter((r) => r.date === date);
    },
    async append(records) {
      const groups = new Map<string, PickRecord[]>();
      for (const record of records) {
        const parsed = PickRecord.parse(record);
        const shard = picksShardOf(parsed.date);
        groups.set(shard, [...(groups.get(shard) ?? []), parsed]);
      }
      for (const [shard, rows] of groups) await appendJsonl(paths.picksShard(shard), rows);
    },
  };
}
