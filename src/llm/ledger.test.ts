import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { silentLogger } from '../log/logger.ts';
import { createLedgerStore } from '../store/ledger-store.ts';
import type { LedgerEntry } from '../store/schemas.ts';
import { createBudgetGuard } from './budget.ts';
import { createLedger, monthsOfDay } from './ledger.ts';

const tempDir = useTempDirs();

function entry(at: string, costUsd: number, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    at,
    provider: 'default',
    model: 'gpt-4o-mini',
    purpose: 'summary',
    inputTokens: 100,
    outputTokens: 10,
    costUsd,
    latencyMs: 5,
    ok: true,
    ...extra,
  };
}

describe('ledger', () => {
  it('shards rows by UTC month and reads them back', async () => {
    const store = createLedgerStore(tempDir());
    await store.append([entry('2026-10-31T23:00:00.000Z', 0.1), entry('2026-11-01T01:00:00.000Z', 0.2)]);
    expect(await store.months()).toEqual(['2610', '2611']);
    expect((await store.readMonths(['2611'])).map((r) => r.costUsd)).toEqual([0.2]);
  });

  it('sums a local day across month files and keeps the total current after appends', async () => {
    const store = createLedgerStore(tempDir());
    // 2026-11-01 in Tokyo runs from 2026-10-31T15:00Z to 2026-11-01T15:00Z.
    await store.append([
      entry('2026-10-31T14:59:00.000Z', 5),
      entry('2026-10-31T16:00:00.000Z', 0.25),
      entry('2026-11-01T10:00:00.000Z', 0.5),
    ]);
    const ledger = createLedger({ store }, { timezone: 'Asia/Tokyo' });
    expect(await ledger.spentOn('2026-11-01')).toBeCloseTo(0.75);
    await Promise.all([
      ledger.record(entry('2026-11-01T11:00:00.000Z', 0.125)),
      ledger.record(entry('2026-11-01T12:00:00.000Z', 0.125)),
    ]);
    expect(await ledger.spentOn('2026-11-01')).toBeCloseTo(1);
    const fresh = createLedger({ store }, { timezone: 'Asia/Tokyo' });
    expect(await fresh.spentOn('2026-11-01')).toBeCloseTo(1);
    expect(monthsOfDay('2026-11-01')).toEqual(['2610', '2611']);
  });

  it('counts a row recorded while a day is being read exactly once', async () => {
    const store = createLedgerStore(tempDir());
    const ledger = createLedger({ store }, { timezone: 'UTC' });
    const recorded = ledger.record(entry('2026-11-21T10:00:00.000Z', 0.3));
    const spent = ledger.spentOn('2026-11-21');
    const later = ledger.record(entry('2026-11-21T10:01:00.000Z', 0.2));
    await Promise.all([recorded, later]);
    expect(await spent).toBeCloseTo(0.3);
    expect(await ledger.spentOn('2026-11-21')).toBeCloseTo(0.5);
  });
});

describe('budget guard', () => {
  it('stops at the budget, alerts once per day, and starts again the next day', async () => {
    const store = createLedgerStore(tempDir());
    const ledger = createLedger({ store }, { timezone: 'UTC' });
    let now = new Date('2026-11-21T09:00:00Z');
    const alerts: string[] = [];
    const guard = createBudgetGuard(
      { ledger, clock: { now: () => now }, logger: silentLogger(), alert: (kind) => alerts.push(kind) },
      { dailyUsd: 1, timezone: 'UTC' },
    );
    expect(await guard.check()).toEqual({ ok: true });
    await ledger.record(entry('2026-11-21T09:00:00.000Z', 1));
    const stopped = await guard.check();
    expect(stopped.ok).toBe(false);
    if (!stopped.ok)
      expect(stopped.message).toMatch(/daily LLM budget reached: \$1\.00 spent on 2026-11-21 of \$1\.00/);
    await guard.check();
    expect(alerts).toEqual(['llm-budget']);
    now = new Date('2026-11-22T00:00:01Z');
    expect(await guard.check()).toEqual({ ok: true });
  });
});
