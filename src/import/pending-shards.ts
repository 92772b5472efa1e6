/**
 * Rows read but not stored yet, grouped by shard (YYMM). Every store write rewrites a whole shard,
 * so rows wait until the file has moved past their shard (yearly files are mostly in id order)
 * and each shard is written about once; a cap on the rows held bounds memory for files in any order.
 */
import { shardOf } from '../core/arxiv-id.ts';
import type { Paper } from '../store/schemas.ts';

export interface ShardRows {
  papers: Paper[];
  /** Per model: id → vector. */
  vectors: Map<string, Map<string, Float32Array>>;
  rows: number;
}

export interface PendingShards {
  add(paper: Paper, vectors: ReadonlyMap<string, Float32Array>): void;
  /** Starts a row group: shards it adds to count as touched. */
  beginGroup(): void;
  /** Takes the shards the last group did not touch (all of them once over the cap, or with `all`). */
  take(options?: { all?: boolean }): ShardRows[];
  readonly size: number;
}

export function createPendingShards(maxRows: number): PendingShards {
  const shards = new Map<string, ShardRows>();
  let touched = new Set<string>();
  let size = 0;
  return {
    get size() {
      return size;
    },
    add(paper, vectors) {
      const key = shardOf(paper.id);
      let shard = shards.get(key);
      if (!shard) {
        shard = { papers: [], vectors: new Map(), rows: 0 };
        shards.set(key, shard);
      }
      shard.papers.push(paper);
      for (const [model, vector] of vectors) {
        const byId = shard.vectors.get(model) ?? new Map<string, Float32Array>();
        shard.vectors.set(model, byId.set(paper.id, vector));
      }
      shard.rows += 1;
      size += 1;
      touched.add(key);
    },
    beginGroup() {
      touched = new Set();
    },
    take(options) {
      const everything = options?.all === true || size > maxRows;
      const keys = [...shards.keys()].filter((key) => everything || !touched.has(key)).sort();
      const taken = keys.flatMap((key) => shards.get(key) ?? []);
      for (const key of keys) shards.delete(key);
      size -= taken.reduce((sum, shard) => sum + shard.rows, 0);
      return taken;
    },
  };
}
