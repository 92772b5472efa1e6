/** `radar notion init --parent <page-id>` and `radar notion migrate`: create or bring up to date the radar's Notion databases. */
import { extractPageId } from '@notionhq/client';
import { BENCHMARKS_DATABASE } from '../../adapters/notion/benchmarks-schema.ts';
import { ensureDatabase, type MigrateResult } from '../../adapters/notion/init-migrate.ts';
import {
  LEADERBOARD_CHANGES_DATABASE,
  MODEL_RANKINGS_DATABASE,
} from '../../adapters/notion/leaderboard-schema.ts';
import { requireNotionApi } from '../../adapters/notion/notion-setup.ts';
import { PAPERS_DATABASE } from '../../adapters/notion/schema.ts';
import { UsageError } from '../../core/errors.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface NotionInitFlags {
  parent?: string;
}

export function formatMigrate(result: MigrateResult): string[] {
  const lines = [
    `${result.name}: ${result.created ? 'created' : 'found'} database ${result.databaseId} (data source ${result.dataSourceId})`,
    result.added.length > 0 ? `  added properties: ${result.added.join(', ')}` : '  schema up to date',
  ];
  for (const c of result.conflicts) {
    lines.push(
      `  kept "${c.name}" as ${c.actual} (the radar expects ${c.expected}; rename yours to let the radar add its own)`,
    );
  }
  return lines;
}

async function run(
  ctx: CommandContext,
  parent: string | undefined,
  out: (line: string) => void,
): Promise<number> {
  const { config } = ctx.loaded;
  const api = requireNotionApi(config, ctx.env.secrets.NOTION_TOKEN, ctx.logger);
  const mapStore = ctx.stores.notionMap;
  // Papers first: the other databases may relate to it. Each one is created once, then migrated.
  const databases = [
    { spec: PAPERS_DATABASE, databaseId: config.notion.papersDatabaseId },
    { spec: BENCHMARKS_DATABASE, databaseId: config.notion.benchmarksDatabaseId },
    { spec: LEADERBOARD_CHANGES_DATABASE, databaseId: undefined },
    { spec: MODEL_RANKINGS_DATABASE, databaseId: config.notion.rankingsDatabaseId },
  ];
  const results = await withStateLock(ctx, 'notion', async () => {
    const done: MigrateResult[] = [];
    for (const { spec, databaseId } of databases) {
      done.push(await ensureDatabase({ api, mapStore }, spec, { parentPageId: parent, databaseId }));
    }
    return done;
  });
  for (const result of results) for (const line of formatMigrate(result)) out(line);
  return results.some((r) => r.conflicts.length > 0) ? 1 : 0;
}

export function runNotionInit(
  ctx: CommandContext,
  flags: NotionInitFlags,
  out: (line: string) => void,
): Promise<number> {
  const raw = flags.parent ?? ctx.loaded.config.notion.parentPageId;
  if (!raw)
    throw new UsageError('radar notion init needs --parent <page-id> (or notion.parentPageId in the config)');
  // Accepts a page URL as well as an id.
  const parent = extractPageId(raw) ?? raw;
  return run(ctx, parent, out);
}

export function runNotionMigrate(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  return run(ctx, undefined, out);
}
