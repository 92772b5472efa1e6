/** The related-papers job's vectors: only the wanted rows, read one shard at a time. */
import { describe, expect, it } from 'vitest';
import { loadVectorRows } from '../../src/digest/vector-rows.ts';
import { createMemoryEmbeddingsStore } from '../../src/store/memory/memory-embeddings-store.ts';

const DIMS = 3;
const ids = ['2509.00001', '2509.00002', '2510.00001', '2510.00002', '2511.00001'];

async function store() {
  const vectors = createMemoryEmbeddingsStore('m');
  await vectors.writeMeta({
    model: 'm',
    backend: 'hashing',
    dims: DIMS,
    normalize: false,
    createdAt: '2026-01-01T00:00:00Z',
  });
  await vectors.upsert(ids.map((id, i) => ({ id, vector: Float32Array.from([i, i + 0.5, -i]) })));
  const loaded: string[][] = [];
  return {
    loaded,
    load: async (options: { shards: readonly string[] }) => {
      loaded.push([...options.shards]);
      return vectors.load(options);
    },
  };
}

describe('vector rows by id', () => {
  it('reads only the shards of the wanted ids, one at a time, and keeps only their rows', async () => {
    const source = await store();

    const rows = await loadVectorRows(source, ['2511.00001', '2509.00002', '2605.00009']);

    expect(source.loaded).toEqual([['2509'], ['2511'], ['2605']]);
    expect(rows.ids).toEqual(['2509.00002', '2511.00001']);
    expect(rows.dims).toBe(DIMS);
    expect([...rows.data]).toEqual([1, 1.5, -1, 4, 4.5, -4]);
  });

  it('answers an empty matrix for no ids', async () => {
    const rows = await loadVectorRows(await store(), []);
    expect(rows).toEqual({ ids: [], dims: 0, data: new Float32Array(0) });
  });
});
