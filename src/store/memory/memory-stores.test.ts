import { describe, expect, it } from 'vitest';
import { makePaper } from '../../../tests/helpers/papers.ts';
import { createMemoryStores } from './memory-stores.ts';

const META = { model: 'm1', backend: 'test', dims: 2, normalize: true, createdAt: '2026-11-20T00:00:00Z' };

describe('createMemoryStores', () => {
  it('keeps what a job writes for the next job of the same bundle, and nothing across bundles', async () => {
    const stores = createMemoryStores();
    await stores.papers.upsert([makePaper('2611.00002'), makePaper('2610.00001')]);
    await stores.vectors('m1').writeMeta(META);
    await stores.vectors('m1').upsert([{ id: '2611.00002', vector: Float32Array.of(1, 0) }]);
    await stores.labels.apply([
      {
        kind: 'set',
        label: { id: '2611.00002', label: 1, source: 'cli', user: 'u', at: '2026-11-20T00:00:00Z' },
      },
    ]);
    await stores.cursors.set({ lastRank: '2026-11-20' });

    expect((await stores.papers.readAll()).map((p) => p.id)).toEqual(['2610.00001', '2611.00002']);
    expect(stores.vectors('m1')).toBe(stores.vectors('m1'));
    expect((await stores.vectors('m1').load()).ids).toEqual(['2611.00002']);
    expect((await stores.labels.readAll()).map((l) => l.label)).toEqual([1]);
    expect(await stores.cursors.get('lastRank')).toBe('2026-11-20');

    const other = createMemoryStores();
    expect(await other.papers.readAll()).toEqual([]);
    expect(await other.vectors('m1').readMeta()).toBeUndefined();
  });

  it('never hands out the stored objects: changing a read value does not change the store', async () => {
    const stores = createMemoryStores();
    await stores.papers.upsert([makePaper('2611.00001')]);
    const [read] = await stores.papers.readAll();
    if (read) read.title = 'changed';
    expect((await stores.papers.readAll())[0]?.title).toBe('Paper 2611.00001');
  });

  it('serves the model alias table it was given', async () => {
    const stores = createMemoryStores({ modelAliases: { aliases: { 'GPT 4o': 'openai/gpt-4o' } } });
    expect(await stores.modelAliases.read(false)).toEqual({ aliases: { 'GPT 4o': 'openai/gpt-4o' } });
  });
});
