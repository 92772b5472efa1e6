/**
 * The composition root of the daily pipeline: builds each step from the config and the
 * environment, choosing the online services that are configured and the offline ones otherwise
 * (bundled sample, hashing embedder, extractive summaries, local markdown + HTML).
 */
import { createArxivApiSource } from '../adapters/arxiv/arxiv-source.ts';
import { type AppDeps, embedderFor } from '../app/app-deps.ts';
import { buildChatAdapters, secretValues } from '../chat/build-adapters.ts';
import { chatTargets } from '../chat/bot-runner.ts';
import { createAlerter } from '../chat/alerts.ts';
import { sendDigest } from '../chat/digest-sender.ts';
import { summarizePapers } from '../digest/summarize.ts';
import { createDigestLlm, createSummarizeDeps } from '../digest/summarize-deps.ts';
import { createHttpClient } from '../http/http-client.ts';
import { createLocalPublisher } from '../publish/local/local-publisher.ts';
import type { Publisher } from '../publish/publisher.ts';
import { createEmbeddingsStore } from '../store/embeddings-store.ts';
import { createKvStore } from '../store/kv-store.ts';
import { createLedgerStore } from '../store/ledger-store.ts';
import { createMessageMapStore } from '../store/message-map-store.ts';
import { createPapersStore } from '../store/papers-store.ts';
import { statePaths } from '../store/paths.ts';
import { createPicksStore } from '../store/picks-store.ts';
import { createSummariesStore } from '../store/summaries-store.ts';
import type { DayItemsDeps } from './day-items.ts';
import type { PipelineStep, StepName } from './pipeline-step.ts';
import { createCollectStep } from './steps/collect-step.ts';
import { createEmbedStep } from './steps/embed-step.ts';
import { createNotifyStep } from './steps/notify-step.ts';
import { createPublishStep } from './steps/publish-step.ts';
import { createRankStep } from './steps/rank-step.ts';
import { createSummarizeStep } from './steps/summarize-step.ts';

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
  /** Extra publishers (Notion) built by the caller when configured. */
  publishers?: readonly Publisher[];
}

export async function buildPipeline(deps: AppDeps, options: BuildOptions): Promise<BuiltPipeline> {
  const { config, stateDir, logger } = deps;
  const papers = createPapersStore(stateDir);
  const picks = createPicksStore(stateDir);
  const summaries = createSummariesStore(stateDir);
  const models = config.embedding.active;
  const items: DayItemsDeps = { papers, picks, summaries, models };
  const chat = options.offline ? [] : buildChatAdapters({ ...deps });
  const alerter = createAlerter({
    adapters: chat,
    targets: chatTargets(config, chat),
    clock: deps.clock,
    windowMs: config.alerts.windowMinutes * 60_000,
    logger,
    secrets: secretValues(deps.env),
  });
  const wiring = { config, env: deps.env, stateDir, logger, cwd: deps.cwd, clock: deps.clock, runId: options.runId };
  const llm = createDigestLlm(wiring);
  const offlineLlm = options.offline;

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
                    { http: createHttpClient({ logger: logger.child({ module: 'http' }) }), logger },
                    {
                      apiUrl: config.arxiv.apiUrl,
                      siteUrl: config.arxiv.siteUrl,
                      pageSize: config.arxiv.pageSize,
                      requestIntervalSeconds: config.arxiv.requestIntervalSeconds,
                    },
                  ),
                  papers,
                  kv: createKvStore(stateDir),
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
        depsFor: (model) => ({ readPapers: () => papers.readAll(), store: createEmbeddingsStore(stateDir, model), logger }),
      }),
    rank: async () =>
      createRankStep({
        papers,
        rank: {
          stateDir,
          config,
          logger: logger.child({ module: 'rank' }),
          now: () => deps.clock.now(),
          embedderFor: async (model) => {
            const embedder = await embedderFor(deps, model);
            return (texts) => embedder.embed(texts);
          },
        },
      }),
    summarize: async () => {
      const summarizeDeps = await createSummarizeDeps(wiring, llm);
      return createSummarizeStep({
        picks,
        summarize: async (ids, ctx) => {
          // Offline, the LLM is never called even when a key is set: extractive summaries.
          const run = offlineLlm ? { ...summarizeDeps, model: undefined } : summarizeDeps;
          const result = await summarizePapers(run, ids, { runId: ctx.runId });
          return {
            summarized: result.summarized.length,
            skipped: result.skipped.length,
            failed: result.failed,
            extractive: result.extractive.length,
          };
        },
      });
    },
    publish: async () =>
      createPublishStep({
        items,
        publishers: [...(options.offline ? [] : (options.publishers ?? [])), createLocalPublisher(statePaths(stateDir).outDir)],
      }),
    notify: async () =>
      createNotifyStep({
        items,
        ...(chat.length > 0
          ? {
              send: async (day, digest) =>
                (
                  await sendDigest(
                    {
                      adapters: chat,
                      messageMap: createMessageMapStore(stateDir),
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
            }
          : {}),
      }),
  };

  const steps: PipelineStep[] = [];
  for (const name of options.steps) steps.push(await all[name]());
  return {
    steps,
    alert: (kind, component, error) => {
      void alerter.alert({ kind, component, error });
    },
    spentUsd: async () => {
      // The run's own calls, whatever the day: ledger rows carry the run id.
      const ledger = createLedgerStore(stateDir);
      const rows = await ledger.readMonths(await ledger.months());
      return rows.filter((r) => r.runId === options.runId).reduce((sum, r) => sum + r.costUsd, 0);
    },
    async close() {
      await Promise.all(chat.map((a) => a.stop().catch(() => undefined)));
    },
  };
}
