/** The Notion endpoints the radar uses, registered on a base fake server. */
import { z } from 'zod';
import type { FakeServer } from '../fake-server.ts';
import { renderBlock, toDrafts } from './blocks.ts';
import { createEndpointAdder, parseBody } from './endpoint.ts';
import type { Guards } from './guards.ts';
import { isRecord } from './properties.ts';
import { matchesFilter, sortPages, validateQuery } from './query.ts';
import type { DatabaseParent } from './records.ts';
import type { Renderer } from './render.ts';
import { registerWorkspaceRoutes } from './routes-workspace.ts';
import { findProperty } from './schema-update.ts';
import type { NotionStore } from './store.ts';
import {
  errorResponse,
  listResponse,
  NotionApiError,
  normalizeId,
  paginate,
  type TimePrecision,
  truncateTime,
  validationError,
} from './wire.ts';

type Params = Record<string, string>;

const record = z.record(z.string(), z.unknown());
const parentSchema = z.union([
  z.looseObject({ type: z.literal('page_id').optional(), page_id: z.string() }),
  z.looseObject({ type: z.literal('workspace'), workspace: z.literal(true) }),
]);
const createDatabaseBody = z.looseObject({
  parent: parentSchema,
  title: z.array(z.unknown()).optional(),
  description: z.array(z.unknown()).optional(),
  is_inline: z.boolean().optional(),
  initial_data_source: z.looseObject({ properties: record.optional() }).optional(),
  icon: z.unknown().optional(),
  cover: z.unknown().optional(),
});
const trashFields = { in_trash: z.boolean().optional(), archived: z.boolean().optional() };
const updateDataSourceBody = z.looseObject({
  title: z.array(z.unknown()).optional(),
  properties: record.optional(),
  ...trashFields,
});
const createDataSourceBody = z.looseObject({
  parent: z.looseObject({ database_id: z.string() }),
  properties: record,
  title: z.array(z.unknown()).optional(),
});
const listBody = {
  start_cursor: z.string().nullish(),
  page_size: z.number().int().optional(),
};
const queryBody = z.looseObject({
  filter: z.unknown().optional(),
  sorts: z.array(z.unknown()).optional(),
  ...listBody,
  ...trashFields,
});
const createPageBody = z.looseObject({
  parent: record,
  properties: record.optional(),
  children: z.array(z.unknown()).optional(),
  icon: z.unknown().optional(),
  cover: z.unknown().optional(),
});
const updatePageBody = z.looseObject({
  properties: record.optional(),
  icon: z.unknown().optional(),
  cover: z.unknown().optional(),
  is_locked: z.boolean().optional(),
  ...trashFields,
});
const appendBody = z.looseObject({ children: z.array(z.unknown()) });

const trashFlag = (body: { in_trash?: boolean | undefined; archived?: boolean | undefined }) =>
  body.in_trash ?? body.archived;

export function registerNotionRoutes(
  server: FakeServer,
  deps: {
    store: NotionStore;
    render: Renderer;
    guards: Guards;
    precision: TimePrecision;
  },
): void {
  const { store, render, guards, precision } = deps;
  const id = (params: Params, name: string) => normalizeId(params.id ?? '', name);

  const add = createEndpointAdder(server, guards);

  add('POST', '/v1/databases', (req) => {
    const body = parseBody(createDatabaseBody, req);
    const pageId = body.parent.page_id;
    const parent: DatabaseParent =
      typeof pageId === 'string'
        ? { type: 'page_id', page_id: normalizeId(pageId, 'parent.page_id') }
        : { type: 'workspace', workspace: true };
    const created = store.createDatabase({
      parent,
      title: body.title,
      description: body.description,
      isInline: body.is_inline,
      properties: body.initial_data_source?.properties,
      icon: body.icon,
      cover: body.cover,
    });
    return render.database(created);
  });
  add('GET', '/v1/databases/:id', (_req, params) =>
    render.database(store.database(id(params, 'database_id'))),
  );

  add('POST', '/v1/data_sources', (req) => {
    const body = parseBody(createDataSourceBody, req);
    const databaseId = normalizeId(body.parent.database_id, 'parent.database_id');
    return render.dataSource(store.createDataSource(databaseId, body.properties, body.title));
  });
  add('GET', '/v1/data_sources/:id', (_req, params) =>
    render.dataSource(store.dataSource(id(params, 'data_source_id'))),
  );
  add('PATCH', '/v1/data_sources/:id', (req, params) => {
    const body = parseBody(updateDataSourceBody, req);
    const changes = { title: body.title, properties: body.properties, inTrash: trashFlag(body) };
    return render.dataSource(store.updateDataSource(id(params, 'data_source_id'), changes));
  });
  add('POST', '/v1/data_sources/:id/query', (req, params) => {
    const body = parseBody(queryBody, req);
    const source = store.dataSource(id(params, 'data_source_id'));
    const find = (name: string) => findProperty(source.properties, name);
    validateQuery(body.filter, body.sorts, find);
    const inTrash = trashFlag(body) ?? false;
    const candidates = [...store.pages.values()]
      .filter((p) => p.parent.type === 'data_source_id' && p.parent.data_source_id === source.id)
      .filter((p) => p.inTrash === inTrash)
      .map((p) => ({
        id: p.id,
        record: p,
        values: p.values,
        createdTime: truncateTime(p.createdTime, precision),
        lastEditedTime: truncateTime(p.lastEditedTime, precision),
      }));
    const matching = sortPages(
      candidates.filter((p) => matchesFilter(body.filter, p, find)),
      body.sorts,
      find,
    );
    const page = paginate(matching, {
      startCursor: body.start_cursor,
      pageSize: body.page_size,
      where: 'body',
    });
    return listResponse('page_or_data_source', {
      results: page.results.map((p) => render.page(p.record)),
      nextCursor: page.nextCursor,
    });
  });

  add('POST', '/v1/pages', (req) => {
    const body = parseBody(createPageBody, req);
    const drafts = body.children ? toDrafts(body.children, 'body.children') : [];
    const created = store.createPage({ parent: body.parent, properties: body.properties });
    if (body.icon !== undefined) created.icon = body.icon;
    if (body.cover !== undefined) created.cover = body.cover;
    if (drafts.length > 0) store.appendChildren(created.id, drafts);
    return render.page(created);
  });
  add('GET', '/v1/pages/:id', (_req, params) => render.page(store.page(id(params, 'page_id'))));
  add('PATCH', '/v1/pages/:id', (req, params) => {
    const body = parseBody(updatePageBody, req);
    const changes = {
      properties: body.properties,
      inTrash: trashFlag(body),
      isLocked: body.is_locked,
      icon: body.icon,
      cover: body.cover,
    };
    return render.page(store.updatePage(id(params, 'page_id'), changes));
  });

  const block = (blockId: string) =>
    renderBlock(store.block(blockId), store.hasChildren(blockId), render.time);
  add('GET', '/v1/blocks/:id', (_req, params) => block(id(params, 'block_id')));
  add('DELETE', '/v1/blocks/:id', (_req, params) => {
    const trashed = store.trashBlock(id(params, 'block_id'));
    return block(trashed.id);
  });
  add('GET', '/v1/blocks/:id/children', (req, params) => {
    const size = req.query.get('page_size');
    const page = paginate(store.children(id(params, 'block_id')), {
      startCursor: req.query.get('start_cursor'),
      pageSize: size === null ? undefined : Number(size),
      where: 'query',
    });
    return listResponse('block', {
      results: page.results.map((b) => block(b.id)),
      nextCursor: page.nextCursor,
    });
  });
  add('PATCH', '/v1/blocks/:id', (req, params) => {
    const existing = store.block(id(params, 'block_id'));
    const body = isRecord(req.json) ? req.json : {};
    if (!(existing.type in body)) {
      throw validationError(`body failed validation: body.${existing.type} should be defined.`);
    }
    const [draft] = toDrafts([{ type: existing.type, [existing.type]: body[existing.type] }], 'body');
    return block(store.updateBlock(existing.id, draft?.payload ?? {}).id);
  });
  add('PATCH', '/v1/blocks/:id/children', (req, params) => {
    const body = parseBody(appendBody, req);
    const drafts = toDrafts(body.children, 'body.children');
    const added = store.appendChildren(id(params, 'block_id'), drafts);
    return listResponse('block', { results: added.map((b) => block(b.id)), nextCursor: null });
  });

  registerWorkspaceRoutes(add, { store, render });

  server.route(
    '*',
    '/*',
    (req) =>
      guards.check(req) ??
      errorResponse(new NotionApiError(400, 'invalid_request_url', 'Invalid request URL.')),
  );
}
