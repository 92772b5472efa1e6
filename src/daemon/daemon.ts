/**
 * `radar daemon`'s process: holds the state lock for its whole life, runs the chat bots, puts the
 * jobs on their cron rules with a catch-up at start, and stops gracefully: the running job is
 * aborted (the pipeline finishes its current item, marks the rest skipped and the run cancelled),
 * the timers and bots stop and the lock is released, within a bounded time.
 */
import type { AppDeps } from '../app/app-deps.ts';
import { type BotRunner, createBotRunner } from '../chat/bot-runner.ts';
import { buildChatAdapters, secretValues } from '../chat/build-adapters.ts';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import { markProcessRunsCancelledSync } from '../store/runs-store.ts';
import { acquireStateLock, type StateLock } from '../store/state-lock.ts';
import type { Stores } from '../store/stores.ts';
import { jobRules } from './job-names.ts';
import { createJobRunner, type Job } from './job-runner.ts';
import {
  applyPendingLabels,
  createBenchmarksJob,
  createFeedbackJob,
  createPipelineJob,
  createTrendsJob,
  type JobAlert,
  type JobDeps,
} from './jobs.ts';
import { createLeaderboardsJob } from './leaderboards-job.ts';
import { createScheduler, type ScheduledJob, type Scheduler } from './scheduler.ts';
import { serializeLabels } from './serial-labels.ts';
import { createSyncJob } from './sync-job.ts';

export interface DaemonDeps extends AppDeps {
  offline: boolean;
  /** How long a stop may take before it gives up waiting (default 30 s). */
  shutdownTimeoutMs?: number;
  /** Replaces the built jobs (tests); keyed by job name. */
  jobs?: Partial<Record<string, Job>>;
}

export interface Daemon {
  /** Jobs queued at start because a scheduled run was missed. */
  readonly caughtUp: readonly string[];
  readonly bots: readonly string[];
  /** 'clean' when everything stopped in time, 'timeout' when it gave up waiting. */
  stop(reason: string): Promise<'clean' | 'timeout'>;
  /** Resolves when no job is running or queued. */
  idle(): Promise<void>;
}

async function startBots(deps: DaemonDeps, stores: Stores): Promise<BotRunner | undefined> {
  if (deps.offline) return undefined;
  const adapters = await buildChatAdapters({
    config: deps.config,
    env: deps.env,
    logger: deps.logger,
    clock: deps.clock,
  });
  if (adapters.length === 0) return undefined;
  // The daemon holds the lock: the bots write labels straight to the (serialized) store.
  const runner = createBotRunner({
    config: deps.config,
    stores,
    stateDir: deps.stateDir,
    adapters,
    labels: stores.labels,
    clock: deps.clock,
    logger: deps.logger,
    secrets: secretValues(deps.env),
    command: 'daemon',
  });
  try {
    await runner.start();
    return runner;
  } catch (error) {
    // A chat service that is down at start must not keep the jobs from running.
    deps.logger.error(
      { error: errorMessage(error) },
      'the chat bots could not start; the daemon runs without them',
    );
    await runner.stop().catch(() => undefined);
    return undefined;
  }
}

function scheduledJobs(deps: DaemonDeps, jobDeps: JobDeps, alert: JobAlert): ScheduledJob[] {
  const built: Record<string, () => Job> = {
    feedbackPoll: () => createFeedbackJob(jobDeps),
    dailyPipeline: () => createPipelineJob(jobDeps),
    benchmarks: () => createBenchmarksJob(jobDeps, alert),
    leaderboards: () => createLeaderboardsJob(jobDeps, alert),
    weeklyTrends: () => createTrendsJob(jobDeps),
    sync: () => createSyncJob(jobDeps),
  };
  return jobRules(deps.config).map(({ name, rule }) => ({
    rule,
    job: deps.jobs?.[name] ?? built[name]?.() ?? missingJob(name),
  }));
}

function missingJob(name: string): never {
  throw new Error(`no job is built for "${name}"`);
}

interface Opened {
  lock: StateLock;
  /** The process's stores, with the one serialized labels store the bots and the jobs share. */
  stores: Stores;
  bots: BotRunner | undefined;
}

/** Takes the lock, applies the queued chat labels and starts the bots; on failure releases the lock. */
async function open(deps: DaemonDeps, logger: Logger): Promise<Opened> {
  const lock = await acquireStateLock(deps.stateDir, 'daemon');
  if (lock.tookOver)
    logger.warn({ stateDir: deps.stateDir }, 'took over the lock of a radar process that had died');
  const stores: Stores = { ...deps.stores, labels: serializeLabels(deps.stores.labels) };
  try {
    const drained = await applyPendingLabels(stores.pendingLabels, stores.labels);
    if (drained > 0)
      logger.info({ changed: drained }, 'applied label changes queued while another radar held the lock');
    return { lock, stores, bots: await startBots(deps, stores) };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

export async function startDaemon(deps: DaemonDeps): Promise<Daemon> {
  const logger = deps.logger.child({ module: 'daemon' });
  const { lock, stores, bots } = await open(deps, logger);
  const kv = stores.cursors;
  // Alerts go to the bots' chats (storm-suppressed there) and always to the log.
  const alert: JobAlert = (kind, component, error) => {
    logger.warn({ kind, component, error: errorMessage(error) }, 'alert');
    if (bots) void bots.alerter.alert({ kind, component, error });
  };
  const runner = createJobRunner({ kv, clock: deps.clock, logger, alert });
  let scheduler: Scheduler | undefined;
  let caughtUp: string[];
  try {
    scheduler = createScheduler({
      jobs: scheduledJobs(deps, { ...deps, stores }, alert),
      runner,
      kv,
      clock: deps.clock,
      logger,
    });
    caughtUp = await scheduler.start();
  } catch (error) {
    scheduler?.stop();
    await bots?.stop().catch(() => undefined);
    await lock.release();
    throw error;
  }
  const started = scheduler;
  const graceful = async (reason: string): Promise<void> => {
    started.stop();
    runner.stop(reason);
    const results = await Promise.allSettled([runner.idle(), bots?.stop()]);
    for (const r of results)
      if (r.status === 'rejected') logger.error({ error: errorMessage(r.reason) }, 'error while stopping');
  };
  let stopping: Promise<'clean' | 'timeout'> | undefined;
  return {
    caughtUp,
    bots: bots?.adapters.map((a) => a.platform) ?? [],
    idle: () => runner.idle(),
    stop(reason) {
      stopping ??= bounded(graceful(reason), deps.shutdownTimeoutMs ?? 30_000)
        .then((result) => {
          // A run still going when the wait ends must not stay `running` once the lock is gone.
          if (result === 'timeout')
            markProcessRunsCancelledSync(
              deps.stateDir,
              process.pid,
              `cancelled: the daemon stopped (${reason}) before the run finished`,
              deps.clock.now(),
            );
          return result;
        })
        .finally(() => lock.release());
      return stopping;
    },
  };
}

async function bounded(work: Promise<void>, ms: number): Promise<'clean' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'clean' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
