/**
 * Rows read but not stored yet, grouped by shard (YYMM). Every store write rewrites a whole shard,
 * so a shard waits until the file has moved past it: once `settleRows` rows have been read since
 * its last row (yearly files are mostly in id order, so it is then most likely complete), it is
 * handed over and written about once. A cap on the rows held bounds memory for files in any
 * order: past it, the shards the file left longest ago are handed over until half the cap is held
 * (a shard that shows up again later is merged into what was written).
 */
import { shardOf } from '../core/arxiv-id.ts';
import type { Paper } from '../store/schemas.ts';

export interface ShardRows {
  key: string;
  papers: Paper[];
  /** Per model: id → vector. */
  vectors: Map<string, Map<string, Float32Array>>;
  rows: number;
}

export interface PendingShardsOptions {
  /** Rows held at most before shards are handed over whatever the order of the file. */
  maxRows: number;
  /** Rows read past a shard's last row after which the file counts as done with it. */
  settleRows: number;
}

export interface PendingShards {
  add(paper: Paper, vectors: ReadonlyMap<string, Float32Array>): void;
  /** Whether to call `take` now: over the cap, or `settleRows` rows since the last look (cheap, per row). */
  readonly due: boolean;
  /** Takes the settled shards (and the oldest ones while over the cap), or every shard with `all`; sorted by key. */
  take(options?: { all?: boolean }): ShardRows[];
  readonly size: number;
}

interface Held extends ShardRows {
  /** Position (rows added so far) of the shard's last row. */
  last: number;
}

export function createPendingShards(options: PendingShardsOptions): PendingShards {
  const { maxRows, settleRows } = options;
  const shards = new Map<string, Held>();
  let added = 0;
  let size = 0;
  /** Position of the last `take`: looking again is due `settleRows` rows later. */
  let checked = 0;

  const settled = (shard: Held): boolean => added - shard.last >= settleRows;
  const hand = (keys: Iterable<string>): ShardRows[] => {
    const taken: ShardRows[] = [];
    for (const key of keys) {
      const shard = shards.get(key);
      if (!shard) continue;
      shards.delete(key);
      size -= shard.rows;
      taken.push({ key, papers: shard.papers, vectors: shard.vectors, rows: shard.rows });
    }
    return taken.sort((a, b) => (a.key < b.key ? -1 : 1));
  };

  return {
    get size() {
      return size;
    },
    get due() {
      return size > maxRows || (size > 0 && added - checked >= settleRows);
    },
    add(paper, vectors) {
      const key = shardOf(paper.id);
      let shard = shards.get(key);
      if (!shard) {
        shard = { key, papers: [], vectors: new Map(), rows: 0, last: 0 };
        shards.set(key, shard);
      }
      shard.papers.push(paper);
      for (const [model, vector] of vectors) {
        const byId = shard.vectors.get(model) ?? new Map<string, Float32Array>();
        shard.vectors.set(model, byId.set(paper.id, vector));
      }
      shard.rows += 1;
      size += 1;
      added += 1;
      shard.last = added;
    },
    take(options) {
      checked = added;
      if (options?.all === true) return hand([...shards.keys()]);
      const keys = [...shards.values()].filter(settled).map((s) => s.key);
      let held = size - keys.reduce((sum, key) => sum + (shards.get(key)?.rows ?? 0), 0);
      if (held > maxRows) {
        const rest = [...shards.values()].filter((s) => !settled(s)).sort((a, b) => a.last - b.last);
        for (const shard of rest) {
          if (held <= maxRows / 2) break;
          keys.push(shard.key);
          held -= shard.rows;
        }
      }
      return hand(keys);
    },
  };
}
