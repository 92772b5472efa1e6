/**
 * The Notion publisher: one page per paper in the Papers data source, keyed by arXiv id.
 *
 * - Upsert: the page id comes from notion.json; a create is preceded by a "pending" intent there,
 *   so a crash between create and record is found on the next run by a query on arXiv ID
 *   (instead of querying before every create). A create retried after a lost answer (timeout,
 *   network, 500) looks first, and at the end of the run any late duplicate is trashed.
 * - Unchanged pages cost nothing: hashes of the properties and body last written are kept.
 * - On a body change the radar deletes the blocks it wrote (created_by = the integration) and
 *   appends the new ones; blocks the user added stay (after a rewrite they come first).
 * - One failed page never stops the others; failures are recorded and retried by the next run.
 * - Related papers become relations once both pages exist (a second pass updates pages whose
 *   related papers got pages later in the same run).
 */
import { createHash } from 'node:crypto';
import { errorMessage } from '../../core/errors.ts';
import { notionPageUrl } from '../../core/notion-url.ts';
import type { Logger } from '../../log/logger.ts';
import type { Publisher, PublishItem, PublishResult } from '../../publish/publisher.ts';
import { type NotionMapStore, section } from '../../store/notion-map-store.ts';
import type { NotionMap } from '../../store/schemas.ts';
import { type NotionApi, NotionError } from './notion-client.ts';
import { checkNotion, createCircuitBreaker } from './notion-health.ts';
import { type Block, type PropertyValues, paperBlocks, paperProperties } from './page-content.ts';
import { createPageWriter, type PageWriter } from './page-writer.ts';
import { PAPER_PROPS, PAPERS_DATABASE } from './schema.ts';

export interface NotionPublisherDeps {
  api: NotionApi;
  mapStore: NotionMapStore;
  logger: Logger;
  now?: () => Date;
}

const hashOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export const pageUrl = notionPageUrl;

interface Content {
  properties: PropertyValues;
  blocks: Block[];
  hashes: { properties: string; body: string };
}

function contentOf(item: PublishItem, map: NotionMap): Content {
  const pages = map.pages[PAPERS_DATABASE.name] ?? {};
  const related = item.related.flatMap((r) => {
    const pageId = pages[r.id];
    return pageId === undefined ? [] : [pageId];
  });
  const properties = paperProperties(item, related);
  const blocks = paperBlocks(item);
  return { properties, blocks, hashes: { properties: hashOf(properties), body: hashOf(blocks) } };
}

export function createNotionPublisher(
  deps: NotionPublisherDeps,
  options: { dataSourceId: string },
): Publisher {
  const log = deps.logger.child({ module: 'notion-publisher' });
  const now = deps.now ?? (() => new Date());
  const db = PAPERS_DATABASE.name;
  const writer = createPageWriter(deps.api, {
    dataSourceId: options.dataSourceId,
    keyProperty: PAPER_PROPS.arxivId,
  });

  return {
    name: 'notion',
    async publish(_day, items) {
      const map = await deps.mapStore.load();
      const save = () => deps.mapStore.save(map);
      const ctx: UpsertContext = { map, save, writer, now, toVerify: new Set() };
      const results: PublishResult[] = [];
      const breaker = createCircuitBreaker();
      // One probe first: a refused token fails every paper (an unchanged page is not "published"
      // by a token Notion refuses), a service that is down is not tried paper by paper.
      const health = items.length > 0 ? await checkNotion(deps.api) : undefined;
      if (health && !health.ok) {
        if (health.refused) log.error({ error: health.reason }, 'notion: the token was refused');
        breaker.trip(health.refused ? health.reason : `not tried: Notion looks down (${health.reason})`);
      }
      let told = false;
      for (const item of items) {
        const id = item.paper.id;
        const open = breaker.open();
        if (open !== undefined) {
          if (!told) log.error({ reason: open }, 'notion: stopped publishing for this run');
          told = true;
          section(map.failed, db)[id] = open;
          results.push({ id, ok: false, error: open });
          continue;
        }
        try {
          const pageId = await upsert(item, ctx);
          delete section(map.failed, db)[id];
          results.push({ id, ok: true, location: pageUrl(pageId) });
          breaker.record(undefined);
        } catch (error) {
          const reason = errorMessage(error);
          log.warn({ id, error: reason }, 'notion publish failed for one paper');
          section(map.failed, db)[id] = reason;
          results.push({ id, ok: false, error: reason });
          breaker.record(error);
        }
        await save();
      }
      if (told) await save();
      const warn = (id: string, error: string) => log.warn({ id, error }, 'notion follow-up update failed');
      if (breaker.open() === undefined) {
        await verifyAmbiguousCreates(ctx, warn);
        await linkLateRelations(items, results, map, save, writer, warn);
      }
      return { results, outputs: { dataSource: options.dataSourceId } };
    },
  };
}

/** Calls whose target is the page itself: only their 404 / "archived" answer means the page is gone. */
const PAGE_LEVEL = new Set([
  'pages.update',
  'pages.retrieve',
  'blocks.children.list',
  'blocks.children.append',
]);

/**
 * The page was deleted for good (404) or sits in the trash (Notion refuses to edit it) — told by
 * a page-level call. A block delete answering "archived" (a retry after a lost success) is not.
 */
function isGonePage(error: unknown): boolean {
  return (
    error instanceof NotionError &&
    PAGE_LEVEL.has(error.operation) &&
    (error.status === 404 || (error.status === 400 && /archived|in trash/i.test(error.message)))
  );
}

interface UpsertContext {
  map: NotionMap;
  save: () => Promise<void>;
  writer: PageWriter;
  now: () => Date;
  /** Ids whose create may have been applied twice (a retry after a timeout): checked at the end of the run. */
  toVerify: Set<string>;
}

/**
 * The one page to keep for `id` when a create may have happened without being recorded (or
 * twice): the recorded page, else the oldest found; any other page with that arXiv id is trashed.
 */
export async function settlePages(
  id: string,
  recorded: string | undefined,
  writer: PageWriter,
): Promise<string | undefined> {
  const found = await writer.findAllByKey(id);
  const keep = recorded ?? found[0];
  for (const other of found) if (other !== keep) await writer.trash(other);
  return keep;
}

async function upsert(item: PublishItem, ctx: UpsertContext): Promise<string> {
  const db = PAPERS_DATABASE.name;
  const id = item.paper.id;
  const pages = section(ctx.map.pages, db);
  const pending = section(ctx.map.pending, db);
  const content = contentOf(item, ctx.map);
  // An intent without a settled page: a crash (or a lost response) between create and record.
  if (pending[id] !== undefined) {
    const kept = await settlePages(id, pages[id], ctx.writer);
    if (kept !== undefined) pages[id] = kept;
    delete pending[id];
  }
  const pageId = pages[id];
  if (pageId === undefined) return createPage(item, content, ctx);
  try {
    await updatePage(id, pageId, content, ctx);
  } catch (error) {
    if (!isGonePage(error)) throw error;
    // The user deleted the page: publish it again as a new page.
    delete pages[id];
    delete section(ctx.map.written, db)[id];
    return createPage(item, content, ctx);
  }
  return pageId;
}

async function updatePage(id: string, pageId: string, content: Content, ctx: UpsertContext): Promise<void> {
  const written = section(ctx.map.written, PAPERS_DATABASE.name);
  const before = written[id];
  if (before?.properties !== content.hashes.properties)
    await ctx.writer.updateProperties(pageId, content.properties);
  if (before?.body !== content.hashes.body) await ctx.writer.replaceBody(pageId, content.blocks);
  written[id] = content.hashes;
}

async function createPage(item: PublishItem, content: Content, ctx: UpsertContext): Promise<string> {
  const db = PAPERS_DATABASE.name;
  const id = item.paper.id;
  const pending = section(ctx.map.pending, db);
  pending[id] = ctx.now().toISOString();
  await ctx.save();
  const added = { [PAPER_PROPS.added]: { date: { start: ctx.now().toISOString().slice(0, 10) } } };
  const created = await ctx.writer.create(id, { ...content.properties, ...added }, content.blocks);
  section(ctx.map.pages, db)[id] = created.pageId;
  // After an ambiguous failure the intent stays until the duplicate check has run.
  if (created.ambiguous) ctx.toVerify.add(id);
  else delete pending[id];
  if (created.rest.length > 0) {
    await ctx.save();
    await ctx.writer.appendBlocks(created.pageId, created.rest);
  }
  section(ctx.map.written, db)[id] = content.hashes;
  return created.pageId;
}

/** A create retried after a lost answer may have landed twice: keep the recorded page, trash the other. */
async function verifyAmbiguousCreates(
  ctx: UpsertContext,
  onError: (id: string, error: string) => void,
): Promise<void> {
  const db = PAPERS_DATABASE.name;
  for (const id of ctx.toVerify) {
    try {
      await settlePages(id, ctx.map.pages[db]?.[id], ctx.writer);
      delete section(ctx.map.pending, db)[id];
      await ctx.save();
    } catch (error) {
      // The intent stays: the next run that publishes this paper checks again.
      onError(id, errorMessage(error));
    }
  }
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
      await writer.updateProperties(pageId, {
        [PAPER_PROPS.related]: content.properties[PAPER_PROPS.related] ?? { relation: [] },
      });
      section(map.written, db)[id] = { ...before, properties: content.hashes.properties };
      await save();
    } catch (error) {
      onError(id, errorMessage(error));
    }
  }
}
