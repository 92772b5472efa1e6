import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { missedRun, nextRunAfter, nextRunsAfter, validateRule } from './schedule.ts';

const daily = { pattern: '0 8 * * *', timezone: 'Europe/Berlin' };
const at = (iso: string): Date => new Date(iso);

describe('nextRunAfter', () => {
  it('finds 08:00 in the configured zone on both sides of the autumn DST change', () => {
    // 24 Oct is CEST (UTC+2), 25 Oct is CET (UTC+1).
    expect(nextRunAfter(daily, at('2026-10-24T05:59:00Z'))?.toISOString()).toBe('2026-10-24T06:00:00.000Z');
    expect(nextRunAfter(daily, at('2026-10-24T06:00:00Z'))?.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('finds 08:00 across the spring DST change', () => {
    expect(nextRunsAfter(daily, at('2026-03-28T00:00:00Z'), 2).map((d) => d.toISOString())).toEqual([
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
    ]);
  });

  it('rejects a rule croner cannot parse with a config error naming it', () => {
    expect(() => validateRule({ pattern: '99 8 * * *', timezone: 'UTC' })).toThrow(ConfigError);
    expect(() => validateRule({ pattern: '99 8 * * *', timezone: 'UTC' })).toThrow(/"99 8 \* \* \*"/);
  });
});

describe('missedRun (catch-up at start)', () => {
  it('stands in for one run when the last run was 3 days ago, the first missed time', () => {
    const missed = missedRun(daily, at('2026-11-18T07:30:00Z'), at('2026-11-21T10:00:00Z'));
    expect(missed?.toISOString()).toBe('2026-11-19T07:00:00.000Z');
  });

  it('is not due when the last run was today after 08:00', () => {
    expect(missedRun(daily, at('2026-11-21T07:00:05Z'), at('2026-11-21T15:00:00Z'))).toBeUndefined();
  });

  it('is not due before today’s 08:00 when yesterday’s ran', () => {
    expect(missedRun(daily, at('2026-11-20T07:00:00Z'), at('2026-11-21T06:59:59Z'))).toBeUndefined();
    expect(missedRun(daily, at('2026-11-20T07:00:00Z'), at('2026-11-21T07:00:00Z'))?.toISOString()).toBe(
      '2026-11-21T07:00:00.000Z',
    );
  });

  it('is due at once for a job that never ran', () => {
    const now = at('2026-11-21T10:00:00Z');
    expect(missedRun(daily, undefined, now)).toEqual(now);
  });
});
