/** Merged benchmarks to the Notion Benchmarks database with the real @notionhq/client against the fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { createBenchmarksPublisher } from '../src/adapters/notion/benchmarks-publisher.ts';
import { BENCHMARKS_DATABASE } from '../src/adapters/notion/benchmarks-schema.ts';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import type { MergedBenchmark } from '../src/benchmarks/schemas.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function bench(id: string, score: number | null): MergedBenchmark {
  return {
    id,
    name: id.split('/').at(-1) ?? id,
    title: id,
    description: `About ${id}.`,
    sources: ['github', 'huggingface'],
    memberIds: [id],
    urls: {
      arxiv: [],
      github: [`https://github.com/${id}`],
      huggingface: [`https://huggingface.co/datasets/${id}`],
    },
    links: [],
    task: ['question-answering'],
    modality: ['text'],
    metrics: ['accuracy'],
    license: 'mit',
    popularity: { stars: 12, downloads: 900 },
    firstSeenAt: '2026-11-20T10:00:00.000Z',
    score,
    rubric: null,
    keywords: [],
  };
}

describe('Notion benchmarks publisher', () => {
  it('creates the database and one page per benchmark, skips unchanged ones, updates changed ones', async () => {
    fake = await startNotionFake();
    const server = fake;
    const mapStore = createNotionMapStore(tempDir());
    const api = fakeApi(server);
    const { dataSourceId, created } = await ensureDatabase({ api, mapStore }, BENCHMARKS_DATABASE, {
      parentPageId: server.rootPageId,
    });
    expect(created).toBe(true);
    const publisher = createBenchmarksPublisher({ api, mapStore, logger: silentLogger() }, { dataSourceId });
    const first = await publisher.publish([bench('acme/qa-bench', 7), bench('beta/code-bench', null)]);
    expect(first).toEqual({ created: 2, updated: 0, unchanged: 0, failed: [] });
    const pages = server.pages(dataSourceId);
    expect(pages).toHaveLength(2);
    const qa = pages.find((p) => p.text['Benchmark ID'] === 'acme/qa-bench');
    expect(qa?.text).toMatchObject({ Name: 'qa-bench', Score: '7', License: 'mit', Stars: '12' });
    expect(qa?.properties.Repository).toMatchObject({ url: 'https://github.com/acme/qa-bench' });
    const writes = () =>
      server.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query')).length;
    const before = writes();
    expect(
      await publisher.publish([bench('acme/qa-bench', 7), bench('beta/code-bench', null)]),
    ).toMatchObject({ unchanged: 2 });
    expect(writes()).toBe(before);
    expect(await publisher.publish([bench('acme/qa-bench', 8.5)])).toMatchObject({ updated: 1 });
    expect(
      server.pages(dataSourceId).find((p) => p.text['Benchmark ID'] === 'acme/qa-bench')?.text.Score,
    ).toBe('8.5');
    expect(server.pages(dataSourceId)).toHaveLength(2);
  });
});
