/** Builds the Notion API from config and secrets, and finds the Papers data source of the state. */
import { extractPageId } from '@notionhq/client';
import type { RadarConfig } from '../../config/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import type { NotionMapStore } from '../../store/notion-map-store.ts';
import { ensureDatabase } from './init-migrate.ts';
import { createNotionApi, type NotionApi } from './notion-client.ts';
import { PAPERS_DATABASE } from './schema.ts';

/** The API when NOTION_TOKEN is set, else undefined (the local publisher is used instead). */
export function notionApiFromConfig(
  config: RadarConfig,
  token: string | undefined,
  logger: Logger,
): NotionApi | undefined {
  if (!token) return undefined;
  return createNotionApi({
    token,
    baseUrl: config.notion.baseUrl,
    requestsPerSecond: config.notion.requestsPerSecond,
    logger,
  });
}

export function requireNotionApi(config: RadarConfig, token: string | undefined, logger: Logger): NotionApi {
  const api = notionApiFromConfig(config, token, logger);
  if (!api)
    throw new ConfigError(
      'NOTION_TOKEN is not set: create an integration at notion.so/my-integrations and share a page with it',
    );
  return api;
}

/** notion.parentPageId takes a page URL as well as an id. */
function parentOf(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : (extractPageId(raw) ?? raw);
}

/** The Papers data source id: from notion.json, else the configured database (recorded and migrated on first use). */
export async function papersDataSourceId(
  api: NotionApi,
  mapStore: NotionMapStore,
  config: RadarConfig,
): Promise<string> {
  const known = (await mapStore.load()).databases[PAPERS_DATABASE.name];
  if (known) return known.dataSourceId;
  const { dataSourceId } = await ensureDatabase({ api, mapStore }, PAPERS_DATABASE, {
    databaseId: config.notion.papersDatabaseId,
    parentPageId: parentOf(config.notion.parentPageId),
  });
  return dataSourceId;
}
