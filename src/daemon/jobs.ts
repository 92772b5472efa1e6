/**
 * The daemon's jobs, built from the app's dependencies: the daily pipeline and the feedback poll
 * (Notion Feedback when a token is set, plus the label changes `radar bot` queued while the daemon
 * held the lock, then retraining when labels changed), the benchmark collection and the weekly
 * trend report.
 */
import { pollFeedback } from '../adapters/notion/feedback-poll.ts';
import { notionApiFromConfig, papersDataSourceId } from '../adapters/notion/notion-setup.ts';
import { publishReportOnce } from '../adapters/notion/publish-report.ts';
import type { AppDeps } from '../app/app-deps.ts';
import { runBenchmarksJob } from '../benchmarks/benchmarks-job.ts';
import { chatTargets } from '../chat/bot-runner.ts';
import { buildChatAdapters } from '../chat/build-adapters.ts';
import type { ChatMessage } from '../chat/chat-adapter.ts';
import { trendsMessage } from '../chat/commands/trends.ts';
import { errorMessage } from '../core/errors.ts';
import { localDay } from '../core/local-day.ts';
import { runTrendsJob } from '../insights/trends-job.ts';
import { buildPipeline } from '../pipeline/build-pipeline.ts';
import { STEP_NAMES } from '../pipeline/pipeline-step.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { retrainIfLabelsChanged } from '../rank/train-classifiers.ts';
import type { LabelsStore } from '../store/labels-store.ts';
import { statePaths } from '../store/paths.ts';
import type { PendingLabelsStore } from '../store/pending-labels-store.ts';
import { newRunId } from '../store/runs-store.ts';
import type { Job, JobOutcome } from './job-runner.ts';

export type JobAlert = (kind: string, component: string, error: unknown) => void;

/** `stores.labels` is the one labels store the bots also write to (serialized by the daemon). */
export interface JobDeps extends AppDeps {
  offline: boolean;
}

export function createPipelineJob(deps: JobDeps): Job {
  return {
    name: 'dailyPipeline',
    async run(ctx): Promise<JobOutcome> {
      const runId = newRunId(deps.clock.now());
      const built = await buildPipeline(deps, { offline: deps.offline, steps: [...STEP_NAMES], runId });
      try {
        const manifest = await runPipeline(
          {
            runs: deps.stores.runs,
            steps: built.steps,
            clock: deps.clock,
            logger: ctx.logger,
            timezone: deps.config.schedule.timezone,
            alert: built.alert,
            spentUsd: built.spentUsd,
          },
          {
            offline: deps.offline,
            runId,
            signal: ctx.signal,
            recorded: { daemon: true, scheduledAt: ctx.scheduledAt.toISOString() },
          },
        );
        const failed = manifest.steps.filter((s) => s.status === 'failed').map((s) => s.name);
        const detail = `${manifest.status}, run ${runId}`;
        if (manifest.status === 'cancelled') return { status: 'cancelled', detail };
        if (failed.length > 0)
          return { status: 'failed', detail, error: `failed steps: ${failed.join(', ')}` };
        return { status: 'ok', detail };
      } finally {
        await built.close();
      }
    },
  };
}

/** Label changes a `radar bot` beside the daemon queued while the daemon held the lock. */
export async function applyPendingLabels(pending: PendingLabelsStore, labels: LabelsStore): Promise<number> {
  const queued = await pending.readAll();
  if (queued.length === 0) return 0;
  const changed = await labels.apply(queued);
  await pending.clear();
  return changed;
}

export function createFeedbackJob(deps: JobDeps): Job {
  return {
    name: 'feedbackPoll',
    async run(ctx): Promise<JobOutcome> {
      const queued = await applyPendingLabels(deps.stores.pendingLabels, deps.stores.labels);
      const api = deps.offline
        ? undefined
        : notionApiFromConfig(deps.config, deps.env.secrets.NOTION_TOKEN, ctx.logger);
      const retrain = (changes: number) =>
        retrainIfLabelsChanged(
          { stores: deps.stores, config: deps.config, logger: ctx.logger, now: () => deps.clock.now() },
          changes,
        );
      if (!api) {
        await retrain(queued);
        return { status: 'ok', detail: `${queued} queued chat label changes applied; Notion not configured` };
      }
      const dataSourceId = await papersDataSourceId(api, deps.stores.notionMap, deps.config);
      const result = await pollFeedback({
        api,
        dataSourceId,
        labels: deps.stores.labels,
        kv: deps.stores.cursors,
        logger: ctx.logger,
        now: () => deps.clock.now(),
      });
      await retrain(queued + result.newLabels);
      return {
        status: 'ok',
        detail: `${queued} queued chat label changes applied; Notion: ${result.pages} edited pages, ${result.newLabels} label changes`,
      };
    },
  };
}

/** Sends one message to every configured chat; a chat that fails is logged and skipped. */
export async function sendToChats(deps: JobDeps, message: ChatMessage): Promise<number> {
  const adapters = await buildChatAdapters(deps);
  let sent = 0;
  try {
    for (const target of chatTargets(deps.config, adapters)) {
      const adapter = adapters.find((a) => a.platform === target.platform);
      try {
        sent += (await adapter?.sendMessage(target.chatId, message))?.length ?? 0;
      } catch (error) {
        deps.logger.warn({ platform: target.platform, error: errorMessage(error) }, 'chat message failed');
      }
    }
  } finally {
    await Promise.all(adapters.map((a) => a.stop().catch(() => undefined)));
  }
  return sent;
}

export function createTrendsJob(deps: JobDeps): Job {
  return {
    name: 'weeklyTrends',
    async run(ctx): Promise<JobOutcome> {
      const now = deps.clock.now();
      const end = localDay(now, deps.config.schedule.timezone);
      const { report, markdown } = await runTrendsJob(
        {
          stores: deps.stores,
          outDir: statePaths(deps.stateDir).outDir,
          logger: ctx.logger,
          now: () => now,
        },
        { end },
      );
      if (deps.offline) {
        return {
          status: 'ok',
          detail: `${report.trends.length} rising trends over ${report.windowItems} papers, week ending ${end} (offline: not sent)`,
        };
      }
      // The weekly report goes to Notion (once) and to every configured chat.
      const page = await publishReportOnce(
        { config: deps.config, secrets: deps.env.secrets, logger: ctx.logger },
        deps.stores.trendReports,
        { day: end, value: report, title: `Trends — week to ${end}`, markdown },
      );
      const sent = await sendToChats(deps, trendsMessage(report));
      return {
        status: 'ok',
        detail: `${report.trends.length} rising trends over ${report.windowItems} papers, week ending ${end}; ${
          'url' in page ? `Notion ${page.url}` : `not on Notion (${page.skipped})`
        }; ${sent} chat messages`,
      };
    },
  };
}

/** Offline (no keys, or --offline) the daemon stays off the network: the collectors are not run. */
export function createBenchmarksJob(deps: JobDeps, alert: JobAlert): Job {
  return {
    name: 'benchmarks',
    async run(ctx): Promise<JobOutcome> {
      if (deps.offline) return { status: 'ok', detail: 'skipped: offline' };
      const run = await runBenchmarksJob({
        config: deps.config,
        env: deps.env,
        stores: deps.stores,
        logger: ctx.logger,
        alert,
        now: () => deps.clock.now(),
        signal: ctx.signal,
      });
      const failed = run.result.sources.filter((s) => !s.ok).map((s) => `${s.name}: ${s.error ?? 'failed'}`);
      const detail = `${run.status}, run ${run.runId}, ${run.result.merged.benchmarks} benchmarks`;
      if (ctx.signal.aborted) return { status: 'cancelled', detail };
      return run.status === 'completed'
        ? { status: 'ok', detail }
        : { status: 'failed', detail, error: failed.join('; ') };
    },
  };
}
