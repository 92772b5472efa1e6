/** Helpers for tests that drive the Notion fake with the real @notionhq/client. */
import { Client, isFullDatabase, type RetryOptions } from '@notionhq/client';
import type { NotionFake } from './notion-fake.ts';

export function notionClient(
  server: NotionFake,
  options: { auth?: string; retry?: RetryOptions | false; timeoutMs?: number } = {},
): Client {
  return new Client({
    auth: options.auth ?? 'secret_test',
    baseUrl: server.url,
    retry: options.retry ?? { initialRetryDelayMs: 20 },
    timeoutMs: options.timeoutMs ?? 5_000,
    logger: () => {},
  });
}

/** Creates a `Papers` database under the root page; returns its data source id. */
export async function createRadarDataSource(notion: Client, server: NotionFake): Promise<string> {
  const database = await notion.databases.create({
    parent: { type: 'page_id', page_id: server.rootPageId },
    title: [{ type: 'text', text: { content: 'Papers' } }],
    initial_data_source: { properties: { Title: { title: {} }, Summary: { rich_text: {} } } },
  });
  if (!isFullDatabase(database)) throw new Error('expected a full database');
  const source = database.data_sources[0];
  if (!source) throw new Error('expected a data source');
  return source.id;
}

export const title = (content: string) => ({ title: [{ text: { content } }] });

/** The rejection value of a promise, or undefined when it resolves. */
export function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}
