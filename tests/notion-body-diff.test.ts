/** Rewriting a page body: blocks that match stay, changed ones are updated in place. */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { createNotionPublisher } from '../src/adapters/notion/notion-publisher.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi, makeItem, makeSummary } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const bullets = (n: number, changed = -1) =>
  Array.from({ length: n }, (_, i) => (i === changed ? `point ${i} revised` : `point ${i}`));

async function setup() {
  fake = await startNotionFake();
  const server = fake;
  const mapStore = createNotionMapStore(tempDir());
  const api = fakeApi(server);
  const { dataSourceId } = await ensureDatabase({ api, mapStore }, PAPERS_DATABASE, {
    parentPageId: server.rootPageId,
  });
  const publisher = createNotionPublisher({ api, mapStore, logger: silentLogger() }, { dataSourceId });
  const publish = (id: string, points: string[]) =>
    publisher.publish('d', [makeItem(id, { summary: makeSummary(id, { key_contributions: points }) })]);
  return { server, dataSourceId, publish };
}

describe('rewriting a long page body', () => {
  it('one changed bullet of a 277-block body costs one update, not a delete per block', async () => {
    const { server, dataSourceId, publish } = await setup();
    await publish('2611.00001', bullets(260));
    const [page] = server.pages(dataSourceId);
    const before = server.blocks(page?.id ?? '');
    expect(before.length).toBeGreaterThanOrEqual(260);
    const start = server.requests.length;
    await publish('2611.00001', bullets(260, 100));
    const writes = server.requests
      .slice(start)
      .filter((r) => r.method !== 'GET' && !r.path.endsWith('/query'));
    const deletes = writes.filter((r) => r.method === 'DELETE').length;
    const updates = writes.filter((r) => r.method === 'PATCH' && /^\/v1\/blocks\/[^/]+$/.test(r.path)).length;
    // 284 blocks: users/me, three pages of children, the one update (plus the probe and properties).
    expect(deletes).toBe(0);
    expect(updates).toBe(1);
    const after = server.blocks(page?.id ?? '');
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    expect(after.map((b) => b.text)).toContain('point 100 revised');
    expect(after.map((b) => b.text)).not.toContain('point 100');
  });

  it('a shorter body deletes only the blocks that are no longer there; a longer one appends', async () => {
    const { server, dataSourceId, publish } = await setup();
    await publish('2611.00001', bullets(30));
    const [page] = server.pages(dataSourceId);
    const texts = () => server.blocks(page?.id ?? '').map((b) => b.text);
    const full = texts();
    await publish('2611.00001', bullets(20));
    expect(texts().filter((t) => t.startsWith('point '))).toEqual(bullets(20));
    await publish('2611.00001', bullets(40));
    expect(texts().filter((t) => t.startsWith('point '))).toEqual(bullets(40));
    expect(texts().length).toBe(full.length + 10);
  });
});
