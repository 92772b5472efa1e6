/**
 * One embeddings shard on disk: the parquet file (source of truth) and its raw cache under
 * `index/` (derived). Reads prefer a valid cache and rebuild a missing or stale one.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomicStream } from './atomic-write.ts';
import { decodeVectorParquet, encodeVectorParquetChunks, type VectorShard } from './parquet-vectors.ts';
import {
  readCachedVectors,
  readVectorCacheEntry,
  type SourceStamp,
  stampOf,
  vectorCacheSupported,
  writeVectorCache,
} from './vector-cache.ts';

export interface ShardLocations {
  parquet(yymm: string): string;
  cache(yymm: string): string;
}

/** A shard whose ids are known; `fill` copies its vectors into a matrix at float index `offset`. */
export interface ResolvedShard {
  ids: string[];
  fill(target: Float32Array, offset: number): Promise<void>;
}

const SHARD_FILE = /^(\d{4})\.parquet$/;

export function shardKeyOfFile(file: string): string | undefined {
  return SHARD_FILE.exec(basename(file))?.[1];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readArrayBuffer(file: string): Promise<ArrayBuffer> {
  const bytes = await readFile(file);
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

/** Problems of one shard file against the format; `dims` undefined checks rows against each other. */
export async function checkShardFile(file: string, dims: number | undefined): Promise<string[]> {
  const shard = shardKeyOfFile(file);
  let bytes: ArrayBuffer;
  try {
    bytes = await readArrayBuffer(file);
  } catch (error) {
    return [`unreadable: ${describe(error)}`];
  }
  try {
    const { problems } = await decodeVectorParquet(bytes, { dims, shard });
    return shard === undefined ? ['file name is not <YYMM>.parquet', ...problems] : problems;
  } catch (error) {
    return [`unreadable: not a parquet file (${describe(error)})`];
  }
}

/** What the user can do about a shard that cannot be read. */
export const REPAIR_HINT =
  ' — run `radar embed --repair` to drop this shard’s vectors and embed its papers again';

async function decodeShardFile(file: string, yymm: string, dims: number): Promise<VectorShard> {
  let decoded: Awaited<ReturnType<typeof decodeVectorParquet>>;
  try {
    decoded = await decodeVectorParquet(await readArrayBuffer(file), { dims, shard: yymm });
  } catch (error) {
    throw new StateFileError(file, `unreadable: ${describe(error)}${REPAIR_HINT}`);
  }
  if (decoded.problems.length > 0)
    throw new StateFileError(file, `${decoded.problems.join('; ')}${REPAIR_HINT}`);
  return decoded;
}

async function stampOfFile(file: string): Promise<SourceStamp> {
  return stampOf(await stat(file, { bigint: true }));
}

async function fromCache(cacheFile: string, stamp: SourceStamp, dims: number) {
  const entry = await readVectorCacheEntry(cacheFile, stamp, dims);
  if (!entry) return undefined;
  return {
    ids: entry.ids,
    fill: (target: Float32Array, offset: number) => readCachedVectors(entry, target, offset),
  };
}

/**
 * The shard's ids and a way to read its vectors. A stale or missing cache is rebuilt from the
 * parquet file first; the decoded vectors are then dropped and read back from the new cache, so a
 * cold load of many shards holds at most a few decoded shards at a time.
 */
export async function resolveShard(at: ShardLocations, yymm: string, dims: number): Promise<ResolvedShard> {
  const parquet = at.parquet(yymm);
  // Stamp before reading: if the file changes meanwhile, the cache is stale, never wrongly valid.
  const stamp = await stampOfFile(parquet);
  if (vectorCacheSupported) {
    const cached = await fromCache(at.cache(yymm), stamp, dims);
    if (cached) return cached;
  }
  const shard = await decodeShardFile(parquet, yymm, dims);
  if (vectorCacheSupported) {
    await writeVectorCache(at.cache(yymm), shard, stamp);
    const cached = await fromCache(at.cache(yymm), stamp, dims);
    if (cached) return cached;
  }
  return { ids: shard.ids, fill: async (target, offset) => target.set(shard.data, offset) };
}

export async function readShardVectors(at: ShardLocations, yymm: string, dims: number): Promise<VectorShard> {
  const resolved = await resolveShard(at, yymm, dims);
  const data = new Float32Array(resolved.ids.length * dims);
  await resolved.fill(data, 0);
  return { ids: resolved.ids, dims, data };
}

/** Writes the parquet file (row group by row group), then the cache stamped with the file just written. */
export async function writeShard(
  at: ShardLocations,
  yymm: string,
  shard: VectorShard,
  keyValues: Record<string, string>,
): Promise<void> {
  const parquet = at.parquet(yymm);
  await writeFileAtomicStream(parquet, encodeVectorParquetChunks(shard, keyValues));
  if (vectorCacheSupported) await writeVectorCache(at.cache(yymm), shard, await stampOfFile(parquet));
}
