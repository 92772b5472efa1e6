import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../store/schemas.ts';
import { formatCostsReport, summarizeCosts } from './costs-report.ts';

function row(at: string, costUsd: number, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    at,
    provider: 'default',
    model: 'gpt-4o-mini',
    purpose: 'summary',
    inputTokens: 1000,
    outputTokens: 100,
    costUsd,
    latencyMs: 10,
    ok: true,
    ...extra,
  };
}

const rows = [
  row('2026-11-10T10:00:00.000Z', 9), // outside the window
  row('2026-11-19T10:00:00.000Z', 0.5),
  row('2026-11-21T09:00:00.000Z', 0.25, { purpose: 'tags', model: 'deepseek-chat', provider: 'deepseek' }),
  row('2026-11-21T09:30:00.000Z', 0, { ok: false, error: 'network: timed out', outputTokens: 0 }),
  row('2026-11-21T23:30:00.000Z', 1), // 2026-11-22 in Berlin: tomorrow, outside the window
];

describe('summarizeCosts', () => {
  it('groups the window by day, model and purpose in the time zone', () => {
    const summary = summarizeCosts(rows, { today: '2026-11-21', days: 3, timezone: 'Europe/Berlin' });
    expect(summary.days.map((d) => [d.key, d.costUsd, d.calls])).toEqual([
      ['2026-11-19', 0.5, 1],
      ['2026-11-20', 0, 0],
      ['2026-11-21', 0.25, 2],
    ]);
    expect(summary.byModel.map((m) => [m.key, m.costUsd, m.calls])).toEqual([
      ['default/gpt-4o-mini', 0.5, 2],
      ['deepseek/deepseek-chat', 0.25, 1],
    ]);
    expect(summary.byPurpose.map((p) => p.key)).toEqual(['summary', 'tags']);
    expect(summary.total).toMatchObject({ costUsd: 0.75, calls: 3, failed: 1, inputTokens: 3000 });
  });
});

describe('formatCostsReport', () => {
  it('prints totals, the three breakdowns and today’s budget use', () => {
    const summary = summarizeCosts(rows, { today: '2026-11-21', days: 3, timezone: 'Europe/Berlin' });
    const lines = formatCostsReport(summary, {
      days: 3,
      timezone: 'Europe/Berlin',
      todaySpentUsd: 0.25,
      dailyUsd: 2,
    });
    expect(lines[0]).toBe('LLM spend, last 3 days (Europe/Berlin): $0.75 in 3 calls (1 failed)');
    expect(lines).toContain('by model');
    expect(lines.find((l) => l.includes('2026-11-21'))).toMatch(
      /\$0\.25\s+2 calls, 1 failed\s+2000 in \/ 100 out/,
    );
    expect(lines.at(-1)).toBe('today: $0.25 of the $2.00 daily budget (13%)');
  });

  it('says when today’s budget is reached', () => {
    const summary = summarizeCosts([], { today: '2026-11-21', days: 1, timezone: 'UTC' });
    const lines = formatCostsReport(summary, { days: 1, timezone: 'UTC', todaySpentUsd: 2, dailyUsd: 2 });
    expect(lines[0]).toBe('LLM spend, last 1 day (UTC): $0.00 in 0 calls');
    expect(lines.at(-1)).toMatch(/reached: no new LLM calls start today$/);
  });
});
