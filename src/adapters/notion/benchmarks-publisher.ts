/**
 * Merged benchmarks to the Notion Benchmarks database, one page per benchmark keyed by its id,
 * with the Papers publisher's rules: the page id comes from notion.json, a create is preceded by a
 * "pending" intent (after a crash the page is looked up by key instead of created twice), an
 * unchanged page costs nothing (hash of the properties last written), one failure never stops
 * the others and is retried on the next run. Rate limits and Retry-After are the NotionApi's.
 */
import { createHash } from 'node:crypto';
import type { MergedBenchmark } from '../../benchmarks/schemas.ts';
import { errorMessage } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import { type NotionMapStore, section } from '../../store/notion-map-store.ts';
import { BENCHMARK_PROPS, BENCHMARKS_DATABASE, benchmarkProperties } from './benchmarks-schema.ts';
import type { NotionApi } from './notion-client.ts';
import { createPageWriter } from './page-writer.ts';

export interface BenchmarksPublishResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ id: string; error: string }>;
}

const hashOf = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

export function createBenchmarksPublisher(
  deps: { api: NotionApi; mapStore: NotionMapStore; logger: Logger; now?: () => Date },
  options: { dataSourceId: string },
) {
  const db = BENCHMARKS_DATABASE.name;
  const now = deps.now ?? (() => new Date());
  const writer = createPageWriter(deps.api, {
    dataSourceId: options.dataSourceId,
    keyProperty: BENCHMARK_PROPS.benchmarkId,
  });
  const log = deps.logger.child({ module: 'notion-benchmarks' });

  return {
    async publish(benchmarks: readonly MergedBenchmark[]): Promise<BenchmarksPublishResult> {
      const map = await deps.mapStore.load();
      const [pages, pending, written, failed] = [
        section(map.pages, db),
        section(map.pending, db),
        section(map.written, db),
        section(map.failed, db),
      ];
      const result: BenchmarksPublishResult = { created: 0, updated: 0, unchanged: 0, failed: [] };
      for (const b of benchmarks) {
        const properties = benchmarkProperties(b);
        const hash = hashOf(properties);
        try {
          let pageId = pages[b.id];
          if (pageId === undefined && pending[b.id] !== undefined) pageId = await writer.findByKey(b.id);
          if (pageId !== undefined) {
            pages[b.id] = pageId;
            delete pending[b.id];
            if (written[b.id]?.properties === hash) result.unchanged += 1;
            else {
              await writer.updateProperties(pageId, properties);
              result.updated += 1;
            }
          } else {
            pending[b.id] = now().toISOString();
            await deps.mapStore.save(map);
            pages[b.id] = (await writer.create(b.id, properties, [])).pageId;
            delete pending[b.id];
            result.created += 1;
          }
          written[b.id] = { properties: hash, body: '' };
          delete failed[b.id];
        } catch (error) {
          const reason = errorMessage(error);
          log.warn({ id: b.id, error: reason }, 'notion publish failed for one benchmark');
          failed[b.id] = reason;
          result.failed.push({ id: b.id, error: reason });
        }
        await deps.mapStore.save(map);
      }
      return result;
    },
  };
}
