/** The fake's in-memory workspace: databases, their data sources, pages and block children. */
import type { BlockDraft, BlockParent, BlockRecord } from './blocks.ts';
import { isRecord, type PropertySchema, toStoredValue } from './properties.ts';
import {
  BOT_USER_ID,
  type DatabaseParent,
  type DatabaseRecord,
  type DataSourceRecord,
  type PageChanges,
  type PageParent,
  type PageRecord,
  PERSON_USER_ID,
} from './records.ts';
import { textItems, toRichText } from './rich-text.ts';
import { applySchemaChange, findProperty, initialSchema } from './schema-update.ts';
import { newId, notFound, validationError } from './wire.ts';

/** Pages whose parent is a page have one property, the title, named `title`. */
const PAGE_TITLE: PropertySchema = {
  id: 'title',
  name: 'title',
  type: 'title',
  description: null,
  config: {},
};

export type NotionStore = ReturnType<typeof createNotionStore>;

export function createNotionStore(now: () => number) {
  const databases = new Map<string, DatabaseRecord>();
  const dataSources = new Map<string, DataSourceRecord>();
  const pages = new Map<string, PageRecord>();
  const blocks = new Map<string, BlockRecord>();
  const children = new Map<string, string[]>();

  const get = <T>(map: Map<string, T>, kind: string, id: string): T => {
    const found = map.get(id);
    if (!found) throw notFound(kind, id);
    return found;
  };
  const dataSource = (id: string) => get(dataSources, 'data_source', id);
  const page = (id: string) => get(pages, 'page', id);

  const schemaOf = (record: PageRecord): PropertySchema[] =>
    record.parent.type === 'data_source_id'
      ? dataSource(record.parent.data_source_id).properties
      : [PAGE_TITLE];

  function writeProperties(record: PageRecord, properties: Record<string, unknown>): void {
    const schema = schemaOf(record);
    for (const [key, raw] of Object.entries(properties)) {
      const property = findProperty(schema, key);
      if (!property) throw validationError(`${key} is not a property that exists.`);
      record.values.set(property.id, toStoredValue(property, raw, `body.properties.${key}`));
    }
  }

  function createDataSource(databaseId: string, properties: unknown, title: unknown): DataSourceRecord {
    const time = now();
    const record: DataSourceRecord = {
      id: newId(),
      databaseId,
      title: title === undefined ? [] : toRichText(title, 'body.title'),
      properties: initialSchema(properties),
      createdTime: time,
      lastEditedTime: time,
      inTrash: false,
      icon: null,
    };
    dataSources.set(record.id, record);
    get(databases, 'database', databaseId).dataSourceIds.push(record.id);
    return record;
  }

  function resolvePageParent(parent: Record<string, unknown>): PageParent {
    if (typeof parent.data_source_id === 'string') {
      const source = dataSource(parent.data_source_id);
      return { type: 'data_source_id', data_source_id: source.id, database_id: source.databaseId };
    }
    if (typeof parent.database_id === 'string') {
      const database = get(databases, 'database', parent.database_id);
      const [only, ...others] = database.dataSourceIds;
      if (only === undefined || others.length > 0) {
        throw validationError(
          `Database ${database.id} has ${database.dataSourceIds.length} data sources; use a data_source_id parent.`,
        );
      }
      return { type: 'data_source_id', data_source_id: only, database_id: database.id };
    }
    if (typeof parent.page_id === 'string') return { type: 'page_id', page_id: page(parent.page_id).id };
    if (parent.workspace === true) return { type: 'workspace', workspace: true };
    throw validationError(
      'body failed validation: body.parent should be a page, database or data source parent.',
    );
  }

  function appendChildren(parentId: string, drafts: BlockDraft[], editor = BOT_USER_ID): BlockRecord[] {
    const parent: BlockParent = pages.has(parentId)
      ? { type: 'page_id', page_id: parentId }
      : { type: 'block_id', block_id: get(blocks, 'block', parentId).id };
    const list = children.get(parentId) ?? [];
    children.set(parentId, list);
    return drafts.map((draft) => {
      const time = now();
      const block: BlockRecord = {
        id: newId(),
        parent,
        type: draft.type,
        payload: draft.payload,
        createdTime: time,
        lastEditedTime: time,
        createdBy: editor,
        inTrash: false,
      };
      blocks.set(block.id, block);
      list.push(block.id);
      if (draft.children.length > 0) appendChildren(block.id, draft.children, editor);
      return block;
    });
  }

  return {
    databases,
    dataSources,
    pages,
    dataSource,
    page,
    schemaOf,
    database: (id: string) => get(databases, 'database', id),
    block: (id: string) => get(blocks, 'block', id),

    createDatabase(input: {
      parent: DatabaseParent;
      title?: unknown;
      description?: unknown;
      isInline?: boolean | undefined;
      properties?: unknown;
      icon?: unknown;
      cover?: unknown;
    }): DatabaseRecord {
      if (input.parent.type === 'page_id') page(input.parent.page_id);
      const time = now();
      const record: DatabaseRecord = {
        id: newId(),
        parent: input.parent,
        title: input.title === undefined ? [] : toRichText(input.title, 'body.title'),
        description: input.description === undefined ? [] : toRichText(input.description, 'body.description'),
        isInline: input.isInline ?? false,
        createdTime: time,
        lastEditedTime: time,
        dataSourceIds: [],
        inTrash: false,
        icon: input.icon ?? null,
        cover: input.cover ?? null,
      };
      databases.set(record.id, record);
      createDataSource(record.id, input.properties, input.title);
      return record;
    },

    createDataSource,

    updateDataSource(
      id: string,
      changes: { title?: unknown; properties?: unknown; inTrash?: boolean | undefined },
    ) {
      const record = dataSource(id);
      if (changes.title !== undefined) record.title = toRichText(changes.title, 'body.title');
      if (changes.inTrash !== undefined) record.inTrash = changes.inTrash;
      if (isRecord(changes.properties)) {
        const dropped = applySchemaChange(record.properties, changes.properties);
        for (const p of pages.values()) {
          if (p.parent.type === 'data_source_id' && p.parent.data_source_id === id) {
            for (const propertyId of dropped) p.values.delete(propertyId);
          }
        }
      }
      record.lastEditedTime = now();
      return record;
    },

    createPage(input: { parent: Record<string, unknown>; properties?: Record<string, unknown> | undefined }) {
      const time = now();
      const record: PageRecord = {
        id: newId(),
        parent: resolvePageParent(input.parent),
        values: new Map(),
        createdTime: time,
        lastEditedTime: time,
        createdBy: BOT_USER_ID,
        lastEditedBy: BOT_USER_ID,
        inTrash: false,
        isLocked: false,
        icon: null,
        cover: null,
      };
      writeProperties(record, input.properties ?? {});
      pages.set(record.id, record);
      return record;
    },

    /** Seeds a page directly, e.g. the shared root page the integration can create databases under. */
    addWorkspacePage(title: string): PageRecord {
      const time = now();
      const record: PageRecord = {
        id: newId(),
        parent: { type: 'workspace', workspace: true },
        values: new Map([['title', textItems(title)]]),
        createdTime: time,
        lastEditedTime: time,
        createdBy: PERSON_USER_ID,
        lastEditedBy: PERSON_USER_ID,
        inTrash: false,
        isLocked: false,
        icon: null,
        cover: null,
      };
      pages.set(record.id, record);
      return record;
    },

    /** `editor` and `at` let tests play the user editing the page in Notion. */
    updatePage(id: string, changes: PageChanges, editor = BOT_USER_ID, at = now()): PageRecord {
      const record = page(id);
      if (record.inTrash && changes.inTrash !== false && changes.properties) {
        throw validationError(
          "Can't edit block that is archived. You must unarchive the block before editing.",
        );
      }
      if (changes.properties) writeProperties(record, changes.properties);
      if (changes.inTrash !== undefined) record.inTrash = changes.inTrash;
      if (changes.isLocked !== undefined) record.isLocked = changes.isLocked;
      if (changes.icon !== undefined) record.icon = changes.icon;
      if (changes.cover !== undefined) record.cover = changes.cover;
      record.lastEditedTime = at;
      record.lastEditedBy = editor;
      return record;
    },

    appendChildren(parentId: string, drafts: BlockDraft[]): BlockRecord[] {
      const added = appendChildren(parentId, drafts);
      const owner = pages.get(parentId);
      if (owner) owner.lastEditedTime = now();
      return added;
    },

    children(parentId: string): BlockRecord[] {
      if (!pages.has(parentId)) get(blocks, 'block', parentId);
      const ids = children.get(parentId) ?? [];
      return ids.flatMap((id) => {
        const block = blocks.get(id);
        return block && !block.inTrash ? [block] : [];
      });
    },

    hasChildren: (id: string) =>
      (children.get(id) ?? []).some((childId) => blocks.get(childId)?.inTrash === false),

    /** Replaces a block's content (its type stays); an archived block cannot be edited. */
    updateBlock(id: string, payload: Record<string, unknown>): BlockRecord {
      const block = get(blocks, 'block', id);
      if (block.inTrash) {
        throw validationError(
          "Can't edit block that is archived. You must unarchive the block before editing.",
        );
      }
      block.payload = payload;
      block.lastEditedTime = now();
      return block;
    },

    trashBlock(id: string): BlockRecord {
      const block = get(blocks, 'block', id);
      // Notion refuses to delete a block twice (a retried delete whose first answer was lost).
      if (block.inTrash) {
        throw validationError(
          "Can't edit block that is archived. You must unarchive the block before editing.",
        );
      }
      block.inTrash = true;
      block.lastEditedTime = now();
      return block;
    },
  };
}
