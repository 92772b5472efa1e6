import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  encodeVectorCache,
  readCachedVectors,
  readVectorCacheEntry,
  writeVectorCache,
} from './vector-cache.ts';

const stamp = { size: 1234n, mtimeNs: 1_763_000_000_123_456_789n, ino: 42n };
const shard = { ids: ['2511.00001', 'hep-th/9901001'], dims: 3, data: Float32Array.from([1, 2, 3, 4, 5, 6]) };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'radar-vector-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('vector cache', () => {
  it('reads back ids, then floats straight into a matrix at an offset', async () => {
    const file = join(dir, 'nested', '2511.bin');
    await writeVectorCache(file, shard, stamp);
    const entry = await readVectorCacheEntry(file, stamp, 3);
    expect(entry?.ids).toEqual(shard.ids);
    const matrix = new Float32Array(9);
    if (entry) await readCachedVectors(entry, matrix, 3);
    expect(Array.from(matrix)).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
  });

  it('is not valid for another stamp or dims', async () => {
    const file = join(dir, '2511.bin');
    await writeVectorCache(file, shard, stamp);
    expect(await readVectorCacheEntry(file, { ...stamp, mtimeNs: stamp.mtimeNs + 1n }, 3)).toBeUndefined();
    expect(await readVectorCacheEntry(file, { ...stamp, size: 1235n }, 3)).toBeUndefined();
    expect(await readVectorCacheEntry(file, { ...stamp, ino: 43n }, 3)).toBeUndefined();
    expect(await readVectorCacheEntry(file, stamp, 4)).toBeUndefined();
  });

  it('is not valid when missing, truncated or foreign', async () => {
    const file = join(dir, '2511.bin');
    expect(await readVectorCacheEntry(file, stamp, 3)).toBeUndefined();
    const bytes = encodeVectorCache(shard, stamp);
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(await readVectorCacheEntry(file, stamp, 3)).toBeUndefined();
    writeFileSync(file, 'PAR1 not a cache at all, but long enough to hold a whole header of 64 bytes');
    expect(await readVectorCacheEntry(file, stamp, 3)).toBeUndefined();
  });

  it('holds an empty shard', async () => {
    const file = join(dir, '2511.bin');
    await writeVectorCache(file, { ids: [], dims: 3, data: new Float32Array(0) }, stamp);
    expect((await readVectorCacheEntry(file, stamp, 3))?.ids).toEqual([]);
  });
});
