/** Response objects in Notion-Version 2025-09-03 shape (compare tests/fixtures/notion/*_2025-09-03.json). */
import { comparableText, renderSchema, renderValue } from './properties.ts';
import { BOT_USER_ID, type DatabaseRecord, type DataSourceRecord, type PageRecord } from './records.ts';
import { plainText } from './rich-text.ts';
import type { NotionStore } from './store.ts';
import { formatTime, type TimePrecision } from './wire.ts';

const compact = (id: string) => id.replace(/-/g, '');
const user = (id: string) => ({ object: 'user', id });

export function createRenderer(store: NotionStore, precision: TimePrecision) {
  const time = (ms: number) => formatTime(ms, precision);

  function page(record: PageRecord): Record<string, unknown> {
    const meta = {
      createdTime: time(record.createdTime),
      lastEditedTime: time(record.lastEditedTime),
      createdBy: record.createdBy,
      lastEditedBy: record.lastEditedBy,
    };
    const properties: Record<string, unknown> = {};
    for (const schema of store.schemaOf(record)) {
      properties[schema.name] = renderValue(schema, record.values.get(schema.id), meta);
    }
    const title = store.schemaOf(record).find((s) => s.type === 'title');
    const slug = (title ? comparableText(title, record.values.get(title.id)) : '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '');
    return {
      object: 'page',
      id: record.id,
      created_time: meta.createdTime,
      last_edited_time: meta.lastEditedTime,
      created_by: user(record.createdBy),
      last_edited_by: user(record.lastEditedBy),
      cover: record.cover,
      icon: record.icon,
      parent: record.parent,
      in_trash: record.inTrash,
      is_archived: record.inTrash,
      is_locked: record.isLocked,
      properties,
      url: `https://www.notion.so/${slug ? `${slug}-` : ''}${compact(record.id)}`,
      public_url: null,
      archived: record.inTrash,
    };
  }

  function dataSource(record: DataSourceRecord): Record<string, unknown> {
    const database = store.database(record.databaseId);
    const properties: Record<string, unknown> = {};
    for (const schema of record.properties) properties[schema.name] = renderSchema(schema);
    return {
      object: 'data_source',
      id: record.id,
      cover: null,
      icon: record.icon,
      created_time: time(record.createdTime),
      created_by: user(BOT_USER_ID),
      last_edited_by: user(BOT_USER_ID),
      last_edited_time: time(record.lastEditedTime),
      title: record.title,
      description: [],
      is_inline: database.isInline,
      properties,
      parent: { type: 'database_id', database_id: database.id },
      database_parent: database.parent,
      url: `https://www.notion.so/${compact(database.id)}`,
      public_url: null,
      in_trash: record.inTrash,
      archived: record.inTrash,
    };
  }

  /** Databases answer times with milliseconds and `+00:00`, unlike pages (see the fixtures). */
  function database(record: DatabaseRecord): Record<string, unknown> {
    const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
    return {
      object: 'database',
      id: record.id,
      title: record.title,
      description: record.description,
      parent: record.parent,
      is_inline: record.isInline,
      in_trash: record.inTrash,
      is_locked: false,
      created_time: iso(record.createdTime),
      last_edited_time: iso(record.lastEditedTime),
      data_sources: record.dataSourceIds.map((id) => ({ id, name: plainText(store.dataSource(id).title) })),
      icon: record.icon,
      cover: record.cover,
      url: `https://www.notion.so/${compact(record.id)}`,
      public_url: null,
      archived: record.inTrash,
    };
  }

  return { page, dataSource, database, time };
}

export type Renderer = ReturnType<typeof createRenderer>;
