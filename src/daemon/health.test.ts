import { describe, expect, it } from 'vitest';
import { formatHealth, formatLocal, type HealthInput } from './health.ts';

const base: HealthInput = {
  timezone: 'Europe/Berlin',
  holder: { pid: 42, command: 'daemon', since: '2026-11-21T06:00:00.000Z' },
  jobs: [
    {
      name: 'dailyPipeline',
      pattern: '0 8 * * *',
      record: {
        lastStart: '2026-11-21T07:00:00.000Z',
        lastStatus: 'failed',
        lastDetail: 'partial, run r1',
        lastError: 'failed steps: summarize',
        failures: 2,
      },
      next: new Date('2026-11-22T07:00:00.000Z'),
    },
    {
      name: 'feedbackPoll',
      pattern: '*/10 * * * *',
      record: { failures: 0 },
      next: new Date('2026-11-21T10:10:00.000Z'),
    },
  ],
  lastPipeline: {
    runId: 'r1',
    status: 'partial',
    startedAt: '2026-11-21T07:00:00.000Z',
    failedSteps: ['summarize'],
    errors: 3,
  },
  spend: { todayUsd: 0.01234, budgetUsd: 2 },
};

describe('formatHealth', () => {
  it('prints the daemon, each job with last run, outcome, next run and failures, the last run and spend', () => {
    expect(formatHealth(base)).toEqual([
      'daemon: running (pid 42, since 2026-11-21 07:00)',
      'dailyPipeline [0 8 * * *]: last 2026-11-21 08:00 failed (partial, run r1): failed steps: summarize; next 2026-11-22 08:00, 2 failure(s) in a row',
      'feedbackPoll [*/10 * * * *]: never run; next 2026-11-21 11:10',
      'last pipeline run r1 at 2026-11-21 08:00: partial, failed steps: summarize, 3 error(s)',
      'LLM today: $0.0123 of $2.00 budget',
      '(times in Europe/Berlin)',
    ]);
  });

  it('calls a job left "running" by a daemon that is gone interrupted', () => {
    const lines = formatHealth({
      ...base,
      holder: undefined,
      jobs: [
        {
          name: 'dailyPipeline',
          pattern: '0 8 * * *',
          record: { lastStart: '2026-11-21T07:00:00.000Z', lastStatus: 'running', failures: 0 },
          next: undefined,
        },
      ],
      lastPipeline: undefined,
      spend: undefined,
    });
    expect(lines).toEqual([
      'daemon: not running',
      'dailyPipeline [0 8 * * *]: last 2026-11-21 08:00 interrupted; no next run',
      'last pipeline run: none yet',
      '(times in Europe/Berlin)',
    ]);
  });

  it('says which command holds the state when it is not a daemon', () => {
    const [line] = formatHealth({
      ...base,
      holder: { pid: 7, command: 'run --once', since: '2026-11-21T06:00:00.000Z' },
    });
    expect(line).toBe(
      'daemon: not running (the state is held by "radar run --once", pid 7, since 2026-11-21 07:00)',
    );
  });

  it('formats local times on both sides of a DST change', () => {
    expect(formatLocal(new Date('2026-10-24T06:00:00Z'), 'Europe/Berlin')).toBe('2026-10-24 08:00');
    expect(formatLocal(new Date('2026-10-25T07:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25 08:00');
  });
});
