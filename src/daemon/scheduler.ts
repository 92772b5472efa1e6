/**
 * Puts the jobs on their cron rules (croner, in the configured time zone) and, at start, runs
 * once each job whose scheduled time passed while no daemon was running (catch-up).
 */
import { Cron } from 'croner';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { KvStore } from '../store/kv-store.ts';
import { jobRecordOf } from './job-record.ts';
import type { Job, JobRunner } from './job-runner.ts';
import { missedRun, type Rule, validateRule } from './schedule.ts';

export interface ScheduledJob {
  job: Job;
  rule: Rule;
}

export interface SchedulerDeps {
  jobs: readonly ScheduledJob[];
  runner: JobRunner;
  kv: KvStore;
  clock: Clock;
  logger: Logger;
}

export interface Scheduler {
  /** Queues the catch-up runs, then starts the timers. Returns the names of the jobs caught up. */
  start(): Promise<string[]>;
  stop(): void;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const logger = deps.logger.child({ module: 'scheduler' });
  const timers: Cron[] = [];
  return {
    async start() {
      for (const { rule } of deps.jobs) validateRule(rule);
      const values = await deps.kv.all();
      const now = deps.clock.now();
      const caughtUp: string[] = [];
      for (const { job, rule } of deps.jobs) {
        const lastRun = jobRecordOf(values, job.name).lastRun;
        const missed = missedRun(rule, lastRun === undefined ? undefined : new Date(lastRun), now);
        if (missed === undefined) continue;
        logger.info(
          { job: job.name, lastRun, missed: missed.toISOString() },
          'catch-up: a scheduled run was missed; running it once now',
        );
        if (deps.runner.trigger(job, missed, 'catch-up') === 'queued') caughtUp.push(job.name);
      }
      for (const { job, rule } of deps.jobs) {
        timers.push(
          new Cron(rule.pattern, { timezone: rule.timezone }, () => {
            deps.runner.trigger(job, deps.clock.now(), 'schedule');
          }),
        );
      }
      return caughtUp;
    },
    stop() {
      for (const timer of timers.splice(0)) timer.stop();
    },
  };
}
