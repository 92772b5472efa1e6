/**
 * `radar publish [--ids …]`: publishes papers to Notion when NOTION_TOKEN is set, else to
 * markdown and HTML files under `<state>/out`. Without --ids: the latest day's picks (or the
 * summarized papers not published yet), plus the papers whose last publish failed.
 */
import { createNotionPublisher } from '../../adapters/notion/notion-publisher.ts';
import { notionApiFromConfig, papersDataSourceId } from '../../adapters/notion/notion-setup.ts';
import { PAPERS_DATABASE } from '../../adapters/notion/schema.ts';
import { createLocalPublisher } from '../../publish/local/local-publisher.ts';
import { loadPublishItems } from '../../publish/publish-items.ts';
import type { Publisher } from '../../publish/publisher.ts';
import { statePaths } from '../../store/paths.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface PublishFlags {
  ids?: string[];
}

async function choosePublisher(
  ctx: CommandContext,
): Promise<{ publisher: Publisher; published: Set<string>; retry: string[] }> {
  const { config } = ctx.loaded;
  const api = notionApiFromConfig(config, ctx.env.secrets.NOTION_TOKEN, ctx.logger);
  if (!api)
    return {
      publisher: createLocalPublisher(statePaths(ctx.stateDir).outDir),
      published: new Set(),
      retry: [],
    };
  const mapStore = ctx.stores.notionMap;
  const dataSourceId = await papersDataSourceId(api, mapStore, config);
  const map = await mapStore.load();
  const publisher = createNotionPublisher({ api, mapStore, logger: ctx.logger }, { dataSourceId });
  return {
    publisher,
    published: new Set(Object.keys(map.pages[PAPERS_DATABASE.name] ?? {})),
    retry: Object.keys(map.failed[PAPERS_DATABASE.name] ?? {}),
  };
}

export async function runPublish(
  ctx: CommandContext,
  flags: PublishFlags,
  out: (line: string) => void,
  now = new Date(),
): Promise<number> {
  const ids = (flags.ids ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return withStateLock(ctx, 'publish', async () => {
    const { publisher, published, retry } = await choosePublisher(ctx);
    const loaded = await loadPublishItems(ctx.stores, {
      ids,
      published,
      retry,
      today: now.toISOString().slice(0, 10),
    });
    for (const id of loaded.missing) out(`skipped ${id}: no such paper in the state`);
    if (loaded.items.length === 0) {
      out('nothing to publish');
      return loaded.missing.length > 0 ? 1 : 0;
    }
    const { results, outputs } = await publisher.publish(loaded.day, loaded.items);
    const failed = results.filter((r) => !r.ok);
    out(
      `published ${results.length - failed.length} of ${results.length} papers to ${publisher.name} (${loaded.day})`,
    );
    for (const [name, where] of Object.entries(outputs)) out(`  ${name}: ${where}`);
    if (publisher.name === 'local') out(`  pages: ${statePaths(ctx.stateDir).outDir}/papers/`);
    for (const r of failed) if (!r.ok) out(`  failed ${r.id}: ${r.error}`);
    if (failed.length > 0 && publisher.name !== 'local')
      out('  failed papers are retried by the next `radar publish`');
    return failed.length > 0 ? 1 : 0;
  });
}
