/**
 * `radar benchmarks collect|list|report`: the benchmark radar. `collect` runs every collector,
 * scores, merges, publishes to Notion when a token is set, and records a run manifest; `list`
 * prints the best recent benchmarks; `report` writes (and sends) the weekly trend report.
 */
import { join } from 'node:path';
import { createGitHubReposSource } from '../../adapters/github/github-repos-source.ts';
import { createHfDatasetsSource } from '../../adapters/huggingface/hf-datasets-source.ts';
import { createBenchmarksPublisher } from '../../adapters/notion/benchmarks-publisher.ts';
import { BENCHMARKS_DATABASE } from '../../adapters/notion/benchmarks-schema.ts';
import { ensureDatabase } from '../../adapters/notion/init-migrate.ts';
import { notionApiFromConfig } from '../../adapters/notion/notion-setup.ts';
import { createArxivBenchmarkSource } from '../../benchmarks/arxiv-benchmark-source.ts';
import type { BenchmarkSource } from '../../benchmarks/benchmark-source.ts';
import {
  type AlertFn,
  type CollectBenchmarksResult,
  collectBenchmarks,
} from '../../benchmarks/collect-benchmarks.ts';
import { benchmarkRunSteps } from '../../benchmarks/run-steps.ts';
import type { MergedBenchmark } from '../../benchmarks/schemas.ts';
import { benchmarkLine, recentBest } from '../../benchmarks/select.ts';
import { buildWeeklyReport } from '../../benchmarks/weekly-report.ts';
import { plainMessage } from '../../chat/message-format.ts';
import { systemClock } from '../../core/clock.ts';
import { errorMessage, UsageError } from '../../core/errors.ts';
import { createHashingEmbedder } from '../../embed/backends/hashing.ts';
import { createHttpClient } from '../../http/http-client.ts';
import { createLedger } from '../../llm/ledger.ts';
import { createLlmClient, type LlmClient } from '../../llm/llm-client.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { createBenchmarksStore } from '../../store/benchmarks-store.ts';
import { createLedgerStore } from '../../store/ledger-store.ts';
import { createNotionMapStore } from '../../store/notion-map-store.ts';
import { createPapersStore } from '../../store/papers-store.ts';
import { statePaths } from '../../store/paths.ts';
import { createRunsStore, newRunId } from '../../store/runs-store.ts';
import { type CommandContext, withStateLock } from '../context.ts';

type Out = (line: string) => void;

function buildSources(ctx: CommandContext, llm: LlmClient, now: Date): BenchmarkSource[] {
  const { config } = ctx.loaded;
  const { huggingface: hf, github: gh } = config.sources;
  const logger = ctx.logger;
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
        token: ctx.env.secrets.HF_TOKEN,
        keywords: hf.keywords,
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
        token: ctx.env.secrets.GITHUB_TOKEN,
        keywords: gh.keywords,
        topics: gh.topics,
        minStars: gh.minStars,
        since,
        maxPages,
        maxWaitMs: config.benchmarks.maxRateLimitWaitSeconds * 1000,
        searchPerMinute: ctx.env.secrets.GITHUB_TOKEN ? 30 : 10,
      },
    ),
    createArxivBenchmarkSource({ papers: createPapersStore(ctx.stateDir), llm, logger }, { since }),
  ];
}

/** The chat adapters and targets; imported on use, so `list` does not load the chat SDKs. */
async function chat(ctx: CommandContext) {
  const { buildChatAdapters, secretValues } = await import('../../chat/build-adapters.ts');
  const { chatTargets } = await import('../../chat/bot-runner.ts');
  const adapters = buildChatAdapters({
    config: ctx.loaded.config,
    env: ctx.env,
    logger: ctx.logger,
    clock: systemClock,
  });
  return { adapters, targets: chatTargets(ctx.loaded.config, adapters), secrets: secretValues(ctx.env) };
}

async function buildAlert(ctx: CommandContext): Promise<AlertFn> {
  const { createAlerter } = await import('../../chat/alerts.ts');
  const { adapters, targets, secrets } = await chat(ctx);
  const alerter = createAlerter({
    adapters,
    targets,
    clock: systemClock,
    windowMs: ctx.loaded.config.alerts.windowMinutes * 60_000,
    logger: ctx.logger,
    secrets,
  });
  return (kind, component, error) => {
    ctx.logger.warn({ kind, component, error: errorMessage(error) }, 'alert');
    return targets.length > 0 ? alerter.alert({ kind, component, error }) : undefined;
  };
}

async function publishToNotion(
  ctx: CommandContext,
  merged: readonly MergedBenchmark[],
  out: Out,
): Promise<void> {
  const { config } = ctx.loaded;
  const api = notionApiFromConfig(config, ctx.env.secrets.NOTION_TOKEN, ctx.logger);
  if (!api) return;
  const mapStore = createNotionMapStore(ctx.stateDir);
  try {
    const { dataSourceId } = await ensureDatabase({ api, mapStore }, BENCHMARKS_DATABASE, {
      parentPageId: config.notion.parentPageId,
      databaseId: config.notion.benchmarksDatabaseId,
    });
    const result = await createBenchmarksPublisher(
      { api, mapStore, logger: ctx.logger },
      { dataSourceId },
    ).publish(merged);
    out(
      `notion: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.failed.length} failed`,
    );
  } catch (error) {
    out(`notion: not published (${errorMessage(error)})`);
  }
}

export function formatCollect(result: CollectBenchmarksResult): string[] {
  const lines = result.sources.map((s) =>
    s.ok
      ? `ok      ${s.name}: ${s.candidates} candidates`
      : `failed  ${s.name}: ${s.error ?? 'unknown'} (${s.consecutiveFailures} run(s) in a row)`,
  );
  const { scoring: sc, upsert } = result;
  lines.push(`stored: ${upsert.added} new, ${upsert.updated} updated, ${upsert.unchanged} unchanged`);
  lines.push(
    sc.llmAvailable
      ? `scored: ${sc.scored} of ${sc.attempted} (${sc.cached} cached, ${sc.failed} failed); overall ${Object.entries(
          sc.distribution,
        )
          .map(([b, n]) => `${b}:${n}`)
          .join(' ')}`
      : 'scored: none (no LLM configured for "benchmarks")',
  );
  lines.push(
    `merged: ${result.merged.benchmarks} benchmarks (${result.merged.multiSource} from several sources)`,
  );
  for (const alert of result.alerts) lines.push(`alert   ${alert.message}`);
  return lines;
}

export async function runBenchmarksCollect(ctx: CommandContext, out: Out): Promise<number> {
  const { config } = ctx.loaded;
  const startedAt = new Date();
  const runId = newRunId(startedAt, 'benchmarks');
  const ledger = createLedger(
    { store: createLedgerStore(ctx.stateDir) },
    { timezone: config.schedule.timezone },
  );
  const llm = createLlmClient({ config, env: ctx.env, ledger, logger: ctx.logger }, { runId });
  return withStateLock(ctx, 'benchmarks collect', async () => {
    const result = await collectBenchmarks(
      {
        sources: buildSources(ctx, llm, startedAt),
        store: createBenchmarksStore(ctx.stateDir),
        llm,
        embed: (texts) => {
          const embedder = createHashingEmbedder({ dims: 384 });
          embedder.fit(texts);
          return embedder.embed(texts);
        },
        alert: await buildAlert(ctx),
        now: () => new Date(),
        logger: ctx.logger.child({ module: 'benchmarks' }),
      },
      {
        ttlDays: config.benchmarks.scoreTtlDays,
        interests: config.ranking.seedInterests,
        mergeThreshold: config.benchmarks.mergeThreshold,
        failuresBeforeAlert: config.alerts.sourceFailuresBeforeAlert,
        minLlmSuccessRate: config.alerts.minLlmSuccessRate,
      },
    );
    for (const line of formatCollect(result)) out(line);
    await publishToNotion(ctx, await createBenchmarksStore(ctx.stateDir).readMerged(), out);
    const finishedAt = new Date();
    const failed = result.sources.filter((s) => !s.ok).length;
    await createRunsStore(ctx.stateDir).write({
      runId,
      kind: 'benchmarks',
      status: failed === 0 ? 'completed' : failed === result.sources.length ? 'failed' : 'partial',
      options: { command: 'benchmarks collect', lookbackDays: config.benchmarks.lookbackDays },
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      steps: benchmarkRunSteps(result),
      costUsd: 0,
      outputs: { merged: join(statePaths(ctx.stateDir).benchmarksDir, 'merged.jsonl') },
    });
    out(`run ${runId}`);
    return failed === result.sources.length ? 1 : 0;
  });
}

function parseDays(raw: string | undefined): number {
  const days = Number(raw ?? '7');
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(`--days must be a positive whole number, got "${raw}"`);
  return days;
}

export async function runBenchmarksList(
  ctx: CommandContext,
  flags: { days?: string; limit?: string },
  out: Out,
): Promise<number> {
  const days = parseDays(flags.days);
  const limit = parseDays(flags.limit ?? '20');
  const merged = await createBenchmarksStore(ctx.stateDir).readMerged();
  const best = recentBest(merged, new Date(), days, limit);
  if (best.length === 0) out(`no benchmark first seen in the last ${days} day(s) (${merged.length} known)`);
  for (const b of best) out(benchmarkLine(b));
  return 0;
}

export async function runBenchmarksReport(
  ctx: CommandContext,
  flags: { end?: string },
  out: Out,
): Promise<number> {
  const end = flags.end ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) throw new UsageError(`--end must be YYYY-MM-DD, got "${end}"`);
  const report = buildWeeklyReport(await createBenchmarksStore(ctx.stateDir).readMerged(), { end });
  const file = join(statePaths(ctx.stateDir).benchmarksDir, 'reports', `${end}.md`);
  await withStateLock(ctx, 'benchmarks report', () => writeFileAtomic(file, report.markdown));
  out(report.markdown.trimEnd());
  const { adapters, targets } = await chat(ctx);
  for (const target of targets) {
    try {
      await adapters
        .find((a) => a.platform === target.platform)
        ?.sendMessage(target.chatId, plainMessage(...report.markdown.split('\n\n')));
    } catch (error) {
      out(`chat ${target.platform} ${target.chatId}: not sent (${errorMessage(error)})`);
    }
  }
  return 0;
}
