/**
 * Runs the daemon's jobs one at a time (they share the state files, and some of those writes are
 * read-modify-write), never the same job twice at once: a tick that comes while that job is still
 * queued or running is skipped and logged. Each run is recorded in the kv store (`job.<name>.*`).
 */
import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { KvStore } from '../store/kv-store.ts';
import { jobRecordOf, writeJobRecord } from './job-record.ts';

export interface JobContext {
  signal: AbortSignal;
  /** The scheduled time this run stands for (for a catch-up run, the missed time). */
  scheduledAt: Date;
  logger: Logger;
}

export interface JobOutcome {
  status: 'ok' | 'failed' | 'cancelled';
  detail?: string;
  error?: string;
}

export interface Job {
  readonly name: string;
  /** Throwing counts as a failed run. */
  run(ctx: JobContext): Promise<JobOutcome>;
}

export type TriggerReason = 'schedule' | 'catch-up';

export interface JobRunner {
  /** Queues a run unless this job is already queued or running (then the tick is skipped). */
  trigger(job: Job, scheduledAt: Date, reason: TriggerReason): 'queued' | 'skipped';
  /** Aborts the running job (it finishes or checkpoints its current item) and drops queued ones. */
  stop(reason: string): void;
  /** Resolves when nothing is running or queued. */
  idle(): Promise<void>;
}

export interface JobRunnerDeps {
  kv: KvStore;
  clock: Clock;
  logger: Logger;
  alert?: (kind: string, component: string, error: unknown) => void;
}

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const logger = deps.logger.child({ module: 'daemon' });
  const pending = new Set<string>();
  const controller = new AbortController();
  let tail: Promise<void> = Promise.resolve();

  async function execute(job: Job, scheduledAt: Date, reason: TriggerReason): Promise<void> {
    if (controller.signal.aborted) {
      logger.info({ job: job.name }, 'job not started: the daemon is stopping');
      return;
    }
    await runRecorded(
      deps,
      logger,
      job,
      { signal: controller.signal, scheduledAt, logger: logger.child({ job: job.name }) },
      reason,
    );
  }

  return {
    trigger(job, scheduledAt, reason) {
      if (pending.has(job.name)) {
        logger.warn(
          { job: job.name, reason, scheduledAt: scheduledAt.toISOString() },
          'job still running or queued: this tick is skipped',
        );
        return 'skipped';
      }
      pending.add(job.name);
      tail = tail
        .then(() => execute(job, scheduledAt, reason))
        .catch((error: unknown) =>
          logger.error({ job: job.name, error: errorMessage(error) }, 'job runner error'),
        )
        .finally(() => pending.delete(job.name));
      return 'queued';
    },
    stop(reason) {
      controller.abort(new Error(reason));
    },
    idle: async () => {
      while (pending.size > 0) await tail;
    },
  };
}

async function runRecorded(
  deps: JobRunnerDeps,
  logger: Logger,
  job: Job,
  ctx: JobContext,
  reason: TriggerReason,
): Promise<void> {
  const started = deps.clock.now();
  const before = jobRecordOf(await safely(logger, () => deps.kv.all(), {}), job.name);
  await safely(
    logger,
    () => writeJobRecord(deps.kv, job.name, { lastStart: started.toISOString(), lastStatus: 'running' }),
    undefined,
  );
  logger.info({ job: job.name, reason, scheduledAt: ctx.scheduledAt.toISOString() }, 'job started');
  let outcome: JobOutcome;
  try {
    outcome = await job.run(ctx);
  } catch (error) {
    outcome = { status: ctx.signal.aborted ? 'cancelled' : 'failed', error: errorMessage(error) };
  }
  const finished = deps.clock.now();
  const covered = Math.max(started.getTime(), ctx.scheduledAt.getTime());
  await safely(
    logger,
    () =>
      writeJobRecord(deps.kv, job.name, {
        lastFinish: finished.toISOString(),
        lastStatus: outcome.status,
        lastDetail: outcome.detail,
        lastError: outcome.error,
        failures:
          outcome.status === 'failed' ? before.failures + 1 : outcome.status === 'ok' ? 0 : before.failures,
        // A cancelled run covers nothing: the next start catches it up.
        ...(outcome.status === 'cancelled' ? {} : { lastRun: new Date(covered).toISOString() }),
      }),
    undefined,
  );
  const log = {
    job: job.name,
    status: outcome.status,
    durationMs: finished.getTime() - started.getTime(),
    detail: outcome.detail,
    error: outcome.error,
  };
  if (outcome.status === 'failed') {
    logger.error(log, 'job failed');
    deps.alert?.(`job-failed:${job.name}`, `daemon job ${job.name}`, new Error(outcome.error ?? 'failed'));
  } else logger.info(log, 'job finished');
}

/** The daemon goes on when its own bookkeeping fails to write; the failure is logged. */
async function safely<T>(logger: Logger, fn: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    logger.error({ error: errorMessage(error) }, 'could not record the job state');
    return fallback;
  }
}
