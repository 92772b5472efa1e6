/**
 * A local Notion API (Notion-Version 2025-09-03: databases hold data sources; schema and queries
 * live on /v1/data_sources) with an in-memory workspace, answering in the real wire format so the
 * real `@notionhq/client` can be pointed at it with `baseUrl`. Validates what Notion validates
 * that the radar relies on, optionally rate-limits like Notion, and lets tests play the user
 * editing pages in Notion.
 */
import { type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';
import type { BlockParent } from './notion/blocks.ts';
import { createGuards, type GuardStats, type RateLimitOptions } from './notion/guards.ts';
import { comparableText, isRecord } from './notion/properties.ts';
import { type PageParent, PERSON_USER_ID } from './notion/records.ts';
import { createRenderer } from './notion/render.ts';
import { registerNotionRoutes } from './notion/routes.ts';
import { createNotionStore } from './notion/store.ts';
import { type NotionErrorBody, normalizeId, notionErrorBody, type TimePrecision } from './notion/wire.ts';

export type { GuardStats, NotionErrorBody, PageParent, RateLimitOptions, TimePrecision };

export interface NotionFakeOptions {
  /** The only bearer token accepted; by default any `secret_…` or `ntn_…` token. */
  auth?: string;
  /** Token-bucket rate limit answering 429 rate_limited with Retry-After (whole seconds). */
  rateLimit?: RateLimitOptions;
  /** How times are answered and filtered; Notion keeps minutes. Default 'minute'. */
  timestampPrecision?: TimePrecision;
  /** Clock for created/last-edited times; default the real clock. */
  now?: () => Date;
  /** Title of the seeded workspace page that databases can be created under. */
  rootPageTitle?: string;
}

export interface PageSnapshot {
  id: string;
  parent: PageParent;
  inTrash: boolean;
  createdTime: string;
  lastEditedTime: string;
  lastEditedBy: string;
  /** Property values as the API renders them, by property name. */
  properties: Record<string, unknown>;
  /** Plain text of every property (rich text joined, option names, numbers), by property name. */
  text: Record<string, string>;
}

export interface DataSourceSnapshot {
  id: string;
  databaseId: string;
  title: string;
  properties: Record<string, { id: string; type: string; options?: string[] }>;
}

export interface BlockSnapshot {
  id: string;
  type: string;
  text: string;
  payload: Record<string, unknown>;
  parent: BlockParent;
}

export interface NotionFake extends FakeServer {
  /** A page shared with the integration, to create databases under. */
  readonly rootPageId: string;
  pages(dataSourceId?: string): PageSnapshot[];
  page(pageId: string): PageSnapshot;
  dataSource(dataSourceId: string): DataSourceSnapshot;
  /** Non-trashed children of a page or block, in order. */
  blocks(parentId: string): BlockSnapshot[];
  /** Plays the user editing a property in Notion: request-shaped value, e.g. `{ select: { name: 'Good' } }`. */
  setPageProperty(pageId: string, name: string, value: unknown, options?: { at?: Date }): void;
  setLastEditedTime(pageId: string, at: Date): void;
  /** Queues Notion-shaped errors on the next matching requests (before auth and rate limit). */
  injectError(error: {
    status: number;
    code: string;
    message?: string;
    retryAfter?: number;
    times?: number;
    match?: (req: RecordedRequest) => boolean;
    /** Handle the request first, then answer the error (a 502 after the write applied). */
    afterApplying?: boolean;
  }): void;
  stats(): GuardStats;
}

const plain = (payload: Record<string, unknown>): string =>
  Array.isArray(payload.rich_text)
    ? payload.rich_text
        .map((t: unknown) => (isRecord(t) && typeof t.plain_text === 'string' ? t.plain_text : ''))
        .join('')
    : '';

export async function startNotionFake(options: NotionFakeOptions = {}): Promise<NotionFake> {
  const server = await startFakeServer('notion');
  const precision = options.timestampPrecision ?? 'minute';
  const clock = options.now;
  const store = createNotionStore(() => (clock ? clock().getTime() : Date.now()));
  const render = createRenderer(store, precision);
  const guards = createGuards({ auth: options.auth, rateLimit: options.rateLimit });
  registerNotionRoutes(server, { store, render, guards, precision });
  const root = store.addWorkspacePage(options.rootPageTitle ?? 'Research Radar');

  const snapshot = (pageId: string): PageSnapshot => {
    const record = store.page(normalizeId(pageId, 'page_id'));
    const rendered = render.page(record);
    const text: Record<string, string> = {};
    for (const schema of store.schemaOf(record))
      text[schema.name] = comparableText(schema, record.values.get(schema.id));
    return {
      id: record.id,
      parent: record.parent,
      inTrash: record.inTrash,
      createdTime: render.time(record.createdTime),
      lastEditedTime: render.time(record.lastEditedTime),
      lastEditedBy: record.lastEditedBy,
      properties: isRecord(rendered.properties) ? rendered.properties : {},
      text,
    };
  };

  return Object.assign(server, {
    rootPageId: root.id,
    pages(dataSourceId?: string) {
      const wanted = dataSourceId === undefined ? undefined : normalizeId(dataSourceId, 'data_source_id');
      return [...store.pages.values()]
        .filter(
          (p) =>
            wanted === undefined ||
            (p.parent.type === 'data_source_id' && p.parent.data_source_id === wanted),
        )
        .map((p) => snapshot(p.id));
    },
    page: snapshot,
    dataSource(dataSourceId: string): DataSourceSnapshot {
      const record = store.dataSource(normalizeId(dataSourceId, 'data_source_id'));
      const properties: DataSourceSnapshot['properties'] = {};
      for (const p of record.properties) {
        properties[p.name] = p.options
          ? { id: p.id, type: p.type, options: p.options.map((o) => o.name) }
          : { id: p.id, type: p.type };
      }
      return {
        id: record.id,
        databaseId: record.databaseId,
        title: record.title.map((t) => t.plain_text).join(''),
        properties,
      };
    },
    blocks(parentId: string) {
      return store.children(normalizeId(parentId, 'block_id')).map((b) => ({
        id: b.id,
        type: b.type,
        text: plain(b.payload),
        payload: b.payload,
        parent: b.parent,
      }));
    },
    setPageProperty(pageId: string, name: string, value: unknown, edit: { at?: Date } = {}) {
      const changes = { properties: { [name]: value } };
      store.updatePage(normalizeId(pageId, 'page_id'), changes, PERSON_USER_ID, edit.at?.getTime());
    },
    setLastEditedTime(pageId: string, at: Date) {
      store.page(normalizeId(pageId, 'page_id')).lastEditedTime = at.getTime();
    },
    injectError(error: Parameters<NotionFake['injectError']>[0]) {
      const message = error.message ?? `Injected ${error.code}.`;
      server.inject({
        fault: {
          kind: 'status',
          status: error.status,
          body: notionErrorBody(error.status, error.code, message),
          ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
          ...(error.afterApplying ? { afterApplying: true } : {}),
        },
        ...(error.match ? { match: error.match } : {}),
        ...(error.times === undefined ? {} : { times: error.times }),
      });
    },
    stats: () => ({ ...guards.stats }),
  });
}
