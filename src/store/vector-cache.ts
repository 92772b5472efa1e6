/**
 * A derived raw copy of one embeddings shard (`index/<model>/vectors/<YYMM>.bin`) that loads at
 * disk speed: the float32 block is read straight into the caller's matrix, no decoding.
 *
 * Layout, little-endian:
 *   0  magic "RRVECS01"         8  u32 dims          12 u32 count
 *   16 u64 parquet size         24 u64 parquet mtime (ns)   32 u64 parquet inode
 *   40 u32 byte length of the ids block, then zeros up to 64
 *   64 ids, UTF-8, joined by "\n"; zero padding to a multiple of 4
 *   then count * dims float32 values, row-major
 *
 * The stamp (size, mtime, inode) of the parquet shard it was built from makes it valid only
 * while that file is unchanged: any rewrite (an atomic rename gives a new inode) or touch makes
 * it stale, and the store rebuilds it from the parquet file.
 */
import type { BigIntStats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { endianness } from 'node:os';
import { writeFileAtomicStream } from './atomic-write.ts';
import type { VectorShard } from './parquet-vectors.ts';

export interface SourceStamp {
  size: bigint;
  mtimeNs: bigint;
  ino: bigint;
}

/** A cache file whose header matched its parquet shard: its ids, and where its floats start. */
export interface VectorCacheEntry {
  path: string;
  ids: string[];
  dims: number;
  dataOffset: number;
}

const MAGIC = 'RRVECS01';
const HEADER_BYTES = 64;

/** Raw float32 bytes are only portable between little-endian hosts; elsewhere the store skips the cache. */
export const vectorCacheSupported = endianness() === 'LE';

export function stampOf(stats: BigIntStats): SourceStamp {
  return { size: stats.size, mtimeNs: stats.mtimeNs, ino: stats.ino };
}

function align4(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}

/** The cache file's header and ids; its floats follow as `shard.data`'s bytes. */
function encodeVectorCacheHead(shard: VectorShard, stamp: SourceStamp): Uint8Array {
  const idBytes = Buffer.from(shard.ids.join('\n'), 'utf8');
  const bytes = new Uint8Array(align4(HEADER_BYTES + idBytes.length));
  const view = new DataView(bytes.buffer);
  bytes.set(Buffer.from(MAGIC, 'ascii'), 0);
  view.setUint32(8, shard.dims, true);
  view.setUint32(12, shard.ids.length, true);
  view.setBigUint64(16, stamp.size, true);
  view.setBigUint64(24, stamp.mtimeNs, true);
  view.setBigUint64(32, stamp.ino, true);
  view.setUint32(40, idBytes.length, true);
  bytes.set(idBytes, HEADER_BYTES);
  return bytes;
}

function floatBytes(shard: VectorShard): Uint8Array {
  return new Uint8Array(shard.data.buffer, shard.data.byteOffset, shard.ids.length * shard.dims * 4);
}

export function encodeVectorCache(shard: VectorShard, stamp: SourceStamp): Uint8Array {
  const head = encodeVectorCacheHead(shard, stamp);
  const floats = floatBytes(shard);
  const bytes = new Uint8Array(head.length + floats.length);
  bytes.set(head, 0);
  bytes.set(floats, head.length);
  return bytes;
}

/** Written as the header, then the floats straight from the shard: no copy of the floats. */
export async function writeVectorCache(path: string, shard: VectorShard, stamp: SourceStamp): Promise<void> {
  await writeFileAtomicStream(path, [encodeVectorCacheHead(shard, stamp), floatBytes(shard)]);
}

async function readFully(handle: FileHandle, target: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < target.length) {
    const { bytesRead } = await handle.read(target, done, target.length - done, position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

interface CacheHeader {
  dims: number;
  count: number;
  stamp: SourceStamp;
  idBytes: number;
}

function parseHeader(bytes: Uint8Array): CacheHeader | undefined {
  if (Buffer.from(bytes.subarray(0, 8)).toString('ascii') !== MAGIC) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    dims: view.getUint32(8, true),
    count: view.getUint32(12, true),
    stamp: {
      size: view.getBigUint64(16, true),
      mtimeNs: view.getBigUint64(24, true),
      ino: view.getBigUint64(32, true),
    },
    idBytes: view.getUint32(40, true),
  };
}

function sameStamp(a: SourceStamp, b: SourceStamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;
}

async function readValidCache(
  handle: FileHandle,
  path: string,
  stamp: SourceStamp,
  dims: number,
): Promise<VectorCacheEntry | undefined> {
  const headerBytes = new Uint8Array(HEADER_BYTES);
  if (!(await readFully(handle, headerBytes, 0))) return undefined;
  const header = parseHeader(headerBytes);
  if (!header || header.dims !== dims || !sameStamp(header.stamp, stamp)) return undefined;
  const dataOffset = align4(HEADER_BYTES + header.idBytes);
  const { size } = await handle.stat();
  if (size !== dataOffset + header.count * dims * 4) return undefined;
  const idBytes = new Uint8Array(header.idBytes);
  if (!(await readFully(handle, idBytes, HEADER_BYTES))) return undefined;
  const ids = header.count === 0 ? [] : Buffer.from(idBytes).toString('utf8').split('\n');
  return ids.length === header.count ? { path, ids, dims, dataOffset } : undefined;
}

/**
 * Reads the cache's header and ids when it exists and was built from the parquet file with
 * `stamp` for `dims`; undefined when it is missing, stale or damaged.
 */
export async function readVectorCacheEntry(
  path: string,
  stamp: SourceStamp,
  dims: number,
): Promise<VectorCacheEntry | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return await readValidCache(handle, path, stamp, dims);
  } finally {
    await handle.close();
  }
}

/** Reads the entry's vectors straight into `target`, starting at float index `offset`. */
export async function readCachedVectors(
  entry: VectorCacheEntry,
  target: Float32Array,
  offset: number,
): Promise<void> {
  const handle = await open(entry.path, 'r');
  try {
    const length = entry.ids.length * entry.dims * 4;
    const bytes = new Uint8Array(target.buffer, target.byteOffset + offset * 4, length);
    if (!(await readFully(handle, bytes, entry.dataOffset))) throw new Error(`${entry.path}: truncated`);
  } finally {
    await handle.close();
  }
}
