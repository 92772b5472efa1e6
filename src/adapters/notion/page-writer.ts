/**
 * Page-level Notion writes for one data source: find a page by its key property, create (safe to
 * retry: after a failure that may have been applied it looks before creating again), update
 * properties, append blocks in chunks of ≤ 100, and replace the radar's own blocks of a body.
 */
import type { BlockObjectRequest, CreatePageParameters, UpdatePageParameters } from '@notionhq/client';
import { blockContentSignature, chunkLanded } from './landed-blocks.ts';
import { mayHaveApplied, type NotionApi, NotionError } from './notion-client.ts';
import type { Block, PropertyValues } from './page-content.ts';

export const MAX_BLOCKS_PER_REQUEST = 100;

interface OwnBlock {
  id: string;
  type: string;
  hasChildren: boolean;
  signature: string;
}

/** Same type, and neither side nests blocks: Notion can replace the content with one update. */
function canUpdateInPlace(old: OwnBlock, want: BlockObjectRequest): boolean {
  if (want.type !== old.type || old.hasChildren) return false;
  const content: unknown = Reflect.get(want, old.type);
  return typeof content === 'object' && content !== null && !('children' in content);
}

const isArchivedError = (error: NotionError): boolean =>
  error.status === 400 && /archived|in trash/i.test(error.message);

export interface PageWriter {
  /** The oldest page whose `keyProperty` equals `key`, or undefined. */
  findByKey(key: string): Promise<string | undefined>;
  /** Every page whose `keyProperty` equals `key`, oldest first (at most 100). */
  findAllByKey(key: string): Promise<string[]>;
  /** Moves a page to the trash. */
  trash(pageId: string): Promise<void>;
  /** Creates a page with up to the first 100 blocks; returns its id and the blocks not yet written. */
  create(
    key: string,
    properties: PropertyValues,
    blocks: readonly Block[],
  ): Promise<{ pageId: string; rest: Block[]; ambiguous: boolean }>;
  updateProperties(pageId: string, properties: PropertyValues): Promise<void>;
  appendBlocks(pageId: string, blocks: readonly Block[]): Promise<void>;
  /** Deletes the blocks this integration wrote (a user's own blocks stay) and appends `blocks`. */
  replaceBody(pageId: string, blocks: readonly Block[]): Promise<void>;
}

export interface PageWriterOptions {
  dataSourceId: string;
  /** A rich-text property holding the local key (e.g. "arXiv ID"). */
  keyProperty: string;
}

function blocksFor(blocks: readonly Block[]): BlockObjectRequest[] {
  return [...blocks];
}

export function createPageWriter(api: NotionApi, options: PageWriterOptions): PageWriter {
  const { dataSourceId, keyProperty } = options;
  let botId: string | undefined;

  const findAllByKey = async (key: string): Promise<string[]> => {
    const found = await api.call('dataSources.query', (client) =>
      client.dataSources.query({
        data_source_id: dataSourceId,
        filter: { property: keyProperty, rich_text: { equals: key } },
        sorts: [{ timestamp: 'created_time', direction: 'ascending' }],
        page_size: 100,
      }),
    );
    return found.results.map((r) => r.id);
  };

  const appendBlocks = async (pageId: string, blocks: readonly Block[]): Promise<void> => {
    for (let i = 0; i < blocks.length; i += MAX_BLOCKS_PER_REQUEST) {
      const children = blocksFor(blocks.slice(i, i + MAX_BLOCKS_PER_REQUEST));
      let ambiguous = false;
      await api.call('blocks.children.append', async (client) => {
        // An append that failed without a definite answer may have landed: appending again
        // would write the chunk twice.
        if (ambiguous && (await chunkLanded(client, pageId, children))) return;
        try {
          await client.blocks.children.append({ block_id: pageId, children });
        } catch (error) {
          ambiguous ||= mayHaveApplied(error);
          throw error;
        }
      });
    }
  };

  const updateBlock = async (blockId: string, block: BlockObjectRequest): Promise<void> => {
    const type = block.type;
    if (type === undefined) return;
    const content: unknown = Reflect.get(block, type);
    await api.call('blocks.update', (client) =>
      client.request({ path: `blocks/${blockId}`, method: 'patch', body: { [type]: content } }),
    );
  };

  const deleteBlock = async (blockId: string): Promise<void> => {
    try {
      await api.call('blocks.delete', (client) => client.blocks.delete({ block_id: blockId }));
    } catch (error) {
      // Already archived or gone (a retried delete whose first answer was lost): the delete is done.
      if (error instanceof NotionError && (error.status === 404 || isArchivedError(error))) return;
      throw error;
    }
  };

  const ownBlocks = async (pageId: string): Promise<OwnBlock[]> => {
    botId ??= (await api.call('users.me', (client) => client.users.me({}))).id;
    const ids: OwnBlock[] = [];
    let cursor: string | undefined;
    do {
      const start = cursor;
      const page = await api.call('blocks.children.list', (client) =>
        client.blocks.children.list({
          block_id: pageId,
          page_size: 100,
          ...(start ? { start_cursor: start } : {}),
        }),
      );
      for (const b of page.results) {
        if (!('created_by' in b) || b.created_by.id !== botId) continue;
        ids.push({
          id: b.id,
          type: b.type,
          hasChildren: b.has_children,
          signature: blockContentSignature(b),
        });
      }
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return ids;
  };

  return {
    findAllByKey,
    findByKey: async (key) => (await findAllByKey(key))[0],
    async trash(pageId) {
      await api.call('pages.trash', (client) => client.pages.update({ page_id: pageId, in_trash: true }));
    },
    appendBlocks,
    async create(key, properties, blocks) {
      let ambiguous = false;
      const params: CreatePageParameters = {
        parent: { type: 'data_source_id', data_source_id: dataSourceId },
        properties,
        children: blocksFor(blocks.slice(0, MAX_BLOCKS_PER_REQUEST)),
      };
      const pageId = await api.call('pages.create', async (client) => {
        // A create that timed out may exist: creating again would make a duplicate.
        if (ambiguous) {
          const [existing] = await findAllByKey(key);
          if (existing) return existing;
        }
        try {
          return (await client.pages.create(params)).id;
        } catch (error) {
          ambiguous ||= mayHaveApplied(error);
          throw error;
        }
      });
      return { pageId, rest: blocks.slice(MAX_BLOCKS_PER_REQUEST), ambiguous };
    },
    async updateProperties(pageId, properties) {
      const params: UpdatePageParameters = {
        page_id: pageId,
        properties,
      };
      await api.call('pages.update', (client) => client.pages.update(params));
    },
    async replaceBody(pageId, blocks) {
      const own = await ownBlocks(pageId);
      const next = blocksFor(blocks);
      // Keep what matches, update in place what only changed its content, and only delete and
      // append from the first block whose type (or nesting) differs.
      let i = 0;
      for (; i < Math.min(own.length, next.length); i++) {
        const old = own[i];
        const want = next[i];
        if (!old || !want) break;
        if (old.signature === blockContentSignature(want)) continue;
        if (!canUpdateInPlace(old, want)) break;
        await updateBlock(old.id, want);
      }
      for (const old of own.slice(i)) await deleteBlock(old.id);
      await appendBlocks(pageId, blocks.slice(i));
    },
  };
}
