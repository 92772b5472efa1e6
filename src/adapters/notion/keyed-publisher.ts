/**
 * Pages keyed by an id of ours to one Notion database (benchmarks, leaderboard changes, model
 * rankings), one page per key, with the Papers publisher's rules: the page id from notion.json, a "pending" intent before a create
 * (after a crash the page is found by key, never created twice), an unchanged page costs nothing
 * (hash of the properties last written), one failure never stops the others.
 */
import { createHash } from 'node:crypto';
import { errorMessage } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import { type NotionMapStore, section } from '../../store/notion-map-store.ts';
import type { NotionApi } from './notion-client.ts';
import type { PropertyValues } from './page-content.ts';
import { createPageWriter } from './page-writer.ts';
import type { DatabaseSpec } from './schema.ts';

export interface KeyedPage {
  key: string;
  properties: PropertyValues;
}

export interface KeyedPublishResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ key: string; error: string }>;
}

const hashOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export function createKeyedPublisher(
  deps: { api: NotionApi; mapStore: NotionMapStore; logger: Logger; now?: () => Date },
  options: { dataSourceId: string; database: DatabaseSpec; keyProperty: string },
) {
  const db = options.database.name;
  const now = deps.now ?? (() => new Date());
  const writer = createPageWriter(deps.api, {
    dataSourceId: options.dataSourceId,
    keyProperty: options.keyProperty,
  });
  const log = deps.logger.child({ module: 'notion-keyed', database: db });

  return {
    async publish(items: readonly KeyedPage[]): Promise<KeyedPublishResult> {
      const map = await deps.mapStore.load();
      const [pages, pending, written, failed] = [
        section(map.pages, db),
        section(map.pending, db),
        section(map.written, db),
        section(map.failed, db),
      ];
      const result: KeyedPublishResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
      for (const { key, properties } of items) {
        const hash = hashOf(properties);
        if (pages[key] !== undefined && written[key]?.properties === hash) {
          result.unchanged += 1;
          continue;
        }
        try {
          let pageId = pages[key];
          if (pageId === undefined && pending[key] !== undefined) pageId = await writer.findByKey(key);
          if (pageId !== undefined) {
            pages[key] = pageId;
            delete pending[key];
            await writer.updateProperties(pageId, properties);
            result.updated += 1;
          } else {
            pending[key] = now().toISOString();
            await deps.mapStore.save(map);
            pages[key] = (await writer.create(key, properties, [])).pageId;
            delete pending[key];
            result.created += 1;
          }
          written[key] = { properties: hash, body: '' };
          delete failed[key];
        } catch (error) {
          const reason = errorMessage(error);
          log.warn({ key, error: reason }, 'notion publish failed for one page');
          failed[key] = reason;
          result.failed.push({ key, error: reason });
        }
        await deps.mapStore.save(map);
      }
      return result;
    },
  };
}
