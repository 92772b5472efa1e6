/** Which papers `radar publish` publishes, from the state. */
import { describe, expect, it } from 'vitest';
import { loadPublishItems } from '../src/publish/publish-items.ts';
import { createMemoryStores } from '../src/store/memory/memory-stores.ts';
import { makeSummary, paperIds } from './helpers/notion.ts';
import { makePaper } from './helpers/papers.ts';

describe('publish items', () => {
  it('takes the latest day’s picks (best pick per paper), adds failed ids to retry, and builds related papers', async () => {
    const stores = createMemoryStores();
    const [a = '', b = '', c = '', d = ''] = paperIds(4);
    await stores.papers.upsert([a, b, c, d].map((id) => makePaper(id)));
    await stores.summaries.upsert([makeSummary(b)]);
    await stores.picks.append([
      { date: '2026-11-20', id: a, model: 'm1', score: 0.9, reason: 'top' },
      { date: '2026-11-21', id: b, model: 'm1', score: 0.4, reason: 'explore' },
      { date: '2026-11-21', id: b, model: 'm2', score: 0.7, reason: 'top' },
      { date: '2026-11-21', id: c, model: 'm1', score: 0.6, reason: 'top' },
    ]);
    const at = '2026-11-21T00:00:00Z';
    await stores.links.upsert([
      { from: b, to: a, relation: 'extends', similarity: 0.9, reason: 'r', at },
      { from: b, to: d, relation: 'none', similarity: 0.5, reason: 'r', at },
    ]);

    const loaded = await loadPublishItems(stores, {
      published: new Set(),
      retry: [d, '2611.09999'],
      today: '2026-11-22',
    });
    expect(loaded.day).toBe('2026-11-21');
    expect(loaded.items.map((i) => i.paper.id)).toEqual([b, c, d]);
    expect(loaded.missing).toEqual(['2611.09999']);
    const first = loaded.items[0];
    expect(first?.pick).toEqual({ score: 0.7, reason: 'top', model: 'm2' });
    expect(first?.summary?.id).toBe(b);
    expect(first?.related).toEqual([{ id: a, title: `Paper ${a}`, relation: 'extends' }]);
    expect(loaded.items[2]?.pick).toBeUndefined();
  });

  it('without picks, takes the summarized papers not published yet; --ids wins over both', async () => {
    const stores = createMemoryStores();
    const [a = '', b = '', c = ''] = paperIds(3);
    await stores.papers.upsert([a, b, c].map((id) => makePaper(id)));
    await stores.summaries.upsert([makeSummary(a), makeSummary(b)]);
    const fallback = await loadPublishItems(stores, {
      published: new Set([a]),
      retry: [],
      today: '2026-11-22',
    });
    expect(fallback.items.map((i) => i.paper.id)).toEqual([b]);
    const explicit = await loadPublishItems(stores, {
      ids: [c],
      published: new Set(),
      retry: [],
      today: '2026-11-22',
    });
    expect(explicit).toMatchObject({ day: '2026-11-22', missing: [] });
    expect(explicit.items.map((i) => i.paper.id)).toEqual([c]);
  });
});
