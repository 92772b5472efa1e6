/**
 * `picks/<YYMM>.jsonl`: every paper the ranker picked, keyed by the pick date, so a paper is
 * never shown twice and a re-run of the same date returns the same picks.
 */
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

export interface PicksStore {
  readAll(): Promise<PickRecord[]>;
  forDate(date: string): Promise<PickRecord[]>;
  append(records: readonly PickRecord[]): Promise<void>;
}

/** `2026-11-21` → `2611`. */
export function picksShardOf(date: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}`;
}

export function createPicksStore(stateDir: string, onTorn?: (file: string) => void): PicksStore {
  const paths = statePaths(stateDir);
  const readShard = (yymm: string): Promise<PickRecord[]> =>
    readJsonl(paths.picksShard(yymm), PickRecord, onTorn);
  return {
    async readAll() {
      const shards = await listShards(paths.picksDir, '.jsonl');
      return (await Promise.all(shards.map(readShard))).flat();
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
