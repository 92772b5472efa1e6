/** Publishing papers to Notion with the real @notionhq/client against the Notion fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { createNotionPublisher } from '../src/adapters/notion/notion-publisher.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi, makeItem, makeSummary, paperIds } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: Parameters<typeof fakeApi>[1] = {}) {
  fake = await startNotionFake();
  const server = fake;
  const stateDir = tempDir();
  const mapStore = createNotionMapStore(stateDir);
  const api = fakeApi(server, options);
  const { dataSourceId } = await ensureDatabase({ api, mapStore }, PAPERS_DATABASE, {
    parentPageId: server.rootPageId,
  });
  const publisher = createNotionPublisher({ api, mapStore, logger: silentLogger() }, { dataSourceId });
  const writes = () => server.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query')).length;
  const pagesByKey = () => {
    const counts = new Map<string, number>();
    for (const p of server.pages(dataSourceId))
      counts.set(p.text['arXiv ID'] ?? '', (counts.get(p.text['arXiv ID'] ?? '') ?? 0) + 1);
    return counts;
  };
  return { server, stateDir, mapStore, api, dataSourceId, publisher, writes, pagesByKey };
}

describe('notion publisher', () => {
  it('creates one page per paper with the properties and the summary as blocks, in one request each', async () => {
    const { server, dataSourceId, publisher, mapStore } = await setup();
    const before = server.requests.length;
    const { results } = await publisher.publish('2026-11-21', [makeItem('2611.00001')]);

    expect(results).toEqual([
      { id: '2611.00001', ok: true, location: expect.stringMatching(/^https:\/\/www\.notion\.so\//) },
    ]);
    // One probe of the token (users/me) per publish, then the page in one request.
    expect(server.requests.slice(before).map((r) => r.path)).toEqual(['/v1/users/me', '/v1/pages']);
    const [page] = server.pages(dataSourceId);
    expect(page?.text).toMatchObject({
      Title: 'Paper 2611.00001',
      'arXiv ID': '2611.00001',
      Authors: 'Ada Lovelace, Alan Turing',
      Score: '0.8123',
      Pick: 'top',
      'Summary model': 'fake/summarizer-1',
      Links: 'abs · pdf · code',
      Feedback: '',
    });
    expect(page?.properties.Tags).toMatchObject({
      multi_select: [{ name: 'efficient attention' }, { name: 'long context' }, { name: 'sparsity' }],
    });
    const blocks = server.blocks(page?.id ?? '');
    expect(blocks.slice(0, 2).map((b) => [b.type, b.text])).toEqual([
      ['heading_2', 'TL;DR'],
      ['paragraph', 'Paper 2611.00001 makes attention O(n \\log n) cheaper.'],
    ]);
    const tldr = blocks[1]?.payload.rich_text;
    expect(Array.isArray(tldr) && tldr[1]).toMatchObject({
      type: 'equation',
      equation: { expression: 'O(n \\log n)' },
    });
    expect(blocks.filter((b) => b.type === 'bulleted_list_item').map((b) => b.text)).toContain(
      'a learned router',
    );
    expect((await mapStore.load()).pages.Papers?.['2611.00001']).toBe(page?.id);
  });

  it('re-publishing unchanged items writes nothing; a changed summary updates the page and replaces the body', async () => {
    const { server, dataSourceId, publisher, writes, pagesByKey } = await setup();
    await publisher.publish('d', [makeItem('2611.00001'), makeItem('2611.00002')]);
    const [first] = server.pages(dataSourceId);
    server.setPageProperty(first?.id ?? '', 'Feedback', { select: { name: '👍' } });

    const writesBefore = writes();
    await publisher.publish('d', [makeItem('2611.00001'), makeItem('2611.00002')]);
    expect(writes()).toBe(writesBefore);

    const changed = makeItem('2611.00001', {
      summary: makeSummary('2611.00001', { method: 'A dense kernel.' }),
    });
    const { results } = await publisher.publish('d', [changed]);
    expect(results[0]?.ok).toBe(true);
    const texts = server.blocks(first?.id ?? '').map((b) => b.text);
    expect(texts).toContain('A dense kernel.');
    expect(texts).not.toContain('block sparsity');
    expect(server.page(first?.id ?? '').text.Feedback).toBe('👍');
    expect([...pagesByKey().values()]).toEqual([1, 1]);
  });

  it('appends bodies longer than 100 blocks in chunks of ≤ 100 and splits long text at 2,000 characters', async () => {
    const { server, dataSourceId, publisher } = await setup();
    const bullets = Array.from({ length: 230 }, (_, i) => `point ${i}`);
    const long = 'x'.repeat(4500);
    const item = makeItem('2611.00001', {
      summary: makeSummary('2611.00001', { key_contributions: bullets, experiment: long }),
    });
    const { results } = await publisher.publish('d', [item]);
    expect(results[0]?.ok).toBe(true);
    const appends = server.requestsTo(/\/v1\/blocks\/.+\/children/, 'PATCH');
    expect(appends.length).toBeGreaterThanOrEqual(2);
    const [page] = server.pages(dataSourceId);
    const blocks = server.blocks(page?.id ?? '');
    expect(blocks.filter((b) => b.text.startsWith('point '))).toHaveLength(230);
    const experiment = blocks.find((b) => b.text === long);
    expect(Array.isArray(experiment?.payload.rich_text) && experiment.payload.rich_text.length).toBe(3);
  });

  it('turns related papers into relations once both pages exist', async () => {
    const { server, publisher, mapStore } = await setup();
    const a = makeItem('2611.00001', { related: [{ id: '2611.00002', title: 'B', relation: 'extends' }] });
    const b = makeItem('2611.00002', { related: [{ id: '2611.00001', title: 'A', relation: 'extends' }] });
    await publisher.publish('d', [a, b]);
    const pages = (await mapStore.load()).pages.Papers ?? {};
    const relatedOf = (id: string) => server.page(pages[id] ?? '').properties.Related;
    expect(relatedOf('2611.00001')).toMatchObject({ relation: [{ id: pages['2611.00002'] }] });
    expect(relatedOf('2611.00002')).toMatchObject({ relation: [{ id: pages['2611.00001'] }] });
  });

  it('rides out a 429 storm and 500s on create without a duplicate', async () => {
    const { server, publisher, pagesByKey } = await setup({
      retry: { baseDelayMs: 5, maxDelayMs: 20, retries: 6 },
    });
    server.injectError({ status: 429, code: 'rate_limited', retryAfter: 0, times: 4 });
    server.injectError({
      status: 500,
      code: 'internal_server_error',
      times: 2,
      match: (r) => r.method === 'POST' && r.path === '/v1/pages',
    });
    const ids = paperIds(3);
    const { results } = await publisher.publish(
      'd',
      ids.map((id) => makeItem(id)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(Object.fromEntries(pagesByKey())).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    // After an ambiguous 500 on create, the publisher looked before creating again.
    expect(server.requestsTo(/\/query$/, 'POST').length).toBeGreaterThanOrEqual(1);
  });

  it('does not duplicate a create that timed out but was applied', async () => {
    const { server, publisher, pagesByKey } = await setup({
      timeoutMs: 150,
      retry: { baseDelayMs: 400, maxDelayMs: 400 },
    });
    server.inject({
      fault: { kind: 'delay', ms: 250 },
      match: (r) => r.method === 'POST' && r.path === '/v1/pages',
    });
    const { results } = await publisher.publish('d', [makeItem('2611.00001')]);
    expect(results[0]?.ok).toBe(true);
    expect(server.requestsTo('/v1/pages', 'POST')).toHaveLength(1);
    expect(Object.fromEntries(pagesByKey())).toEqual({ '2611.00001': 1 });
  });

  it('one failed page does not stop the others; it is recorded with its reason and retried by the next run', async () => {
    const { server, publisher, mapStore, pagesByKey } = await setup();
    server.injectError({
      status: 400,
      code: 'validation_error',
      message: 'Title is too long.',
      match: (r) => r.method === 'POST' && r.path === '/v1/pages',
    });
    const ids = paperIds(3);
    const first = await publisher.publish(
      'd',
      ids.map((id) => makeItem(id)),
    );
    expect(first.results.map((r) => r.ok)).toEqual([false, true, true]);
    expect(first.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('validation_error') });
    expect((await mapStore.load()).failed.Papers).toEqual({
      '2611.00001': expect.stringContaining('Title is too long.'),
    });

    const second = await publisher.publish('d', [makeItem('2611.00001')]);
    expect(second.results[0]?.ok).toBe(true);
    expect((await mapStore.load()).failed).toEqual({});
    expect([...pagesByKey().values()]).toEqual([1, 1, 1]);
  });

  it('finds the page of a create that was started but not recorded instead of creating it again', async () => {
    const { server, publisher, mapStore, dataSourceId, pagesByKey } = await setup();
    await publisher.publish('d', [makeItem('2611.00001')]);
    const map = await mapStore.load();
    const pageId = map.pages.Papers?.['2611.00001'] ?? '';
    map.pages = {};
    map.written = {};
    map.pending = { Papers: { '2611.00001': '2026-11-21T00:00:00.000Z' } };
    await mapStore.save(map);

    await publisher.publish('d', [makeItem('2611.00001')]);
    expect(Object.fromEntries(pagesByKey())).toEqual({ '2611.00001': 1 });
    const after = await mapStore.load();
    expect(after.pages.Papers?.['2611.00001']).toBe(pageId);
    expect(after.pending).toEqual({});
    expect(server.pages(dataSourceId)).toHaveLength(1);
  });
});

describe('notion publisher and pages the user deleted', () => {
  it('publishes a page again when the user moved it to the trash', async () => {
    const { server, publisher, mapStore, dataSourceId } = await setup();
    await publisher.publish('d', [makeItem('2611.00001')]);
    const oldId = (await mapStore.load()).pages.Papers?.['2611.00001'] ?? '';
    await fakeApi(server).call('trash', (c) => c.pages.update({ page_id: oldId, in_trash: true }));

    const changed = makeItem('2611.00001', { pick: { score: 0.1, reason: 'explore', model: 'hashing' } });
    const { results } = await publisher.publish('d', [changed]);
    expect(results[0]?.ok).toBe(true);
    const newId = (await mapStore.load()).pages.Papers?.['2611.00001'];
    expect(newId).not.toBe(oldId);
    expect(server.page(newId ?? '').text.Pick).toBe('explore');
    expect(server.pages(dataSourceId).filter((p) => !p.inTrash)).toHaveLength(1);
  });
});

describe('notion publisher and a create that lands after its retry', () => {
  it('trashes the duplicate left by a timed-out create that Notion applied late', async () => {
    const { server, publisher, mapStore, dataSourceId } = await setup({
      timeoutMs: 150,
      retry: { baseDelayMs: 10, maxDelayMs: 10 },
    });
    const isCreate = (r: { method: string; path: string }) => r.method === 'POST' && r.path === '/v1/pages';
    // The first create times out and lands at ~600 ms, after the retry created a second page.
    server.inject({ fault: { kind: 'delay', ms: 600 }, match: isCreate });
    // The next paper waits 1 s on a 429, so the end-of-run check runs after the late create landed
    // (the delay rule answers the first create, so this one counts from the retry).
    let creates = 0;
    server.injectError({
      status: 429,
      code: 'rate_limited',
      retryAfter: 1,
      match: (r) => isCreate(r) && ++creates === 2,
    });
    const { results } = await publisher.publish('d', [makeItem('2611.00001'), makeItem('2611.00002')]);
    expect(results.every((r) => r.ok)).toBe(true);
    const live = server.pages(dataSourceId).filter((p) => !p.inTrash);
    expect(live.map((p) => p.text['arXiv ID']).sort()).toEqual(['2611.00001', '2611.00002']);
    expect(server.pages(dataSourceId).filter((p) => p.inTrash)).toHaveLength(1);
    const map = await mapStore.load();
    expect(live.map((p) => p.id)).toContain(map.pages.Papers?.['2611.00001']);
    expect(map.pending).toEqual({});
  });
});
