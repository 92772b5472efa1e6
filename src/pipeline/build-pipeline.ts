/**
 * The composition root of the daily pipeline: builds each step from the config and the
 * environment, choosing the online services that are configured and the offline ones otherwise
 * (bundled sample, hashing embedder, extractive summaries, local markdown + HTML).
 */
import { createArxivApiSource } from '../adapters/arxiv/arxiv-source.ts';
import { createNotionPublisher } from '../adapters/notion/notion-publisher.ts';
import { notionApiFromConfig, papersDataSourceId } from '../adapters/notion/notion-setup.ts';
import { PAPERS_DATABASE } from '../adapters/notion/schema.ts';
import { type AppDeps, embedderFor } from '../app/app-deps.ts';
import { createAlerter } from '../chat/alerts.ts';
import { chatTargets } from '../chat/bot-runner.ts';
import { buildChatAdapters, secretValues } from '../chat/build-adapters.ts';
import { sendDigest } from '../chat/digest-sender.ts';
import { summarizeAndRelate } from '../digest/digest-job.ts';
import { createDigestLlm } from '../digest/summarize-deps.ts';
import { abortableFetch } from '../http/abortable-fetch.ts';
import { createHttpClient } from '../http/http-client.ts';
import { createLocalPublisher } from '../publish/local/local-publisher.ts';
import { loadPublishItems, loadRelated } from '../publish/publish-items.ts';
import type { DayCounts, Publisher } from '../publish/publisher.ts';
import { storedIndexOpener } from '../rank/stored-index.ts';
import { statePaths } from '../store/paths.ts';
import type { RunManifest } from '../store/runs-store.ts';
import { sendBenchmarkSection } from './benchmark-section.ts';
import type { DayItemsDeps } from './day-items.ts';
import { collectingAfter, createFullGc } from './full-gc.ts';
import type { PipelineStep, StepName } from './pipeline-step.ts';
import { createCollectStep } from './steps/collect-step.ts';
import { createEmbedStep } from './steps/embed-step.ts';
import { createNotifyStep } from './steps/notify-step.ts';
import { createPublishStep } from './steps/publish-step.ts';
import { createRankStep } from './steps/rank-step.ts';
import { createSummarizeStep } from './steps/summarize-step.ts';

/**
 * The Notion publisher of a run, built on first use (a Notion failure fails the publish step,
 * not the run's construction); it also retries the papers whose last publish failed.
 */
function notionPublisher(deps: AppDeps): Publisher | undefined {
  const api = notionApiFromConfig(
    deps.config,
    deps.env.secrets.NOTION_TOKEN,
    deps.logger.child({ module: 'notion' }),
  );
  if (!api) return undefined;
  const mapStore = deps.stores.notionMap;
  return {
    name: 'notion',
    async publish(day, items) {
      const dataSourceId = await papersDataSourceId(api, mapStore, deps.config);
      const failed = Object.keys((await mapStore.load()).failed[PAPERS_DATABASE.name] ?? {});
      const retryIds = failed.filter((id) => !items.some((i) => i.paper.id === id));
      const retry =
        retryIds.length === 0
          ? []
          : (
              await loadPublishItems(deps.stores, {
                ids: retryIds,
                published: new Set(),
                retry: [],
                today: day,
              })
            ).items;
      return createNotionPublisher({ api, mapStore, logger: deps.logger }, { dataSourceId }).publish(day, [
        ...items,
        ...retry,
      ]);
    },
  };
}

/** The digest's counts from the run's manifest: papers the collect step stored, candidates the first model scored. */
export function runDayCounts(
  manifest: RunManifest | undefined,
  model: string | undefined,
): DayCounts | undefined {
  if (!manifest) return undefined;
  const collect = manifest.steps.find((s) => s.name === 'collect' && s.status === 'ok')?.counts;
  const rank = manifest.steps.find((s) => s.name === 'rank' && s.status === 'ok')?.counts;
  const collected = collect ? (collect.new ?? 0) + (collect.updated ?? 0) : undefined;
  const candidates = rank && model !== undefined ? rank[`candidates.${model}`] : undefined;
  return {
    ...(collected !== undefined ? { collected } : {}),
    ...(candidates !== undefined ? { candidates } : {}),
  };
}

export interface BuiltPipeline {
  steps: PipelineStep[];
  alert: (kind: string, component: string, error: unknown) => void;
  spentUsd: () => Promise<number>;
  close(): Promise<void>;
}

export interface BuildOptions {
  offline: boolean;
  steps: readonly StepName[];
  runId: string;
  /** The run's stop signal: every HTTP and LLM call of the run takes it. */
  signal?: AbortSignal;
}

export async function buildPipeline(deps: AppDeps, options: BuildOptions): Promise<BuiltPipeline> {
  const { config, stateDir, logger, stores } = deps;
  const { papers, picks, summaries } = stores;
  const models = config.embedding.active;
  const items: DayItemsDeps = {
    papers,
    picks,
    summaries,
    models,
    related: (ids) => loadRelated(stores, ids),
  };
  const chat = options.offline ? [] : await buildChatAdapters({ ...deps });
  const alerter = createAlerter({
    adapters: chat,
    targets: chatTargets(config, chat),
    clock: deps.clock,
    windowMs: config.alerts.windowMinutes * 60_000,
    logger,
    secrets: secretValues(deps.env),
  });
  // Only rank reads a model's whole matrix, and lets it go with the step; related papers read
  // just the rows they need, so no step after rank holds every vector.
  const wiring = {
    config,
    env: deps.env,
    stores,
    stateDir,
    logger,
    cwd: deps.cwd,
    clock: deps.clock,
    runId: options.runId,
    ...(options.signal ? { signal: options.signal, fetch: abortableFetch(options.signal) } : {}),
  };
  const llm = createDigestLlm(wiring);
  const gc = createFullGc();

  const all: Record<StepName, () => Promise<PipelineStep>> = {
    collect: async () =>
      createCollectStep({
        papers,
        ...(options.offline
          ? {}
          : {
              online: {
                deps: {
                  source: createArxivApiSource(
                    {
                      http: createHttpClient({
                        logger: logger.child({ module: 'http' }),
                        ...(options.signal ? { signal: options.signal } : {}),
                      }),
                      logger,
                    },
                    {
                      apiUrl: config.arxiv.apiUrl,
                      siteUrl: config.arxiv.siteUrl,
                      pageSize: config.arxiv.pageSize,
                      requestIntervalSeconds: config.arxiv.requestIntervalSeconds,
                    },
                  ),
                  papers,
                  kv: stores.cursors,
                  logger: logger.child({ module: 'collect-papers' }),
                  now: () => deps.clock.now(),
                },
                categories: config.arxiv.categories,
                firstRunDays: config.arxiv.firstRunDays,
              },
            }),
      }),
    embed: async () =>
      createEmbedStep({
        models,
        embedderFor: (model) => embedderFor(deps, model),
        depsFor: (model) => ({
          readPapers: (exclude) => papers.readAll(exclude ? { exclude } : {}),
          store: stores.vectors(model),
          logger,
        }),
      }),
    rank: async () =>
      createRankStep({
        papers,
        rank: {
          stores,
          openIndex: storedIndexOpener(stateDir, stores, logger.child({ module: 'rank' }), gc),
          config,
          logger: logger.child({ module: 'rank' }),
          now: () => deps.clock.now(),
          embedderFor: async (model) => {
            const embedder = await embedderFor(deps, model);
            return (texts) => embedder.embed(texts);
          },
        },
      }),
    summarize: async () =>
      createSummarizeStep({
        picks,
        summarize: async (ids, ctx) => {
          const { summaries: result, related } = await summarizeAndRelate(wiring, llm, ids, {
            runId: ctx.runId,
            withoutLlm: options.offline,
            onItemFailed: (id, error) => ctx.logger.warn({ id, error }, 'summary failed'),
          });
          return {
            summarized: result.summarized.length,
            skipped: result.skipped.length,
            failed: result.failed,
            extractive: result.extractive.length,
            fallback: result.fallback.length,
            links: related?.links ?? 0,
          };
        },
      }),
    publish: async () =>
      createPublishStep({
        items,
        publishers: [
          ...(options.offline ? [] : [notionPublisher(deps)].filter((p): p is Publisher => p !== undefined)),
          createLocalPublisher(statePaths(stateDir).outDir),
        ],
        counts: async (runId) => runDayCounts(await stores.runs.read(runId), models[0]),
      }),
    notify: async () =>
      createNotifyStep({
        items,
        notionMap: () => stores.notionMap.load(),
        ...(chat.length > 0
          ? {
              send: async (day, digest) =>
                (
                  await sendDigest(
                    {
                      adapters: chat,
                      messageMap: stores.messageMap,
                      clock: deps.clock,
                      logger,
                      reactions: config.chat.reactions,
                    },
                    chatTargets(config, chat),
                    day,
                    digest,
                  )
                ).map((r) => ({
                  target: `${r.target.platform}:${r.target.chatId}`,
                  sent: r.sent,
                  skipped: r.skipped,
                  ...(r.error ? { error: r.error } : {}),
                })),
              extras: (day) => sendBenchmarkSection({ ...deps, chat }, day),
            }
          : {}),
      }),
  };

  const steps: PipelineStep[] = [];
  for (const name of options.steps) steps.push(collectingAfter(await all[name](), gc));
  return {
    steps,
    alert: (kind, component, error) => {
      void alerter.alert({ kind, component, error });
    },
    spentUsd: async () => {
      // The run's own calls, whatever the day: ledger rows carry the run id.
      const { ledger } = stores;
      const rows = await ledger.readMonths(await ledger.months());
      return rows.filter((r) => r.runId === options.runId).reduce((sum, r) => sum + r.costUsd, 0);
    },
    async close() {
      await Promise.all(chat.map((a) => a.stop().catch(() => undefined)));
    },
  };
}
