/** `radar notion init` / `migrate` with the real @notionhq/client against the Notion fake. */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { PAPERS_DATABASE, PAPERS_SCHEMA } from '../src/adapters/notion/schema.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { createRadarDataSource, notionClient } from './fakes/notion-fake-sdk.ts';
import { fakeApi } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('notion schema init and migrate', () => {
  it('creates the Papers database with every property, Related pointing at itself, and records its ids', async () => {
    fake = await startNotionFake();
    const mapStore = createNotionMapStore(tempDir());
    const result = await ensureDatabase({ api: fakeApi(fake), mapStore }, PAPERS_DATABASE, {
      parentPageId: fake.rootPageId,
    });

    expect(result.created).toBe(true);
    expect(result.added).toEqual(['Related']);
    const source = fake.dataSource(result.dataSourceId);
    expect(source.title).toBe('Papers');
    for (const spec of PAPERS_SCHEMA) expect(source.properties[spec.name]?.type, spec.name).toBe(spec.type);
    expect(source.properties.Feedback?.options).toEqual(['👍', '👎']);
    expect(source.properties.Pick?.options).toEqual(['top', 'explore']);
    expect((await mapStore.load()).databases.Papers).toEqual({
      databaseId: result.databaseId,
      dataSourceId: result.dataSourceId,
    });

    const again = await ensureDatabase({ api: fakeApi(fake), mapStore }, PAPERS_DATABASE, {});
    expect(again).toMatchObject({
      created: false,
      added: [],
      conflicts: [],
      dataSourceId: result.dataSourceId,
    });
    expect(fake.requestsTo('/v1/databases', 'POST')).toHaveLength(1);
  });

  it('migrates an existing database: adds what is missing, keeps the user’s title name, extra and retyped properties', async () => {
    fake = await startNotionFake();
    const client = notionClient(fake);
    const dataSourceId = await createRadarDataSource(client, fake); // Title + Summary
    await client.dataSources.update({
      data_source_id: dataSourceId,
      properties: { Title: { name: 'Name' }, Tags: { rich_text: {} }, 'My notes': { rich_text: {} } },
    });
    const databaseId = fake.dataSource(dataSourceId).databaseId;
    const mapStore = createNotionMapStore(tempDir());

    const result = await ensureDatabase({ api: fakeApi(fake), mapStore }, PAPERS_DATABASE, { databaseId });

    expect(result.created).toBe(false);
    expect(result.conflicts).toEqual([{ name: 'Tags', expected: 'multi_select', actual: 'rich_text' }]);
    const properties = fake.dataSource(dataSourceId).properties;
    expect(properties.Name?.type).toBe('title');
    expect(properties.Title).toBeUndefined();
    expect(properties['My notes']?.type).toBe('rich_text');
    expect(properties.Summary?.type).toBe('rich_text');
    expect(properties.Tags?.type).toBe('rich_text');
    expect(properties.Score?.type).toBe('number');
    expect(properties.Related?.type).toBe('relation');
    expect(result.added).not.toContain('Title');
  });
});
