import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.ts';
import { addDays } from '../core/local-day.ts';
import {
  type CollectCounts,
  computeWindow,
  dayOf,
  formatCounts,
  inCategories,
  isDay,
  isWeekendOnly,
  zeroNewReason,
} from './collect-window.ts';

// An injected clock: Saturday 21 November 2026, 14:00 UTC.
const now = new Date('2026-11-21T14:00:00Z');
const today = dayOf(now);
const counts = (over: Partial<CollectCounts> = {}): CollectCounts => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  pages: 1,
  skipped: 0,
  ...over,
});

describe('computeWindow', () => {
  it('takes the last firstRunDays days on a first run, ending today', () => {
    expect(computeWindow({ today, firstRunDays: 3 })).toEqual({ since: '2026-11-18', until: '2026-11-21' });
  });

  it('starts at the last success when it is older than the minimum window', () => {
    expect(computeWindow({ today, firstRunDays: 3, lastSuccess: '2026-11-10' })).toEqual({
      since: '2026-11-10',
      until: '2026-11-21',
    });
  });

  it('still reaches back firstRunDays after a recent success, so late announcements are caught', () => {
    expect(computeWindow({ today, firstRunDays: 3, lastSuccess: '2026-11-20' })).toEqual({
      since: '2026-11-18',
      until: '2026-11-21',
    });
  });

  it('uses the flags as given, and --until alone ends the default window', () => {
    expect(
      computeWindow({
        today,
        firstRunDays: 3,
        since: '2026-01-01',
        until: '2026-03-31',
        lastSuccess: '2026-11-20',
      }),
    ).toEqual({
      since: '2026-01-01',
      until: '2026-03-31',
    });
    expect(computeWindow({ today, firstRunDays: 2, until: '2026-03-31' })).toEqual({
      since: '2026-03-29',
      until: '2026-03-31',
    });
  });

  it.each([
    [{ since: '2026-13-01' }, '--since must be a date as YYYY-MM-DD, got "2026-13-01"'],
    [{ until: '21/11/2026' }, '--until must be a date'],
    [{ since: '2026-02-30' }, '--since must be a date'],
    [{ since: '2026-11-22', until: '2026-11-21' }, '--since 2026-11-22 is after --until 2026-11-21'],
  ])('refuses %o with a usage error (exit 2)', (flags, message) => {
    const run = () => computeWindow({ today, firstRunDays: 3, ...flags });
    expect(run).toThrow(UsageError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error instanceof UsageError && error.exitCode).toBe(2);
    }
  });
});

describe('day helpers', () => {
  it('validates calendar days and adds days across months and years', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('tells a weekend-only window', () => {
    expect(isWeekendOnly({ since: '2026-11-21', until: '2026-11-22' })).toBe(true);
    expect(isWeekendOnly({ since: '2026-11-22', until: '2026-11-22' })).toBe(true);
    expect(isWeekendOnly({ since: '2026-11-20', until: '2026-11-22' })).toBe(false);
    expect(isWeekendOnly({ since: '2026-11-23', until: '2026-11-23' })).toBe(false);
  });

  it('matches categories exactly, a bare archive matching all of its categories', () => {
    expect(inCategories(['cs.SE', 'cs.LG'], ['cs.LG'])).toBe(true);
    expect(inCategories(['cs.SE'], ['cs.LG', 'cs.AI'])).toBe(false);
    expect(inCategories(['cs.SE'], ['cs'])).toBe(true);
    expect(inCategories(['csx.SE'], ['cs'])).toBe(false);
  });
});

describe('output text', () => {
  it('prints the counts with the window and the categories', () => {
    expect(
      formatCounts(
        counts({ added: 12, updated: 3, unchanged: 40 }),
        { since: '2026-11-18', until: '2026-11-21' },
        ['cs.AI', 'cs.CL'],
      ),
    ).toBe('new 12, updated 3, unchanged 40 (window 2026-11-18 → 2026-11-21, categories cs.AI, cs.CL)');
  });

  it('explains an empty weekend window that ends today', () => {
    const reason = zeroNewReason(counts(), { since: '2026-11-21', until: '2026-11-22' }, ['cs.AI'], today);
    expect(reason).toBe(
      'no new papers: arXiv listed no paper submitted 2026-11-21 → 2026-11-22 in cs.AI; ' +
        'the window covers only a weekend, and arXiv announces nothing on weekends; ' +
        "papers submitted today appear only after arXiv's next announcement (20:00 US Eastern, Sunday to Thursday).",
    );
  });

  it('says that everything found was already stored, without a weekend note on weekdays', () => {
    const reason = zeroNewReason(
      counts({ unchanged: 7, updated: 1 }),
      { since: '2026-11-16', until: '2026-11-18' },
      ['cs.CL', 'cs.LG'],
      today,
    );
    expect(reason).toBe(
      'no new papers: all 8 papers arXiv listed for 2026-11-16 → 2026-11-18 in cs.CL, cs.LG were already stored.',
    );
  });
});
