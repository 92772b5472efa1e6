/**
 * The tf-idf rows of papers through the stored rows of their shard: a paper whose stored row was
 * transformed from the same text under the same vocabulary is read, any other is transformed
 * and its shard's file written again with it. So the first rank over a big state transforms
 * every text once, and later ranks and retrains read rows and take dot products. A vocabulary
 * refit changes the stamp, which makes every stored row stale: each shard is rebuilt when next read.
 */
import { crc32 } from 'node:zlib';
import { compareIds, shardOf } from '../../core/arxiv-id.ts';
import type { LexicalRowsStore, StoredRows } from '../../store/lexical-rows-store.ts';
import { createReadBuffer, type ReadBuffer } from '../../store/read-buffer.ts';
import { createRowBlocks } from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';
import type { TfidfTransform } from './tfidf.ts';

export interface RowsCacheStats {
  /** Rows read from the store. */
  cached: number;
  /** Rows transformed from the text (missing or stale in the store). */
  transformed: number;
  /** Shard files written again. */
  shardsWritten: number;
}

export interface RowsCacheDeps {
  store: LexicalRowsStore;
  model: string;
  /** The stamp of the vocabulary `transform` uses (see `vocabularyStamp`). */
  vocabulary: string;
  transform: TfidfTransform;
  /** Bytes reused by the shard reads of successive calls (one per call otherwise). */
  readBuffer?: ReadBuffer;
}

/** What identifies a fitted vocabulary: its fit time, corpus size and term count. */
export function vocabularyStamp(v: { fittedAt: string; docCount: number; termCount: number }): string {
  return `${v.fittedAt}/${v.docCount}/${v.termCount}`;
}

/** CRC-32 of the text's UTF-8 (zlib's, native): tells a changed text from the one a row was made from. */
function textHash(text: string): number {
  return crc32(text);
}

/**
 * Calls `visit(i, row)` with the row of each `papers[i]`, one shard at a time (so only one
 * shard's stored rows are held), and returns where the rows came from. The row's arrays may be
 * views of the shard's buffer: copy them to keep them past the call. `textOf` builds a paper's
 * text when its row is checked, so a call over many papers never holds all their texts at once.
 */
export async function visitRows<P extends { id: string }>(
  deps: RowsCacheDeps,
  papers: readonly P[],
  textOf: (paper: P) => string,
  visit: (index: number, row: SparseRow) => void,
): Promise<RowsCacheStats> {
  const stats: RowsCacheStats = { cached: 0, transformed: 0, shardsWritten: 0 };
  const byShard = new Map<string, number[]>();
  papers.forEach((p, i) => {
    const shard = shardOf(p.id);
    const list = byShard.get(shard);
    if (list) list.push(i);
    else byShard.set(shard, [i]);
  });
  const readBuffer = deps.readBuffer ?? createReadBuffer();
  for (const [shard, members] of [...byShard].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const read = await deps.store.read(deps.model, shard, readBuffer);
    const stored = read?.vocabulary === deps.vocabulary ? read : undefined;
    const at = new Map(stored?.ids.map((id, i) => [id, i]));
    const indices =
      stored && new Int32Array(stored.indices.buffer, stored.indices.byteOffset, stored.indices.length);
    const fresh = createFreshRows();
    for (const i of members) {
      const paper = papers[i] as P;
      const text = textOf(paper);
      const hash = textHash(text);
      const k = at.get(paper.id);
      if (stored && indices && k !== undefined && stored.textHashes[k] === hash && !fresh.has(paper.id)) {
        const from = stored.offsets[k] ?? 0;
        const to = stored.offsets[k + 1] ?? 0;
        visit(i, { indices: indices.subarray(from, to), values: stored.values.subarray(from, to) });
        stats.cached += 1;
        continue;
      }
      const row = deps.transform(text);
      fresh.add(paper.id, hash, row);
      visit(i, row);
      stats.transformed += 1;
    }
    if (fresh.size === 0) continue;
    await deps.store.write(deps.model, shard, mergeRows(deps.vocabulary, stored, fresh));
    stats.shardsWritten += 1;
  }
  return stats;
}

/**
 * A shard's transformed rows, packed as they come (a paper transformed twice keeps its last
 * row), until the shard is written.
 */
interface FreshRows {
  readonly size: number;
  has(id: string): boolean;
  add(id: string, hash: number, row: SparseRow): void;
  forEach(visit: (id: string, hash: number, indices: Int32Array, values: Float32Array) => void): void;
}

function createFreshRows(): FreshRows {
  const at = new Map<string, { hash: number; row: number }>();
  const blocks = createRowBlocks();
  return {
    get size() {
      return at.size;
    },
    has: (id) => at.has(id),
    add(id, hash, row) {
      at.set(id, { hash, row: blocks.add(row) });
    },
    forEach(visit) {
      for (const [id, { hash, row }] of at) {
        const { indices, values } = blocks.row(row);
        visit(id, hash, indices, values);
      }
    },
  };
}

/** The stored rows that still serve and the fresh ones, in id order. */
function mergeRows(vocabulary: string, stored: StoredRows | undefined, fresh: FreshRows): StoredRows {
  type Entry = { id: string; hash: number; indices: ArrayLike<number>; values: Float32Array };
  const entries: Entry[] = [];
  stored?.ids.forEach((id, k) => {
    if (fresh.has(id)) return;
    const from = stored.offsets[k] ?? 0;
    const to = stored.offsets[k + 1] ?? 0;
    entries.push({
      id,
      hash: stored.textHashes[k] ?? 0,
      indices: stored.indices.subarray(from, to),
      values: stored.values.subarray(from, to),
    });
  });
  fresh.forEach((id, hash, indices, values) => {
    entries.push({ id, hash, indices, values });
  });
  entries.sort((a, b) => compareIds(a.id, b.id));
  const offsets = new Uint32Array(entries.length + 1);
  entries.forEach((e, i) => {
    offsets[i + 1] = (offsets[i] ?? 0) + e.values.length;
  });
  const nnz = offsets[entries.length] ?? 0;
  const indices = new Uint32Array(nnz);
  const values = new Float32Array(nnz);
  entries.forEach((e, i) => {
    indices.set(e.indices, offsets[i]);
    values.set(e.values, offsets[i]);
  });
  return {
    vocabulary,
    ids: entries.map((e) => e.id),
    textHashes: Uint32Array.from(entries, (e) => e.hash),
    offsets,
    indices,
    values,
  };
}
