/**
 * The persistent BM25 index under `index/bm25/` (derived data: rebuilt from the papers when
 * missing, unreadable, torn or built with another analyzer), in segments so that a day's papers
 * cost a write of their own size, not a rewrite of the whole index:
 *
 *   manifest.json   format version, analyzer signature, the papers-shard stamps, and the list of
 *                   segment files with each one's byte size and CRC-32;
 *   seg-<n>.bin     one self-contained index each (its own documents and vocabulary): the base
 *                   segment, then one per update.
 *
 * An update writes its segment (atomically, a new name), then the manifest (atomically): the
 * manifest's rename is the commit, so a crash leaves the old manifest and an ignored orphan.
 * When the day segments pass MAX_DAY_SEGMENTS or a quarter of the base's postings, the update
 * writes all the documents as one new base instead (a merge, as Lucene's tiered merges do), so
 * loads never concatenate many parts. A missing segment, a size or CRC mismatch, an unknown
 * manifest version or an old single-file `index.bin` makes the reader answer "none": rebuilt.
 *
 * Each segment file, little-endian:
 *
 *   "RRBM" · u32 header length · header JSON (utf-8) · zero padding to 4 bytes ·
 *   u32 docHashes[N] · u32 titleLengths[N] · u32 textLengths[N] · u32 offsets[T+1] ·
 *   u32 postingDocs[P] · u8 postingTitleTf[P] · u8 postingTextTf[P]
 *
 * The header holds the format version, the analyzer signature, the stamp of the papers shards it
 * was built from (name → size and mtime), the document ids and the terms. A full build may hand
 * its postings over in spilled segments (search-index-scratch.ts): they are read back as written.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import {
  columnBytes,
  type PostingColumn,
  type SegmentedIndex,
  segmentOfIndex,
  segmentRange,
} from '../search/bm25/index-builder.ts';
import type { InvertedIndex } from '../search/bm25/inverted-index.ts';
import { writeFileAtomic, writeFileAtomicStream } from './atomic-write.ts';
import { listShards } from './papers-store.ts';
import { statePaths } from './paths.ts';

const MAGIC = 'RRBM';
/**
 * 4: content hashes are CRC-32; 3 and 4 have one byte a term frequency (2 had two bytes; 1 was
 * the single `index.bin`). Older indexes are not read, they are rebuilt.
 */
const FORMAT_VERSION = 4;

const Header = z.object({
  version: z.literal(FORMAT_VERSION),
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

export function searchIndexDir(stateDir: string): string {
  return join(statePaths(stateDir).indexDir, 'bm25');
}

/** The manifest: the file whose atomic replacement commits a build or an update. */
export function searchIndexPath(stateDir: string): string {
  return join(searchIndexDir(stateDir), MANIFEST);
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
      version: FORMAT_VERSION,
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
  const columns: readonly PostingColumn[] = ['docs', 'titleTf', 'textTf'];
  for (const column of columns) {
    let chunk: Uint8Array = new Uint8Array(CHUNK);
    let used = 0;
    for (let t = 0; t < termCount; t++) {
      for (const segment of index.segments) {
        const [from, to] = segmentRange(segment, t);
        if (to === from) continue;
        const bytes = columnBytes(segment, column, from, to);
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
  const expected = at + 4 * (3 * n + h.terms.length + 1 + h.postings) + 2 * h.postings;
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
  const take8 = (count: number): Uint8Array => {
    at += count;
    return bytes.subarray(at - count, at);
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
    postingTitleTf: take8(h.postings),
    postingTextTf: take8(h.postings),
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

const MANIFEST = 'manifest.json';
const LEGACY_FILE = 'index.bin';
/** Day segments kept beside the base before an update merges them all into a new base. */
export const MAX_DAY_SEGMENTS = 8;

const SegmentEntry = z.object({
  file: z.string().regex(/^seg-\d+\.bin$/),
  bytes: z.int().nonnegative(),
  crc32: z.int().nonnegative(),
  docs: z.int().nonnegative(),
  postings: z.int().nonnegative(),
});
type SegmentEntry = z.infer<typeof SegmentEntry>;

const Manifest = z.object({
  version: z.literal(FORMAT_VERSION),
  analyzer: z.string(),
  shards: z.record(z.string(), z.string()),
  segments: z.array(SegmentEntry).min(1),
});
type Manifest = z.infer<typeof Manifest>;

/** The segments of the stored index, base first, with the manifest they were read under. */
export interface StoredSearchSegments {
  analyzer: string;
  shards: Record<string, string>;
  segments: InvertedIndex[];
  manifest: Manifest;
}

/** Undefined when there is no committed index or any part of it is missing, torn or of another format. */
export async function readSearchSegments(dir: string): Promise<StoredSearchSegments | undefined> {
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) return undefined;
  const manifest = parsed.data;
  const segments: InvertedIndex[] = [];
  for (const entry of manifest.segments) {
    const bytes = await readFile(join(dir, entry.file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!bytes || bytes.length !== entry.bytes || crc32(bytes) !== entry.crc32) return undefined;
    const decoded = decodeSearchIndex(bytes);
    if (
      !decoded ||
      decoded.index.docIds.length !== entry.docs ||
      decoded.index.postingDocs.length !== entry.postings
    )
      return undefined;
    segments.push(decoded.index);
  }
  return { analyzer: manifest.analyzer, shards: manifest.shards, segments, manifest };
}

function segmentNumber(file: string): number {
  return Number(/^seg-(\d+)\.bin$/.exec(file)?.[1] ?? -1);
}

/** Writes one segment file atomically, computing its size and CRC-32 from the chunks written. */
async function writeSegment(
  dir: string,
  number: number,
  parts: StoredSearchIndexParts,
): Promise<SegmentEntry> {
  const file = `seg-${number}.bin`;
  let bytes = 0;
  let crc = 0;
  function* counted(): Generator<Uint8Array> {
    for (const chunk of searchIndexChunks(parts)) {
      bytes += chunk.length;
      crc = crc32(chunk, crc);
      yield chunk;
    }
  }
  await writeFileAtomicStream(join(dir, file), counted());
  const index = segmented(parts.index);
  return { file, bytes, crc32: crc >>> 0, docs: index.docIds.length, postings: index.postingCount };
}

/** Commits the manifest, then removes segment files it does not list (orphans, merged parts, the old format). */
async function commitManifest(dir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(dir, MANIFEST), Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8'));
  const keep = new Set(manifest.segments.map((s) => s.file));
  for (const name of await readdir(dir)) {
    if ((segmentNumber(name) >= 0 && !keep.has(name)) || name === LEGACY_FILE)
      await unlink(join(dir, name)).catch(() => undefined);
  }
}

/** A full build: `index` becomes the only (base) segment. */
export async function writeSearchBase(
  dir: string,
  stored: StoredSearchIndexParts,
  previous?: Manifest,
): Promise<void> {
  const next = Math.max(-1, ...(previous?.segments ?? []).map((s) => segmentNumber(s.file))) + 1;
  const entry = await writeSegment(dir, next, stored);
  await commitManifest(dir, {
    version: FORMAT_VERSION,
    analyzer: stored.analyzer,
    shards: stored.shards,
    segments: [entry],
  });
}

/** Whether adding `postings` more to these segments should merge them into one base instead. */
export function shouldMergeSegments(manifest: Manifest, postings: number): boolean {
  const [base, ...days] = manifest.segments;
  const dayPostings = days.reduce((sum, s) => sum + s.postings, 0) + postings;
  return days.length + 1 > MAX_DAY_SEGMENTS || dayPostings * 4 > (base?.postings ?? 0);
}

/**
 * An update: `addition` (the new documents only, their own vocabulary) is appended as a day
 * segment, or — past the merge threshold — `merged()` (every document) is written as the new base.
 */
export async function saveSearchUpdate(
  dir: string,
  previous: StoredSearchSegments,
  update: {
    analyzer: string;
    shards: Record<string, string>;
    addition: InvertedIndex | SegmentedIndex;
    merged: () => InvertedIndex;
  },
): Promise<'appended' | 'merged'> {
  const addition = segmented(update.addition);
  const { analyzer, shards } = update;
  if (shouldMergeSegments(previous.manifest, addition.postingCount)) {
    await writeSearchBase(dir, { analyzer, shards, index: update.merged() }, previous.manifest);
    return 'merged';
  }
  const next = Math.max(...previous.manifest.segments.map((s) => segmentNumber(s.file))) + 1;
  const entry = await writeSegment(dir, next, { analyzer, shards, index: addition });
  await commitManifest(dir, {
    version: FORMAT_VERSION,
    analyzer,
    shards,
    segments: [...previous.manifest.segments, entry],
  });
  return 'appended';
}
