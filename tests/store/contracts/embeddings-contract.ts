/** What every EmbeddingsStore does, file or memory: run by file-and-memory.test.ts against both. */
import { describe, expect, it } from 'vitest';
import { ConfigError, StateFileError } from '../../../src/core/errors.ts';
import type { EmbeddingModelMeta } from '../../../src/store/embedding-meta.ts';
import { type EmbeddingsStore, InvalidEmbeddingError } from '../../../src/store/embeddings-store.ts';

const meta = (model: string, dims = 3): EmbeddingModelMeta => ({
  model,
  backend: 'test',
  dims,
  normalize: true,
  createdAt: '2026-11-20T00:00:00Z',
});

const row = (id: string, ...values: number[]) => ({ id, vector: Float32Array.from(values) });

export function describeEmbeddingsStoreContract(
  name: string,
  make: (model: string) => Promise<EmbeddingsStore> | EmbeddingsStore,
): void {
  describe(`EmbeddingsStore contract: ${name}`, () => {
    it('refuses a model name that could leave its folder', async () => {
      await expect(async () => make('../escape')).rejects.toThrow(ConfigError);
    });

    it('is empty before anything is written', async () => {
      const store = await make('m1');
      expect(store.model).toBe('m1');
      expect(await store.readMeta()).toBeUndefined();
      expect(await store.load()).toEqual({ ids: [], dims: 0, data: new Float32Array(0) });
      expect(await store.ids()).toEqual(new Set());
      expect(await store.shards()).toEqual([]);
    });

    it('round-trips the meta and exact float32 values', async () => {
      const store = await make('m1');
      await store.writeMeta(meta('m1'));
      await store.upsert([row('2611.00001', 0.1, -2.5, 1e-7)]);
      expect(await store.readMeta()).toEqual(meta('m1'));
      const matrix = await store.load();
      expect(matrix.ids).toEqual(['2611.00001']);
      expect(matrix.dims).toBe(3);
      expect([...matrix.data]).toEqual([...Float32Array.of(0.1, -2.5, 1e-7)]);
    });

    it('orders by shard then id, replaces a vector on upsert, and loads selected shards', async () => {
      const store = await make('m1');
      await store.writeMeta(meta('m1', 2));
      await store.upsert([row('2611.00002', 2, 2), row('2610.00001', 1, 1), row('hep-th/9901001', 9, 9)]);
      await store.upsert([row('2611.00001', 3, 3), row('2611.00002', 4, 4)]);
      const all = await store.load();
      expect(all.ids).toEqual(['2610.00001', '2611.00001', '2611.00002', 'hep-th/9901001']);
      expect([...all.data]).toEqual([1, 1, 3, 3, 4, 4, 9, 9]);
      expect(await store.shards()).toEqual(['2610', '2611', '9901']);
      expect(await store.ids()).toEqual(new Set(all.ids));
      const some = await store.load({ shards: ['2611'] });
      expect(some.ids).toEqual(['2611.00001', '2611.00002']);
      expect([...some.data]).toEqual([3, 3, 4, 4]);
    });

    it('rejects a wrong length, a versioned id or a non-finite value, and writes nothing of the batch', async () => {
      const store = await make('m1');
      await store.writeMeta(meta('m1', 2));
      for (const bad of [row('2611.00002', 1), row('2611.00002v2', 1, 1), row('2611.00002', 1, Number.NaN)]) {
        await expect(store.upsert([row('2611.00001', 1, 1), bad])).rejects.toThrow(InvalidEmbeddingError);
      }
      expect(await store.ids()).toEqual(new Set());
    });

    it('requires the meta before vectors, of its own model, with dims fixed while vectors exist', async () => {
      const store = await make('m1');
      await expect(store.upsert([row('2611.00001', 1, 1, 1)])).rejects.toThrow(StateFileError);
      await expect(store.writeMeta(meta('other'))).rejects.toThrow(/expected "m1"/);
      await store.writeMeta(meta('m1', 3));
      await store.writeMeta(meta('m1', 4));
      expect((await store.readMeta())?.dims).toBe(4);
      await store.upsert([row('2611.00001', 1, 1, 1, 1)]);
      await expect(store.writeMeta(meta('m1', 3))).rejects.toThrow(/dims would change from 4 to 3/);
      expect(await store.upsert([])).toBeUndefined();
    });

    it('drops a shard, which then names no problem-free shard', async () => {
      const store = await make('m1');
      await store.writeMeta(meta('m1', 2));
      await store.upsert([row('2610.00001', 1, 1), row('2611.00001', 2, 2)]);
      expect(await store.checkShard('2611')).toEqual([]);
      expect(await store.dropShard('2611')).toMatch(/2611\.parquet$/);
      expect(await store.shards()).toEqual(['2610']);
      expect((await store.load()).ids).toEqual(['2610.00001']);
      expect((await store.checkShard('2611')).length).toBeGreaterThan(0);
    });

    it('hands out copies: changing a passed or loaded vector does not change the store', async () => {
      const store = await make('m1');
      await store.writeMeta(meta('m1', 2));
      const input = row('2611.00001', 1, 2);
      await store.upsert([input]);
      input.vector[0] = 7;
      (await store.load()).data[1] = 7;
      expect([...(await store.load()).data]).toEqual([1, 2]);
    });
  });
}
