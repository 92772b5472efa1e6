/**
 * The benchmark job's composition root, shared by `radar benchmarks collect` and the daemon:
 * builds the collectors, runs `collectBenchmarks`, publishes to Notion when a token is set and
 * records the run manifest. The caller holds the state lock and supplies the alert function.
 */
import { createGitHubReposSource } from '../adapters/github/github-repos-source.ts';
import { createHfDatasetsSource } from '../adapters/huggingface/hf-datasets-source.ts';
import { createBenchmarksPublisher } from '../adapters/notion/benchmarks-publisher.ts';
import { BENCHMARKS_DATABASE } from '../adapters/notion/benchmarks-schema.ts';
import { ensureDatabase } from '../adapters/notion/init-migrate.ts';
import { notionApiFromConfig } from '../adapters/notion/notion-setup.ts';
import type { RadarEnv } from '../config/env.ts';
import type { RadarConfig } from '../config/schema.ts';
import { errorMessage } from '../core/errors.ts';
import { createHashingEmbedder } from '../embed/backends/hashing.ts';
import { createHttpClient } from '../http/http-client.ts';
import { createLedger } from '../llm/ledger.ts';
import { createLlmClient, type LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import { newRunId, type RunManifest } from '../store/runs-store.ts';
import type { Stores } from '../store/stores.ts';
import { createArxivBenchmarkSource, type VerdictRecord } from './arxiv-benchmark-source.ts';
import type { BenchmarkSource } from './benchmark-source.ts';
import { type AlertFn, type CollectBenchmarksResult, collectBenchmarks } from './collect-benchmarks.ts';
import { benchmarkRunSteps } from './run-steps.ts';
import type { MergedBenchmark } from './schemas.ts';
import { shownBenchmarks } from './select.ts';

export interface BenchmarksJobDeps {
  config: RadarConfig;
  env: RadarEnv;
  /** The stores the job reads and writes. */
  stores: Pick<Stores, 'papers' | 'benchmarks' | 'notionMap' | 'ledger' | 'runs'>;
  logger: Logger;
  alert: AlertFn;
  now?: () => Date;
  signal?: AbortSignal;
}

export interface BenchmarksJobRun {
  runId: string;
  status: RunManifest['status'];
  result: CollectBenchmarksResult;
  /** One line about the Notion publish, when a token is set. */
  notion: string | undefined;
}

function buildSources(deps: BenchmarksJobDeps, llm: LlmClient, now: Date): BenchmarkSource[] {
  const { config, logger } = deps;
  const { huggingface: hf, github: gh } = config.sources;
  // A gentle pace for the Hub (cards are one request each); GitHub's search limit is the source's own.
  const http = createHttpClient({
    logger: logger.child({ module: 'http' }),
    hostLimits: { [new URL(hf.endpoint).host]: { ratePerSecond: 5, burst: 5 } },
  });
  const since = new Date(now.getTime() - config.benchmarks.lookbackDays * 86_400_000);
  const maxPages = config.benchmarks.maxPagesPerQuery;
  return [
    createHfDatasetsSource(
      { http, logger },
      {
        endpoint: hf.endpoint,
        token: deps.env.secrets.HF_TOKEN,
        keywords: hf.keywords,
        tags: hf.tags,
        taskCategories: hf.taskCategories,
        minDownloads: hf.minDownloads,
        since,
        maxPages,
      },
    ),
    createGitHubReposSource(
      { http, logger },
      {
        apiUrl: gh.apiUrl,
        token: deps.env.secrets.GITHUB_TOKEN,
        keywords: gh.keywords,
        topics: gh.topics,
        minStars: gh.minStars,
        since,
        maxPages,
        maxWaitMs: config.benchmarks.maxRateLimitWaitSeconds * 1000,
        searchPerMinute: deps.env.secrets.GITHUB_TOKEN ? 30 : 10,
      },
    ),
    createArxivBenchmarkSource(
      { papers: deps.stores.papers, llm, logger, verdicts: verdictCache(deps.stores.benchmarks) },
      { since },
    ),
  ];
}

function verdictCache(store: Stores['benchmarks']) {
  return {
    read: () => store.readVerdicts(),
    write: (rows: readonly VerdictRecord[]) => store.writeVerdicts(rows),
  };
}

async function publishToNotion(
  deps: BenchmarksJobDeps,
  merged: readonly MergedBenchmark[],
): Promise<string | undefined> {
  const { config } = deps;
  const api = notionApiFromConfig(config, deps.env.secrets.NOTION_TOKEN, deps.logger);
  if (!api) return undefined;
  const mapStore = deps.stores.notionMap;
  try {
    const { dataSourceId } = await ensureDatabase({ api, mapStore }, BENCHMARKS_DATABASE, {
      parentPageId: config.notion.parentPageId,
      databaseId: config.notion.benchmarksDatabaseId,
    });
    const result = await createBenchmarksPublisher(
      { api, mapStore, logger: deps.logger },
      { dataSourceId },
    ).publish(merged);
    return `notion: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.failed.length} failed`;
  } catch (error) {
    return `notion: not published (${errorMessage(error)})`;
  }
}

export async function runBenchmarksJob(deps: BenchmarksJobDeps): Promise<BenchmarksJobRun> {
  const { config } = deps;
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const runId = newRunId(startedAt, 'benchmarks');
  const ledger = createLedger({ store: deps.stores.ledger }, { timezone: config.schedule.timezone });
  const llm = createLlmClient({ config, env: deps.env, ledger, logger: deps.logger }, { runId });
  const result = await collectBenchmarks(
    {
      sources: buildSources(deps, llm, startedAt),
      store: deps.stores.benchmarks,
      llm,
      embed: (texts) => {
        const embedder = createHashingEmbedder({ dims: 384 });
        embedder.fit(texts);
        return embedder.embed(texts);
      },
      alert: deps.alert,
      now,
      logger: deps.logger.child({ module: 'benchmarks' }),
    },
    {
      ttlDays: config.benchmarks.scoreTtlDays,
      interests: config.ranking.seedInterests,
      mergeThreshold: config.benchmarks.mergeThreshold,
      failuresBeforeAlert: config.alerts.sourceFailuresBeforeAlert,
      minLlmSuccessRate: config.alerts.minLlmSuccessRate,
      ...(deps.signal ? { signal: deps.signal } : {}),
    },
  );
  const notion = await publishToNotion(deps, shownBenchmarks(await deps.stores.benchmarks.readMerged()));
  const finishedAt = now();
  const failed = result.sources.filter((s) => !s.ok).length;
  const status = failed === 0 ? 'completed' : failed === result.sources.length ? 'failed' : 'partial';
  await deps.stores.runs.write({
    runId,
    kind: 'benchmarks',
    status,
    options: { command: 'benchmarks collect', lookbackDays: config.benchmarks.lookbackDays },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    steps: benchmarkRunSteps(result),
    costUsd: 0,
    // Under the state directory; the job sees stores, not the directory.
    outputs: { merged: 'benchmarks/merged.jsonl' },
  });
  return { runId, status, result, notion };
}
