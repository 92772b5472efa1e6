import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { clusteredVectors, toyVectorStore, vectorRows } from '../../tests/helpers/vectors.ts';
import type { VectorMatrix } from '../rank/vector-matrix.ts';
import { createEmbeddingsStore } from '../store/embeddings-store.ts';
import { createModelIndexFiles, openModelIndex } from './index-store.ts';

const tempDir = useTempDirs();
const MODEL = 'toy-16';

async function setup(): Promise<{
  stateDir: string;
  matrix: VectorMatrix;
  store: ReturnType<typeof createEmbeddingsStore>;
}> {
  const stateDir = tempDir();
  const matrix = clusteredVectors(400, 16, 6);
  const store = await toyVectorStore(stateDir, MODEL, 16);
  await store.upsert(vectorRows(matrix, 0, 300));
  return { stateDir, matrix, store };
}

describe('openModelIndex', () => {
  it('builds the index when missing, then loads it from disk while the shards are unchanged', async () => {
    const { stateDir, store } = await setup();
    const deps = {
      stateDir,
      model: MODEL,
      loadVectors: (options?: { shards?: readonly string[] }) => store.load(options),
    };
    const first = await openModelIndex(deps);
    expect(first.origin).toBe('rebuilt');
    expect(first.index.size()).toBe(300);
    expect(existsSync(createModelIndexFiles(stateDir, MODEL).graph)).toBe(true);
    let loads = 0;
    const second = await openModelIndex({
      ...deps,
      loadVectors: () => {
        loads += 1;
        return store.load();
      },
    });
    expect(second.origin).toBe('loaded');
    expect(loads).toBe(0);
    expect(second.index.size()).toBe(300);
  });

  it('adds the new vectors when the shards changed, and rebuilds when the files are damaged', async () => {
    const { stateDir, matrix, store } = await setup();
    const deps = {
      stateDir,
      model: MODEL,
      loadVectors: (options?: { shards?: readonly string[] }) => store.load(options),
    };
    await openModelIndex(deps);
    await store.upsert(vectorRows(matrix, 300, 400));
    const updated = await openModelIndex(deps);
    expect(updated.origin).toBe('updated');
    expect(updated.index.size()).toBe(400);
    const query = matrix.data.subarray(350 * 16, 351 * 16);
    expect(updated.index.search(query, 1)[0]?.id).toBe(matrix.ids[350]);
    expect((await openModelIndex(deps)).origin).toBe('loaded');

    const { writeFile } = await import('node:fs/promises');
    await writeFile(createModelIndexFiles(stateDir, MODEL).graph, 'garbage');
    const rebuilt = await openModelIndex(deps);
    expect(rebuilt.origin).toBe('rebuilt');
    expect(rebuilt.index.search(query, 1)[0]?.id).toBe(matrix.ids[350]);
  });

  it('rebuilds an index left in the hnswlib format of earlier versions, and removes those files', async () => {
    const { stateDir, store } = await setup();
    const { mkdir, writeFile } = await import('node:fs/promises');
    const dir = `${stateDir}/index/${MODEL}`;
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}/hnsw.bin`, 'old graph');
    await writeFile(
      `${dir}/hnsw.json`,
      JSON.stringify({ version: 1, model: MODEL, dims: 16, params: {}, fingerprint: '', ids: [] }),
    );
    const opened = await openModelIndex({
      stateDir,
      model: MODEL,
      loadVectors: (options?: { shards?: readonly string[] }) => store.load(options),
    });
    expect(opened.origin).toBe('rebuilt');
    expect(opened.index.size()).toBe(300);
    expect(existsSync(`${dir}/hnsw.bin`)).toBe(false);
    expect(existsSync(`${dir}/hnsw.json`)).toBe(false);
  });

  it('builds shard by shard, and reads only the shards that changed when it adds new vectors', async () => {
    const stateDir = tempDir();
    const store = createEmbeddingsStore(stateDir, MODEL);
    await store.writeMeta({
      model: MODEL,
      backend: 'hashing',
      dims: 16,
      normalize: false,
      createdAt: '2026-11-21T00:00:00Z',
    });
    const base = clusteredVectors(200, 16, 3);
    const rows = base.ids.map((_, i) => ({
      id: `${i < 100 ? '2610' : '2611'}.${String(i).padStart(5, '0')}`,
      vector: base.data.slice(i * 16, (i + 1) * 16),
    }));
    await store.upsert(rows.slice(0, 150));
    const asked: Array<readonly string[] | undefined> = [];
    const deps = {
      stateDir,
      model: MODEL,
      loadVectors: (options?: { shards?: readonly string[] }) => {
        asked.push(options?.shards);
        return store.load(options);
      },
    };
    expect((await openModelIndex(deps)).origin).toBe('rebuilt');
    await store.upsert(rows.slice(150));
    const updated = await openModelIndex(deps);
    expect(updated.origin).toBe('updated');
    expect(updated.index.size()).toBe(200);
    expect(asked).toEqual([['2610'], ['2611'], ['2611']]);
    expect(updated.index.search(rows[180]?.vector ?? [], 1)[0]?.id).toBe(rows[180]?.id);
  });
});
