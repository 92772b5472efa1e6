import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import type { KvStore, KvValue } from '../store/kv-store.ts';
import { jobKey, jobRecordOf } from './job-record.ts';
import { createJobRunner, type Job, type JobContext, type JobOutcome } from './job-runner.ts';
import { createScheduler, type ScheduledJob } from './scheduler.ts';

function memoryKv(initial: Record<string, KvValue> = {}): KvStore {
  const values: Record<string, KvValue> = { ...initial };
  return {
    all: async () => ({ ...values }),
    get: async (key) => values[key],
    set: async (next) => {
      Object.assign(values, next);
    },
  };
}

const clock = { now: () => new Date() };
const BERLIN = 'Europe/Berlin';

interface Recorder {
  job: Job;
  runs: Array<{ at: string; scheduledAt: string }>;
  maxConcurrent: () => number;
}

function recordingJob(
  name: string,
  work: (ctx: JobContext) => Promise<JobOutcome> = async () => ({ status: 'ok' }),
): Recorder {
  const runs: Recorder['runs'] = [];
  let active = 0;
  let max = 0;
  return {
    runs,
    maxConcurrent: () => max,
    job: {
      name,
      async run(ctx) {
        runs.push({ at: new Date().toISOString(), scheduledAt: ctx.scheduledAt.toISOString() });
        active += 1;
        max = Math.max(max, active);
        try {
          return await work(ctx);
        } finally {
          active -= 1;
        }
      },
    },
  };
}

function start(kv: KvStore, jobs: ScheduledJob[]) {
  const runner = createJobRunner({ kv, clock, logger: silentLogger() });
  const scheduler = createScheduler({ jobs, runner, kv, clock, logger: silentLogger() });
  return { runner, scheduler };
}

/** Moves the wall clock (as after a long wait) and lets croner's ≤30 s timer re-plan. */
async function jumpTo(iso: string): Promise<void> {
  vi.setSystemTime(new Date(iso));
  await vi.advanceTimersByTimeAsync(30_000);
}

const stops: Array<() => void> = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

describe('scheduler with fake timers', () => {
  it('fires the daily job at 08:00 Berlin and not before, across the DST change', async () => {
    vi.setSystemTime(new Date('2026-10-24T05:00:00Z')); // 07:00 CEST
    const kv = memoryKv({ [jobKey('dailyPipeline', 'lastRun')]: '2026-10-23T06:00:00.000Z' });
    const daily = recordingJob('dailyPipeline');
    const { scheduler, runner } = start(kv, [
      { job: daily.job, rule: { pattern: '0 8 * * *', timezone: BERLIN } },
    ]);
    stops.push(() => scheduler.stop());
    expect(await scheduler.start()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60 * 60_000 - 1_000); // 07:59:59 CEST
    expect(daily.runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    await runner.idle();
    expect(daily.runs.map((r) => r.at.slice(0, 16))).toEqual(['2026-10-24T06:00']);
    // 25 Oct is CET: 06:00Z is 07:00 local, no run yet; 07:00Z is 08:00 local.
    await jumpTo('2026-10-25T05:59:00Z');
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(daily.runs).toHaveLength(1);
    await jumpTo('2026-10-25T06:58:00Z');
    await vi.advanceTimersByTimeAsync(60_000); // 07:59:30 CET
    expect(daily.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(31_000);
    await runner.idle();
    expect(daily.runs.map((r) => r.at.slice(0, 16))).toEqual(['2026-10-24T06:00', '2026-10-25T07:00']);
    const record = jobRecordOf(await kv.all(), 'dailyPipeline');
    expect(record).toMatchObject({ lastStatus: 'ok', failures: 0 });
    expect(record.lastRun?.slice(0, 16)).toBe('2026-10-25T07:00');
  });

  it('catches up once at start when the last run was 3 days ago, then waits for the next 08:00', async () => {
    vi.setSystemTime(new Date('2026-11-21T10:00:00Z')); // 11:00 CET
    const kv = memoryKv({ [jobKey('dailyPipeline', 'lastRun')]: '2026-11-18T07:00:00.000Z' });
    const daily = recordingJob('dailyPipeline');
    const { scheduler, runner } = start(kv, [
      { job: daily.job, rule: { pattern: '0 8 * * *', timezone: BERLIN } },
    ]);
    stops.push(() => scheduler.stop());
    expect(await scheduler.start()).toEqual(['dailyPipeline']);
    await runner.idle();
    expect(daily.runs).toHaveLength(1);
    expect(daily.runs[0]?.scheduledAt).toBe('2026-11-19T07:00:00.000Z');
    // The run counts for today: a restart now does not run it again.
    scheduler.stop();
    const again = start(kv, [{ job: daily.job, rule: { pattern: '0 8 * * *', timezone: BERLIN } }]);
    stops.push(() => again.scheduler.stop());
    expect(await again.scheduler.start()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await jumpTo('2026-11-22T06:59:00Z'); // 07:59 CET
    expect(daily.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(61_000);
    await again.runner.idle();
    expect(daily.runs.map((r) => r.at.slice(0, 16))).toEqual(['2026-11-21T10:00', '2026-11-22T07:00']);
  });

  it('does not catch up when the last run was today after 08:00', async () => {
    vi.setSystemTime(new Date('2026-11-21T15:00:00Z'));
    const kv = memoryKv({ [jobKey('dailyPipeline', 'lastRun')]: '2026-11-21T07:00:02.000Z' });
    const daily = recordingJob('dailyPipeline');
    const { scheduler, runner } = start(kv, [
      { job: daily.job, rule: { pattern: '0 8 * * *', timezone: BERLIN } },
    ]);
    stops.push(() => scheduler.stop());
    expect(await scheduler.start()).toEqual([]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await runner.idle();
    expect(daily.runs).toHaveLength(0);
  });

  it('runs the feedback poll every 10 minutes', async () => {
    vi.setSystemTime(new Date('2026-11-21T10:00:30Z'));
    const kv = memoryKv({ [jobKey('feedbackPoll', 'lastRun')]: '2026-11-21T10:00:00.000Z' });
    const poll = recordingJob('feedbackPoll');
    const { scheduler, runner } = start(kv, [
      { job: poll.job, rule: { pattern: '*/10 * * * *', timezone: BERLIN } },
    ]);
    stops.push(() => scheduler.stop());
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    await runner.idle();
    expect(poll.runs.map((r) => r.at.slice(11, 16))).toEqual([
      '10:10',
      '10:20',
      '10:30',
      '10:40',
      '10:50',
      '11:00',
    ]);
  });

  it('skips a tick while the same job still runs: never two at once, never a double run', async () => {
    vi.setSystemTime(new Date('2026-11-21T10:00:30Z'));
    const kv = memoryKv({ [jobKey('feedbackPoll', 'lastRun')]: '2026-11-21T10:00:00.000Z' });
    // Each run takes 25 minutes.
    const slow = recordingJob(
      'feedbackPoll',
      () => new Promise((resolve) => setTimeout(() => resolve({ status: 'ok' }), 25 * 60_000)),
    );
    const { scheduler, runner } = start(kv, [
      { job: slow.job, rule: { pattern: '*/10 * * * *', timezone: BERLIN } },
    ]);
    stops.push(() => scheduler.stop());
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000); // ticks 10:10 … 11:00
    expect(slow.maxConcurrent()).toBe(1);
    // 10:10 runs until 10:35 (10:20, 10:30 skipped); 10:40 runs until 11:05 (10:50, 11:00 skipped).
    expect(slow.runs.map((r) => r.at.slice(11, 16))).toEqual(['10:10', '10:40']);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await runner.idle();
    expect(slow.runs).toHaveLength(2);
  });

  it('runs different jobs one after the other, and records failures and cancellation', async () => {
    vi.setSystemTime(new Date('2026-11-21T10:00:00Z'));
    const kv = memoryKv({ [jobKey('b', 'failures')]: 2 });
    const order: string[] = [];
    const a = recordingJob('a', async () => {
      order.push('a start');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      order.push('a end');
      throw new Error('boom');
    });
    const b = recordingJob('b', async (ctx) => {
      order.push('b start');
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      return ctx.signal.aborted ? { status: 'cancelled', detail: 'stopped' } : { status: 'ok' };
    });
    const rule = { pattern: '0 8 * * *', timezone: BERLIN };
    const { scheduler, runner } = start(kv, [
      { job: a.job, rule },
      { job: b.job, rule },
    ]);
    stops.push(() => scheduler.stop());
    expect(await scheduler.start()).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(2_000);
    runner.stop('SIGTERM');
    await vi.advanceTimersByTimeAsync(60_000);
    await runner.idle();
    expect(order).toEqual(['a start', 'a end', 'b start']);
    const values = await kv.all();
    expect(jobRecordOf(values, 'a')).toMatchObject({ lastStatus: 'failed', lastError: 'boom', failures: 1 });
    expect(jobRecordOf(values, 'a').lastRun).toBeDefined();
    const recordB = jobRecordOf(values, 'b');
    expect(recordB).toMatchObject({ lastStatus: 'cancelled', lastDetail: 'stopped', failures: 2 });
    // A cancelled run covers nothing: the next start catches it up.
    expect(recordB.lastRun).toBeUndefined();
  });
});
