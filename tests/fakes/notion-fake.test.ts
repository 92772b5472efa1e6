import {
  APIResponseError,
  collectPaginatedAPI,
  isFullDatabase,
  isFullDataSource,
  isFullPage,
  type PageObjectResponse,
} from '@notionhq/client';
import { afterEach, describe, expect, it } from 'vitest';
import { type NotionFake, type NotionFakeOptions, startNotionFake } from './notion-fake.ts';
import { createRadarDataSource, notionClient, rejection, title } from './notion-fake-sdk.ts';

let fake: NotionFake | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: NotionFakeOptions = {}): Promise<NotionFake> {
  fake = await startNotionFake(options);
  return fake;
}

function textOf(page: PageObjectResponse, name: string): string {
  const value = page.properties[name];
  if (value?.type === 'rich_text') return value.rich_text.map((t) => t.plain_text).join('');
  if (value?.type === 'title') return value.title.map((t) => t.plain_text).join('');
  if (value?.type === 'select') return value.select?.name ?? '';
  return '';
}

describe('notion fake with the real @notionhq/client', () => {
  it('walks database → data source schema → page → query → update, sending Notion-Version 2025-09-03', async () => {
    let now = Date.parse('2026-07-04T09:00:15.000Z');
    const server = await start({ now: () => new Date(now) });
    const notion = notionClient(server);

    const dataSourceId = await createRadarDataSource(notion, server);

    const source = await notion.dataSources.retrieve({ data_source_id: dataSourceId });
    if (!isFullDataSource(source)) throw new Error('expected a full data source');
    expect(Object.keys(source.properties).sort()).toEqual(['Summary', 'Title']);
    expect(source.properties.Title?.id).toBe('title');

    await notion.dataSources.update({
      data_source_id: dataSourceId,
      properties: {
        Feedback: { select: { options: [{ name: 'good' }, { name: 'bad' }] } },
        Summary: { name: 'Abstract' },
      },
    });
    expect(server.dataSource(dataSourceId).properties).toMatchObject({
      Abstract: { type: 'rich_text' },
      Feedback: { type: 'select', options: ['good', 'bad'] },
    });

    const created = await notion.pages.create({
      parent: { type: 'data_source_id', data_source_id: dataSourceId },
      properties: {
        Title: title('Attention Is All You Need'),
        Abstract: { rich_text: [{ text: { content: 'Transformers.' } }] },
      },
    });
    if (!isFullPage(created)) throw new Error('expected a full page');
    expect(created.parent).toEqual({
      type: 'data_source_id',
      data_source_id: dataSourceId,
      database_id: expect.any(String),
    });
    expect(textOf(created, 'Abstract')).toBe('Transformers.');
    expect(created.properties.Feedback).toEqual({ id: expect.any(String), type: 'select', select: null });

    const found = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { property: 'Title', title: { equals: 'Attention Is All You Need' } },
    });
    expect(found.results.map((r) => r.id)).toEqual([created.id]);
    const missing = await notion.dataSources.query({
      data_source_id: dataSourceId,
      filter: { property: 'Abstract', rich_text: { equals: 'Other' } },
    });
    expect(missing.results).toEqual([]);

    now += 5 * 60_000;
    const updated = await notion.pages.update({
      page_id: created.id,
      properties: { Feedback: { select: { name: 'good' } } },
    });
    if (!isFullPage(updated)) throw new Error('expected a full page');
    expect(textOf(updated, 'Feedback')).toBe('good');
    expect(updated.last_edited_time).toBe('2026-07-04T09:05:00.000Z');
    expect(created.last_edited_time).toBe('2026-07-04T09:00:00.000Z');

    expect(server.requests.length).toBeGreaterThan(5);
    for (const req of server.requests) {
      expect(req.headers['notion-version']).toBe('2025-09-03');
      expect(req.headers.authorization).toBe('Bearer secret_test');
    }
  });

  it('retrieves a database with its data sources list', async () => {
    const server = await start();
    const notion = notionClient(server);
    const dataSourceId = await createRadarDataSource(notion, server);
    const databaseId = server.dataSource(dataSourceId).databaseId;
    const database = await notion.databases.retrieve({ database_id: databaseId.replace(/-/g, '') });
    if (!isFullDatabase(database)) throw new Error('expected a full database');
    expect(database.id).toBe(databaseId);
    expect(database.data_sources).toEqual([{ id: dataSourceId, name: 'Papers' }]);
  });

  it('appends 100 children but rejects 101 with Notion’s validation_error', async () => {
    const server = await start();
    const notion = notionClient(server);
    const page = await notion.pages.create({
      parent: { page_id: server.rootPageId },
      properties: { title: title('Digest') },
    });
    const paragraph = (i: number) => ({ paragraph: { rich_text: [{ text: { content: `line ${i}` } }] } });

    const appended = await notion.blocks.children.append({
      block_id: page.id,
      children: Array.from({ length: 100 }, (_, i) => paragraph(i)),
    });
    expect(appended.results).toHaveLength(100);

    const error = await rejection(
      notion.blocks.children.append({
        block_id: page.id,
        children: Array.from({ length: 101 }, (_, i) => paragraph(i)),
      }),
    );
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error).toMatchObject({
      code: 'validation_error',
      status: 400,
      message: 'body failed validation: body.children.length should be ≤ `100`, instead was `101`.',
    });
    expect(server.blocks(page.id)).toHaveLength(100);

    const listed = await collectPaginatedAPI(notion.blocks.children.list, {
      block_id: page.id,
      page_size: 40,
    });
    expect(
      listed.map((b) => ('type' in b && b.type === 'paragraph' ? b.paragraph.rich_text[0]?.plain_text : '')),
    ).toEqual(Array.from({ length: 100 }, (_, i) => `line ${i}`));
    expect(server.requestsTo(`/v1/blocks/${page.id}/children`, 'GET')).toHaveLength(3);
  });

  it('paginates a query over 250 pages as 100/100/50 with cursors', async () => {
    const server = await start();
    const notion = notionClient(server);
    const dataSourceId = await createRadarDataSource(notion, server);
    for (let i = 0; i < 250; i++) {
      await notion.pages.create({
        parent: { data_source_id: dataSourceId },
        properties: { Title: title(`paper ${i}`) },
      });
    }

    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await notion.dataSources.query({
        data_source_id: dataSourceId,
        page_size: 100,
        ...(cursor ? { start_cursor: cursor } : {}),
      });
      sizes.push(page.results.length);
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor);
    expect(sizes).toEqual([100, 100, 50]);

    const queries = server.requestsTo(`/v1/data_sources/${dataSourceId}/query`);
    expect(queries.map((q) => q.json)).toEqual([
      { page_size: 100 },
      { page_size: 100, start_cursor: expect.any(String) },
      { page_size: 100, start_cursor: expect.any(String) },
    ]);
    const all = await collectPaginatedAPI(notion.dataSources.query, { data_source_id: dataSourceId });
    expect(new Set(all.map((p) => p.id)).size).toBe(250);

    const tooBig = await rejection(
      notion.dataSources.query({ data_source_id: dataSourceId, page_size: 101 }),
    );
    expect(tooBig).toMatchObject({ code: 'validation_error' });
  });

  it('filters on last_edited_time at Notion’s minute precision after a user edit', async () => {
    let now = Date.parse('2026-07-04T10:00:00.000Z');
    const server = await start({ now: () => new Date(now) });
    const notion = notionClient(server);
    const dataSourceId = await createRadarDataSource(notion, server);
    await notion.dataSources.update({
      data_source_id: dataSourceId,
      properties: { Feedback: { select: {} } },
    });
    const a = await notion.pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Title: title('A') },
    });
    await notion.pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Title: title('B') },
    });

    now = Date.parse('2026-07-04T10:05:30.000Z');
    server.setPageProperty(a.id, 'Feedback', { select: { name: 'good' } });
    expect(server.page(a.id)).toMatchObject({
      lastEditedTime: '2026-07-04T10:05:00.000Z',
      text: { Feedback: 'good' },
    });

    const since = (iso: string, op: 'on_or_after' | 'after') =>
      notion.dataSources.query({
        data_source_id: dataSourceId,
        filter: {
          timestamp: 'last_edited_time',
          last_edited_time: op === 'after' ? { after: iso } : { on_or_after: iso },
        },
      });
    expect((await since('2026-07-04T10:05:00.000Z', 'on_or_after')).results.map((r) => r.id)).toEqual([a.id]);
    expect((await since('2026-07-04T10:05:10.000Z', 'after')).results).toEqual([]);
    expect((await since('2026-07-04T09:00:00.000Z', 'after')).results).toHaveLength(2);
  });

  it('sorts by a property and by last_edited_time, and combines filters with and/or', async () => {
    let now = Date.parse('2026-07-04T10:00:00.000Z');
    const server = await start({ now: () => new Date(now), timestampPrecision: 'millisecond' });
    const notion = notionClient(server);
    const dataSourceId = await createRadarDataSource(notion, server);
    await notion.dataSources.update({ data_source_id: dataSourceId, properties: { Score: { number: {} } } });
    const ids: Record<string, string> = {};
    for (const [name, score] of [
      ['beta', 2],
      ['alpha', 3],
      ['gamma', 1],
    ] as const) {
      now += 1_000;
      const page = await notion.pages.create({
        parent: { data_source_id: dataSourceId },
        properties: { Title: title(name), Score: { number: score } },
      });
      ids[name] = page.id;
    }
    const names = async (query: Omit<Parameters<typeof notion.dataSources.query>[0], 'data_source_id'>) => {
      const result = await notion.dataSources.query({ data_source_id: dataSourceId, ...query });
      const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
      return result.results.map((r) => byId[r.id]);
    };

    expect(await names({ sorts: [{ property: 'Title', direction: 'ascending' }] })).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(await names({ sorts: [{ property: 'Score', direction: 'descending' }] })).toEqual([
      'alpha',
      'beta',
      'gamma',
    ]);
    expect(await names({ sorts: [{ timestamp: 'last_edited_time', direction: 'descending' }] })).toEqual([
      'gamma',
      'alpha',
      'beta',
    ]);
    expect(
      await names({
        filter: {
          or: [
            { property: 'Score', number: { greater_than: 2 } },
            { property: 'Title', title: { starts_with: 'g' } },
          ],
        },
        sorts: [{ property: 'Title', direction: 'ascending' }],
      }),
    ).toEqual(['alpha', 'gamma']);
  });
});
