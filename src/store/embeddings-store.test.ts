import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateFileError } from '../core/errors.ts';
import { createEmbeddingsStore, type EmbeddingModelMeta, InvalidEmbeddingError } from './embeddings-store.ts';
import { encodeVectorParquet } from './parquet-vectors.ts';

const DIMS = 4;
const meta: EmbeddingModelMeta = {
  model: 'mini',
  backend: 'hashing',
  dims: DIMS,
  normalize: true,
  createdAt: '2026-01-02T03:04:05.000Z',
};

let stateDir: string;
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'radar-embeddings-'));
});
afterEach(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

function vector(...values: number[]): Float32Array {
  return Float32Array.from(values);
}

async function storeWithMeta() {
  const store = createEmbeddingsStore(stateDir, 'mini');
  await store.writeMeta(meta);
  return store;
}

const parquetPath = (yymm: string) => join(stateDir, 'embeddings', 'mini', `${yymm}.parquet`);
const cachePath = (yymm: string) => join(stateDir, 'index', 'mini', 'vectors', `${yymm}.bin`);

function rowOf(matrix: { ids: string[]; dims: number; data: Float32Array }, id: string): number[] {
  const row = matrix.ids.indexOf(id);
  return Array.from(matrix.data.subarray(row * matrix.dims, (row + 1) * matrix.dims));
}

describe('embeddings store', () => {
  it('round-trips meta and exact float32 values', async () => {
    const store = await storeWithMeta();
    const awkward = vector(0.1, -1e-30, 3.4028234663852886e38, Math.PI);
    await store.upsert([{ id: '2511.01234', vector: awkward }]);
    expect(await store.readMeta()).toEqual(meta);
    const fresh = createEmbeddingsStore(stateDir, 'mini');
    const matrix = await fresh.load();
    expect(matrix.ids).toEqual(['2511.01234']);
    expect(matrix.dims).toBe(DIMS);
    expect(matrix.data).toEqual(awkward);
  });

  it('keeps rows sorted by id within a shard and replaces on upsert', async () => {
    const store = await storeWithMeta();
    await store.upsert([
      { id: '2511.00300', vector: vector(3, 3, 3, 3) },
      { id: '2511.00100', vector: vector(1, 1, 1, 1) },
    ]);
    await store.upsert([
      { id: '2511.00200', vector: vector(2, 2, 2, 2) },
      { id: '2511.00100', vector: vector(9, 9, 9, 9) },
    ]);
    const matrix = await store.load();
    expect(matrix.ids).toEqual(['2511.00100', '2511.00200', '2511.00300']);
    expect(rowOf(matrix, '2511.00100')).toEqual([9, 9, 9, 9]);
    expect(rowOf(matrix, '2511.00300')).toEqual([3, 3, 3, 3]);
  });

  it('shards by YYMM, old-style ids included, and loads selected shards', async () => {
    const store = await storeWithMeta();
    await store.upsert([
      { id: 'hep-th/9901001', vector: vector(1, 0, 0, 0) },
      { id: '2511.00001', vector: vector(0, 1, 0, 0) },
      { id: '2512.00001', vector: vector(0, 0, 1, 0) },
    ]);
    expect(await store.shards()).toEqual(['2511', '2512', '9901']);
    expect(statSync(parquetPath('9901')).isFile()).toBe(true);
    expect(await store.ids()).toEqual(new Set(['hep-th/9901001', '2511.00001', '2512.00001']));
    const some = await store.load({ shards: ['9901', '2512'] });
    expect(some.ids).toEqual(['2512.00001', 'hep-th/9901001']);
    expect(rowOf(some, 'hep-th/9901001')).toEqual([1, 0, 0, 0]);
  });

  it('rejects a vector of the wrong length, and writes nothing', async () => {
    const store = await storeWithMeta();
    const upsert = store.upsert([
      { id: '2511.00001', vector: vector(1, 2, 3, 4) },
      { id: '2511.00002', vector: vector(1, 2, 3) },
    ]);
    await expect(upsert).rejects.toThrow(InvalidEmbeddingError);
    await expect(upsert).rejects.toThrow('embedding of 2511.00002: has 3 dimensions, but model "mini" has 4');
    expect(await store.shards()).toEqual([]);
  });

  it('rejects versioned or invalid ids and non-finite values', async () => {
    const store = await storeWithMeta();
    await expect(store.upsert([{ id: '2511.00001v2', vector: vector(1, 2, 3, 4) }])).rejects.toThrow(
      'not a versionless arXiv id',
    );
    await expect(store.upsert([{ id: '2511.00001', vector: vector(1, Number.NaN, 3, 4) }])).rejects.toThrow(
      'NaN or Infinity',
    );
  });

  it('requires the model meta before vectors and validates it on read', async () => {
    const store = createEmbeddingsStore(stateDir, 'mini');
    expect(await store.load()).toEqual({ ids: [], dims: 0, data: new Float32Array(0) });
    await expect(store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }])).rejects.toThrow(
      StateFileError,
    );
    await store.writeMeta(meta);
    writeFileSync(join(stateDir, 'embeddings', 'mini', 'model.json'), '{"model":"mini","dims":"four"}');
    await expect(store.readMeta()).rejects.toThrow(StateFileError);
  });

  it('refuses a dims change while vectors exist, and a foreign model name', async () => {
    const store = await storeWithMeta();
    await store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }]);
    await expect(store.writeMeta({ ...meta, dims: 8 })).rejects.toThrow('dims would change from 4 to 8');
    await expect(store.writeMeta({ ...meta, model: 'other' })).rejects.toThrow('expected "mini"');
    expect(() => createEmbeddingsStore(stateDir, '../escape')).toThrow('invalid embedding model name');
  });
});

describe('embeddings store cache', () => {
  it('writes the cache at upsert time and loads from it', async () => {
    const store = await storeWithMeta();
    await store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }]);
    // Tamper with the cached floats only: a load that returns them proves it read the cache.
    const bytes = readFileSync(cachePath('2511'));
    new DataView(bytes.buffer, bytes.byteOffset).setFloat32(bytes.length - 4, 42, true);
    writeFileSync(cachePath('2511'), bytes);
    expect(rowOf(await store.load(), '2511.00001')).toEqual([1, 2, 3, 42]);
  });

  it('rebuilds a cache whose parquet shard was rewritten by hand', async () => {
    const store = await storeWithMeta();
    await store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }]);
    await store.load();
    const replaced = { ids: ['2511.00001'], dims: DIMS, data: vector(5, 6, 7, 8) };
    writeFileSync(parquetPath('2511'), await encodeVectorParquet(replaced));
    expect(rowOf(await store.load(), '2511.00001')).toEqual([5, 6, 7, 8]);
  });

  it('rebuilds a cache whose parquet shard was touched, or that is missing or damaged', async () => {
    const store = await storeWithMeta();
    await store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }]);
    const before = statSync(cachePath('2511')).ino;
    const later = new Date(Date.now() + 60_000);
    utimesSync(parquetPath('2511'), later, later);
    expect(rowOf(await store.load(), '2511.00001')).toEqual([1, 2, 3, 4]);
    expect(statSync(cachePath('2511')).ino).not.toBe(before);

    rmSync(join(stateDir, 'index'), { recursive: true });
    expect(rowOf(await store.load(), '2511.00001')).toEqual([1, 2, 3, 4]);
    writeFileSync(cachePath('2511'), readFileSync(cachePath('2511')).subarray(0, 70));
    expect(rowOf(await store.load(), '2511.00001')).toEqual([1, 2, 3, 4]);
    expect(statSync(cachePath('2511')).size).toBeGreaterThan(70);
  });
});

describe('embeddings store checks', () => {
  it('finds no problem in a shard it wrote', async () => {
    const store = await storeWithMeta();
    await store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }]);
    expect(await store.checkShard('2511')).toEqual([]);
    expect(await store.checkShard(parquetPath('2511'))).toEqual([]);
  });

  it('reports a corrupt parquet file, and load fails with the file named', async () => {
    const store = await storeWithMeta();
    await store.upsert([{ id: '2511.00001', vector: vector(1, 2, 3, 4) }]);
    const bytes = readFileSync(parquetPath('2511'));
    writeFileSync(parquetPath('2511'), bytes.subarray(0, bytes.length - 20));
    const problems = await store.checkShard('2511');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^unreadable: /);
    await expect(store.load()).rejects.toThrow(StateFileError);
    await expect(store.load()).rejects.toThrow(parquetPath('2511'));
  });

  it('reports unsorted and duplicate ids, ids of another shard and wrong dims', async () => {
    const store = await storeWithMeta();
    const ids = ['2511.00002', '2511.00001', '2511.00001', '2512.00001'];
    writeFileSync(
      parquetPath('2511'),
      await encodeVectorParquet({ ids, dims: DIMS, data: new Float32Array(16) }),
    );
    writeFileSync(
      parquetPath('2510'),
      await encodeVectorParquet({ ids: ['2510.00001'], dims: 3, data: vector(1, 2, 3) }),
    );
    expect(await store.checkShard('2511')).toEqual([
      'row 1: 2511.00001 comes after 2511.00002 (ids must be sorted)',
      'row 2: duplicate id 2511.00001',
      'row 3: 2512.00001 belongs to shard 2512',
    ]);
    expect(await store.checkShard('2510')).toEqual(['row 0 (2510.00001): vector has 3 values, expected 4']);
    expect(await store.checkShard(join(stateDir, 'missing.parquet'))).toEqual([
      expect.stringMatching(/^unreadable: ENOENT/),
    ]);
  });
});
