/** The shard files must be plain parquet that other tools read and write: DuckDB checks both ways. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddingsStore } from './embeddings-store.ts';

let stateDir: string;
let instance: DuckDBInstance;
let duckdb: DuckDBConnection;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'radar-embeddings-interop-'));
  instance = await DuckDBInstance.create(':memory:');
  duckdb = await instance.connect();
});
afterAll(() => {
  duckdb.closeSync();
  instance.closeSync();
  rmSync(stateDir, { recursive: true, force: true });
});

async function storeWithMeta(model: string, dims: number) {
  const store = createEmbeddingsStore(stateDir, model);
  await store.writeMeta({
    model,
    backend: 'test',
    dims,
    normalize: false,
    createdAt: '2026-01-01T00:00:00Z',
  });
  return store;
}

function randomVector(dims: number): Float32Array {
  return Float32Array.from(
    { length: dims },
    () => (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 8 - 4),
  );
}

describe('embeddings parquet interoperability (DuckDB)', () => {
  it('DuckDB reads a shard as id VARCHAR, vector FLOAT[] with the exact values', async () => {
    const store = await storeWithMeta('interop', 8);
    const rows = ['2511.00003', '2511.00001', '2511.00002'].map((id) => ({ id, vector: randomVector(8) }));
    await store.upsert(rows);
    const file = join(stateDir, 'embeddings', 'interop', '2511.parquet');

    const described = await duckdb.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    const types = described.getRowObjectsJS().map((row) => [row.column_name, row.column_type]);
    expect(types).toEqual([
      ['id', 'VARCHAR'],
      ['vector', 'FLOAT[]'],
    ]);

    const read = await duckdb.runAndReadAll(`SELECT id, vector FROM read_parquet('${file}')`);
    const expected = [...rows]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(({ id, vector }) => ({ id, vector: Array.from(vector) }));
    expect(read.getRowObjectsJS()).toEqual(expected);
  });

  it('loads a shard that DuckDB wrote', async () => {
    const store = await storeWithMeta('from-duckdb', 3);
    const file = join(stateDir, 'embeddings', 'from-duckdb', '2510.parquet');
    await duckdb.run(
      `COPY (SELECT * FROM (VALUES ('2510.00002', [0.5, -2, 3e-5]::FLOAT[]), ('2510.00001', [1, 2, 3]::FLOAT[])) t(id, vector)
        ORDER BY id) TO '${file}' (FORMAT parquet)`,
    );
    expect(await store.checkShard('2510')).toEqual([]);
    const matrix = await store.load();
    expect(matrix.ids).toEqual(['2510.00001', '2510.00002']);
    expect(Array.from(matrix.data)).toEqual([1, 2, 3, 0.5, -2, Math.fround(3e-5)]);
  });
});
