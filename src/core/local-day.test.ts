import { describe, expect, it } from 'vitest';
import { addDays, daysEndingOn, localDay } from './local-day.ts';

describe('localDay', () => {
  it('uses the calendar of the time zone, not UTC', () => {
    const lateUtc = new Date('2026-11-21T23:30:00Z');
    expect(localDay(lateUtc, 'UTC')).toBe('2026-11-21');
    expect(localDay(lateUtc, 'Asia/Tokyo')).toBe('2026-11-22');
    expect(localDay(new Date('2026-11-21T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-20');
  });
});

describe('addDays and daysEndingOn', () => {
  it('cross month and leap-year boundaries', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysEndingOn('2026-11-02', 3)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
  });
});
