/**
 * The persistent BM25 index, `index/bm25/index.bin` (derived data: rebuilt from the papers when
 * missing, unreadable or built with another analyzer). Layout, little-endian:
 *
 *   "RRBM" · u32 header length · header JSON (utf-8) · zero padding to 4 bytes ·
 *   u32 docHashes[N] · u32 titleLengths[N] · u32 textLengths[N] · u32 offsets[T+1] ·
 *   u32 postingDocs[P] · u16 postingTitleTf[P] · u16 postingTextTf[P]
 *
 * The header holds the format version, the analyzer signature, the stamp of the papers shards it
 * was built from (name → size and mtime), the document ids and the terms.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type SegmentedIndex, segmentOfIndex, segmentRange } from '../search/bm25/index-builder.ts';
import type { InvertedIndex } from '../search/bm25/inverted-index.ts';
import { writeFileAtomicStream } from './atomic-write.ts';
import { listShards } from './papers-store.ts';
import { statePaths } from './paths.ts';

const MAGIC = 'RRBM';

const Header = z.object({
  version: z.literal(1),
  analyzer: z.string(),
  /** Papers shard → "size:mtimeNs" when the index was last brought up to date. */
  shards: z.record(z.string(), z.string()),
  docIds: z.array(z.string()),
  terms: z.array(z.string()),
  titleLengthSum: z.number().nonnegative(),
  textLengthSum: z.number().nonnegative(),
  postings: z.int().nonnegative(),
});

export interface StoredSearchIndex {
  analyzer: string;
  shards: Record<string, string>;
  index: InvertedIndex;
}

export function searchIndexPath(stateDir: string): string {
  return join(statePaths(stateDir).indexDir, 'bm25', 'index.bin');
}

/** Size and mtime of every papers shard: what the index is stamped with. */
export async function papersShardStamps(stateDir: string): Promise<Record<string, string>> {
  const paths = statePaths(stateDir);
  const names = await listShards(paths.papersDir, '.csv');
  const entries = await Promise.all(
    names.map(async (yymm) => {
      const info = await stat(paths.papersShard(yymm), { bigint: true });
      return [yymm, `${info.size}:${info.mtimeNs}`] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** An index whose postings are in one CSR or still in segments: both are written the same way. */
export interface StoredSearchIndexParts {
  analyzer: string;
  shards: Record<string, string>;
  index: InvertedIndex | SegmentedIndex;
}

function segmented(index: InvertedIndex | SegmentedIndex): SegmentedIndex {
  if ('segments' in index) return index;
  const { offsets: _o, postingDocs, postingTitleTf: _t, postingTextTf: _x, ...rest } = index;
  return { ...rest, segments: [segmentOfIndex(index)], postingCount: postingDocs.length };
}

const CHUNK = 1 << 20;

/**
 * The file's bytes in chunks of about 1 MiB, without assembling it: the postings of each term
 * are gathered across the segments, so a build never holds the merged postings next to its segments.
 */
export function* searchIndexChunks(stored: StoredSearchIndexParts): Generator<Uint8Array> {
  const index = segmented(stored.index);
  const header = Buffer.from(
    JSON.stringify({
      version: 1,
      analyzer: stored.analyzer,
      shards: stored.shards,
      docIds: index.docIds,
      terms: index.terms,
      titleLengthSum: index.titleLengthSum,
      textLengthSum: index.textLengthSum,
      postings: index.postingCount,
    }),
    'utf8',
  );
  const lead = new Uint8Array(8 + header.length + ((4 - ((8 + header.length) % 4)) % 4));
  lead.set(Buffer.from(MAGIC, 'ascii'), 0);
  new DataView(lead.buffer).setUint32(4, header.length, true);
  lead.set(header, 8);
  yield lead;
  for (const section of [index.docHashes, index.titleLengths, index.textLengths]) yield bytesOf(section);
  const termCount = index.terms.length;
  const offsets = new Uint32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) {
    let count = 0;
    for (const segment of index.segments) {
      const [from, to] = segmentRange(segment, t);
      count += to - from;
    }
    offsets[t + 1] = (offsets[t] as number) + count;
  }
  yield bytesOf(offsets);
  const columns = [
    (s: (typeof index.segments)[number]) => s.docs,
    (s: (typeof index.segments)[number]) => s.titleTf,
    (s: (typeof index.segments)[number]) => s.textTf,
  ];
  for (const column of columns) {
    let chunk: Uint8Array = new Uint8Array(CHUNK);
    let used = 0;
    for (let t = 0; t < termCount; t++) {
      for (const segment of index.segments) {
        const [from, to] = segmentRange(segment, t);
        if (to === from) continue;
        const bytes = bytesOf(column(segment).subarray(from, to));
        if (used + bytes.length > chunk.length) {
          yield chunk.subarray(0, used);
          chunk = new Uint8Array(Math.max(CHUNK, bytes.length));
          used = 0;
        }
        chunk.set(bytes, used);
        used += bytes.length;
      }
    }
    if (used > 0) yield chunk.subarray(0, used);
  }
}

export function encodeSearchIndex(stored: StoredSearchIndexParts): Uint8Array {
  const chunks = [...searchIndexChunks(stored)];
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Undefined when the bytes are not a readable index of this format (the caller rebuilds). */
export function decodeSearchIndex(bytes: Uint8Array): StoredSearchIndex | undefined {
  if (bytes.length < 8 || Buffer.from(bytes.subarray(0, 4)).toString('ascii') !== MAGIC) return undefined;
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.subarray(8, 8 + headerLength)).toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) return undefined;
  const h = parsed.data;
  const n = h.docIds.length;
  let at = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4);
  const expected = at + 4 * (3 * n + h.terms.length + 1 + h.postings) + 4 * h.postings;
  if (bytes.length !== expected) return undefined;
  // Views on the file's bytes where they are aligned (a file read whole always is), else copies.
  const take32 = (count: number): Uint32Array => {
    const start = bytes.byteOffset + at;
    at += 4 * count;
    if (start % 4 === 0) return new Uint32Array(bytes.buffer, start, count);
    const array = new Uint32Array(count);
    bytesOf(array).set(bytes.subarray(at - 4 * count, at));
    return array;
  };
  const take16 = (count: number): Uint16Array => {
    const start = bytes.byteOffset + at;
    at += 2 * count;
    if (start % 2 === 0) return new Uint16Array(bytes.buffer, start, count);
    const array = new Uint16Array(count);
    bytesOf(array).set(bytes.subarray(at - 2 * count, at));
    return array;
  };
  const index: InvertedIndex = {
    docIds: h.docIds,
    docHashes: take32(n),
    titleLengths: take32(n),
    textLengths: take32(n),
    titleLengthSum: h.titleLengthSum,
    textLengthSum: h.textLengthSum,
    terms: h.terms,
    offsets: take32(h.terms.length + 1),
    postingDocs: take32(h.postings),
    postingTitleTf: take16(h.postings),
    postingTextTf: take16(h.postings),
  };
  if ((index.offsets[h.terms.length] ?? -1) !== h.postings) return undefined;
  return { analyzer: h.analyzer, shards: h.shards, index };
}

export async function readSearchIndex(file: string): Promise<StoredSearchIndex | undefined> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  return bytes ? decodeSearchIndex(bytes) : undefined;
}

export async function writeSearchIndex(file: string, stored: StoredSearchIndexParts): Promise<void> {
  await writeFileAtomicStream(file, searchIndexChunks(stored));
}
