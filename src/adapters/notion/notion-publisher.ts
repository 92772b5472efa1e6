/**
 * The Notion publisher: one page per paper in the Papers data source, keyed by arXiv id.
 *
 * - Upsert: the page id comes from notion.json; a create is preceded by a "pending" intent there,
 *   so a crash between create and record is found on the next run by a query on arXiv ID
 *   (instead of querying before every create).
 * - Unchanged pages cost nothing: hashes of the properties and body last written are kept.
 * - On a body change the radar deletes the blocks it wrote and appends the new ones; blocks the
 *   user added stay (after a rewrite they come before the radar's).
 * - One failed page never stops the others; failures are recorded and retried by the next run.
 * - Related papers become relations once both pages exist (a second pass updates pages whose
 *   related papers got pages later in the same run).
 */
import { createHash } from 'node:crypto';
import { errorMessage } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import type { Publisher, PublishItem, PublishResult } from '../../publish/publisher.ts';
import { type NotionMapStore, section } from '../../store/notion-map-store.ts';
import type { NotionMap } from '../../store/schemas.ts';
import type { NotionApi } from './notion-client.ts';
import { type Block, paperBlocks, paperProperties, type PropertyValues } from './page-content.ts';
import { createPageWriter, type PageWriter } from './page-writer.ts';
import { PAPER_PROPS, PAPERS_DATABASE } from './schema.ts';

export interface NotionPublisherDeps {
  api: NotionApi;
  mapStore: NotionMapStore;
  logger: Logger;
  now?: () => Date;
}

const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export function pageUrl(pageId: string): string {
  return `https://www.notion.so/${pageId.replace(/-/g, '')}`;
}

interface Content {
  properties: PropertyValues;
  blocks: Block[];
  hashes: { properties: string; body: string };
}

function contentOf(item: PublishItem, map: NotionMap): Content {
  const pages = map.pages[PAPERS_DATABASE.name] ?? {};
  const related = item.related.flatMap((r) => (pages[r.id] ? [pages[r.id] ?? ''] : []));
  const properties = paperProperties(item, related);
  const blocks = paperBlocks(item);
  return { properties, blocks, hashes: { properties: hashOf(properties), body: hashOf(blocks) } };
}

export function createNotionPublisher(deps: NotionPublisherDeps, options: { dataSourceId: string }): Publisher {
  const log = deps.logger.child({ module: 'notion-publisher' });
  const now = deps.now ?? (() => new Date());
  const db = PAPERS_DATABASE.name;
  const writer = createPageWriter(deps.api, { dataSourceId: options.dataSourceId, keyProperty: PAPER_PROPS.arxivId });

  return {
    name: 'notion',
    async publish(_day, items) {
      const map = await deps.mapStore.load();
      const save = () => deps.mapStore.save(map);
      const results: PublishResult[] = [];
      for (const item of items) {
        const id = item.paper.id;
        try {
          const pageId = await upsert(item, map, save, writer, now);
          delete section(map.failed, db)[id];
          results.push({ id, ok: true, location: pageUrl(pageId) });
        } catch (error) {
          const reason = errorMessage(error);
          log.warn({ id, error: reason }, 'notion publish failed for one paper');
          section(map.failed, db)[id] = reason;
          results.push({ id, ok: false, error: reason });
        }
        await save();
      }
      await linkLateRelations(items, results, map, save, writer, (id, error) => {
        log.warn({ id, error }, 'notion relation update failed');
      });
      return { results, outputs: { dataSource: options.dataSourceId } };
    },
  };
}

async function upsert(
  item: PublishItem,
  map: NotionMap,
  save: () => Promise<void>,
  writer: PageWriter,
  now: () => Date,
): Promise<string> {
  const db = PAPERS_DATABASE.name;
  const id = item.paper.id;
  const pages = section(map.pages, db);
  const pending = section(map.pending, db);
  const written = section(map.written, db);
  const content = contentOf(item, map);
  let pageId = pages[id];
  if (pageId === undefined && pending[id] !== undefined) pageId = await writer.findByKey(id);
  if (pageId !== undefined) {
    // Record a page found after a crash before writing more, so the next lookup is local.
    pages[id] = pageId;
    delete pending[id];
    const before = written[id];
    if (before?.properties !== content.hashes.properties) await writer.updateProperties(pageId, content.properties);
    if (before?.body !== content.hashes.body) await writer.replaceBody(pageId, content.blocks);
    written[id] = content.hashes;
    return pageId;
  }
  pending[id] = now().toISOString();
  await save();
  const added = { [PAPER_PROPS.added]: { date: { start: now().toISOString().slice(0, 10) } } };
  const created = await writer.create(id, { ...content.properties, ...added }, content.blocks);
  pages[id] = created.pageId;
  delete pending[id];
  if (created.rest.length > 0) {
    await save();
    await writer.appendBlocks(created.pageId, created.rest);
  }
  written[id] = content.hashes;
  return created.pageId;
}

/** Pages whose related papers got their pages after them in this run: set the relation now. */
async function linkLateRelations(
  items: readonly PublishItem[],
  results: readonly PublishResult[],
  map: NotionMap,
  save: () => Promise<void>,
  writer: PageWriter,
  onError: (id: string, error: string) => void,
): Promise<void> {
  const db = PAPERS_DATABASE.name;
  const ok = new Set(results.filter((r) => r.ok).map((r) => r.id));
  for (const item of items) {
    const id = item.paper.id;
    const pageId = map.pages[db]?.[id];
    const before = map.written[db]?.[id];
    if (!ok.has(id) || pageId === undefined || before === undefined) continue;
    const content = contentOf(item, map);
    if (content.hashes.properties === before.properties) continue;
    try {
      await writer.updateProperties(pageId, { [PAPER_PROPS.related]: content.properties[PAPER_PROPS.related] ?? { relation: [] } });
      section(map.written, db)[id] = { ...before, properties: content.hashes.properties };
      await save();
    } catch (error) {
      onError(id, errorMessage(error));
    }
  }
}
