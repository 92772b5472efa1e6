/**
 * After a collection, with a Notion token: the Leaderboard Changes database gets one page per
 * recorded change and the Model Rankings database one page per model with a coding score (the
 * models the composite ranks), both upserted by key; unchanged pages cost no request.
 */

import { ensureDatabase } from '../../adapters/notion/init-migrate.ts';
import { createKeyedPublisher, type KeyedPublishResult } from '../../adapters/notion/keyed-publisher.ts';
import {
  CHANGE_PROPS,
  changeProperties,
  LEADERBOARD_CHANGES_DATABASE,
  MODEL_RANKINGS_DATABASE,
  RANKING_PROPS,
  rankingProperties,
} from '../../adapters/notion/leaderboard-schema.ts';
import type { NotionApi } from '../../adapters/notion/notion-client.ts';
import { notionApiFromConfig } from '../../adapters/notion/notion-setup.ts';
import type { RadarConfig } from '../../config/schema.ts';
import { BOARD_IDS } from '../../leaderboards/leaderboard-row.ts';
import { buildRankings, sortRankings } from '../../leaderboards/rankings.ts';
import type { Logger } from '../../log/logger.ts';
import type { LeaderboardsStore } from '../../store/leaderboards-store.ts';
import type { Stores } from '../../store/stores.ts';

const summary = (name: string, r: KeyedPublishResult) =>
  `${name}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.failed.length} failed`;

export interface LeaderboardsNotionDeps {
  config: RadarConfig;
  stores: Pick<Stores, 'notionMap' | 'modelAliases'>;
  logger: Logger;
  /** The Notion API; by default built from the config and NOTION_TOKEN. */
  api?: NotionApi;
  env: { secrets: { NOTION_TOKEN?: string } };
}

export async function publishLeaderboardsToNotion(
  deps: LeaderboardsNotionDeps,
  store: LeaderboardsStore,
  now: Date,
): Promise<string | undefined> {
  const api = deps.api ?? notionApiFromConfig(deps.config, deps.env.secrets.NOTION_TOKEN, deps.logger);
  if (!api) return undefined;
  const mapStore = deps.stores.notionMap;
  const { notion } = deps.config;
  const changesDb = await ensureDatabase({ api, mapStore }, LEADERBOARD_CHANGES_DATABASE, {
    parentPageId: notion.parentPageId,
  });
  const rankingsDb = await ensureDatabase({ api, mapStore }, MODEL_RANKINGS_DATABASE, {
    parentPageId: notion.parentPageId,
    databaseId: notion.rankingsDatabaseId,
  });
  const events = (await Promise.all(BOARD_IDS.map((b) => store.readChanges(b)))).flat();
  const changes = await createKeyedPublisher(
    { api, mapStore, logger: deps.logger },
    {
      dataSourceId: changesDb.dataSourceId,
      database: LEADERBOARD_CHANGES_DATABASE,
      keyProperty: CHANGE_PROPS.key,
    },
  ).publish(events.map((e) => ({ key: e.key, properties: changeProperties(e) })));
  const { aliases } = await deps.stores.modelAliases.read();
  const ranked = sortRankings(
    buildRankings(await store.latestSnapshots(), aliases, now).models,
    'overall',
  ).filter((m) => m.overall !== null);
  const rankings = await createKeyedPublisher(
    { api, mapStore, logger: deps.logger },
    {
      dataSourceId: rankingsDb.dataSourceId,
      database: MODEL_RANKINGS_DATABASE,
      keyProperty: RANKING_PROPS.key,
    },
  ).publish(ranked.map((m) => ({ key: m.key, properties: rankingProperties(m) })));
  return `notion: ${summary('changes', changes)}; ${summary('rankings', rankings)}`;
}
