/** Notion writes retried after a 502 that came back although the write had been applied. */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { createNotionPublisher } from '../src/adapters/notion/notion-publisher.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import type { RecordedRequest } from './fakes/fake-server.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi, makeItem, makeSummary } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup() {
  fake = await startNotionFake();
  const server = fake;
  const mapStore = createNotionMapStore(tempDir());
  const api = fakeApi(server);
  const { dataSourceId } = await ensureDatabase({ api, mapStore }, PAPERS_DATABASE, {
    parentPageId: server.rootPageId,
  });
  const publisher = createNotionPublisher({ api, mapStore, logger: silentLogger() }, { dataSourceId });
  const pages = () => server.pages(dataSourceId).filter((p) => !p.inTrash);
  const texts = (pageId: string) => server.blocks(pageId).map((b) => b.text);
  return { server, publisher, pages, texts };
}

const badGateway = (match: (req: RecordedRequest) => boolean) => ({
  status: 502,
  code: 'bad_gateway',
  message: 'Bad Gateway',
  afterApplying: true,
  match,
});
const isDelete = (req: RecordedRequest) => req.method === 'DELETE' && req.path.startsWith('/v1/blocks/');
const isAppend = (req: RecordedRequest) =>
  req.method === 'PATCH' && /\/v1\/blocks\/.+\/children$/.test(req.path);

const changed = (id: string) => makeItem(id, { summary: makeSummary(id, { method: 'A dense kernel.' }) });

describe('a Notion write retried after a 502 that had applied', () => {
  it('a retried block delete (now 400 archived) is done, not a gone page: no duplicate page', async () => {
    const { server, publisher, pages, texts } = await setup();
    await publisher.publish('d', [makeItem('2611.00001'), makeItem('2611.00002')]);
    const before = pages().map((p) => p.id);
    server.injectError(badGateway(isDelete));
    const { results } = await publisher.publish('d', [changed('2611.00001'), changed('2611.00002')]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(pages().map((p) => p.id)).toEqual(before);
    for (const id of before) {
      expect(texts(id)).toContain('A dense kernel.');
      expect(texts(id)).not.toContain('block sparsity');
    }
  });

  it('a retried append does not write the body twice', async () => {
    const { server, publisher, pages, texts } = await setup();
    await publisher.publish('d', [makeItem('2611.00001')]);
    server.injectError(badGateway(isAppend));
    const { results } = await publisher.publish('d', [changed('2611.00001')]);
    expect(results[0]?.ok).toBe(true);
    const [page] = pages();
    const body = texts(page?.id ?? '');
    expect(body.filter((t) => t === 'A dense kernel.')).toHaveLength(1);
    expect(body.filter((t) => t === 'TL;DR')).toHaveLength(1);
  });

  it('a retried append of the blocks after the first 100 of a new page does not duplicate them', async () => {
    const { server, publisher, pages, texts } = await setup();
    const bullets = Array.from({ length: 230 }, (_, i) => `point ${i}`);
    const item = makeItem('2611.00001', {
      summary: makeSummary('2611.00001', { key_contributions: bullets }),
    });
    server.injectError(badGateway(isAppend));
    const { results } = await publisher.publish('d', [item]);
    expect(results[0]?.ok).toBe(true);
    const [page] = pages();
    const points = texts(page?.id ?? '').filter((t) => t.startsWith('point '));
    expect(points).toEqual(bullets);
  });
});
