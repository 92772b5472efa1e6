/**
 * Merged benchmarks to the Notion Benchmarks database, one page per benchmark keyed by its id,
 * through the keyed publisher (pending intents before a create, unchanged pages cost nothing, one
 * failure never stops the others and is retried on the next run). Rate limits and Retry-After are
 * the NotionApi's.
 */
import type { MergedBenchmark } from '../../benchmarks/schemas.ts';
import type { Logger } from '../../log/logger.ts';
import type { NotionMapStore } from '../../store/notion-map-store.ts';
import { BENCHMARK_PROPS, BENCHMARKS_DATABASE, benchmarkProperties } from './benchmarks-schema.ts';
import { createKeyedPublisher } from './keyed-publisher.ts';
import type { NotionApi } from './notion-client.ts';

export interface BenchmarksPublishResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ id: string; error: string }>;
}

export function createBenchmarksPublisher(
  deps: { api: NotionApi; mapStore: NotionMapStore; logger: Logger; now?: () => Date },
  options: { dataSourceId: string },
) {
  const keyed = createKeyedPublisher(deps, {
    dataSourceId: options.dataSourceId,
    database: BENCHMARKS_DATABASE,
    keyProperty: BENCHMARK_PROPS.benchmarkId,
  });
  return {
    async publish(benchmarks: readonly MergedBenchmark[]): Promise<BenchmarksPublishResult> {
      const result = await keyed.publish(
        benchmarks.map((b) => ({ key: b.id, properties: benchmarkProperties(b) })),
      );
      return { ...result, failed: result.failed.map(({ key, error }) => ({ id: key, error })) };
    },
  };
}
