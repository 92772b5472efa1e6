import { describe, expect, it } from 'vitest';
import { runCosts } from '../src/cli/commands/costs.ts';
import { createContext } from '../src/cli/context.ts';
import { createLedgerStore } from '../src/store/ledger-store.ts';
import type { LedgerEntry } from '../src/store/schemas.ts';
import { runCli } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();

function row(at: string, costUsd: number, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    at,
    provider: 'default',
    model: 'gpt-4o-mini',
    purpose: 'summary',
    inputTokens: 2000,
    outputTokens: 300,
    costUsd,
    latencyMs: 800,
    ok: true,
    ...extra,
  };
}

async function seed(stateDir: string): Promise<void> {
  await createLedgerStore(stateDir).append([
    row('2026-10-30T10:00:00.000Z', 3), // previous month, inside a 30-day window only
    row('2026-11-15T10:00:00.000Z', 0.4, { purpose: 'tags' }),
    row('2026-11-21T08:00:00.000Z', 0.6),
    row('2026-11-21T09:00:00.000Z', 0, { ok: false, error: 'network: timed out', outputTokens: 0 }),
  ]);
}

describe('radar costs', () => {
  it('prints spend by day, model and purpose with today’s budget use', async () => {
    const cwd = tempDir();
    await seed(`${cwd}/state`);
    const ctx = createContext({ state: 'state' }, cwd);
    const lines: string[] = [];
    const clock = { now: () => new Date('2026-11-21T12:00:00Z') };
    expect(await runCosts(ctx, {}, (l) => lines.push(l), clock)).toBe(0);
    expect(lines[0]).toBe('LLM spend, last 7 days (UTC): $1.00 in 3 calls (1 failed)');
    expect(lines.filter((l) => /^ {2}2026-11-\d\d /.test(l))).toHaveLength(7);
    expect(lines.find((l) => l.startsWith('  2026-11-21'))).toMatch(/\$0\.60\s+2 calls, 1 failed/);
    expect(lines.find((l) => l.startsWith('  default/gpt-4o-mini'))).toMatch(/\$1\.00\s+3 calls/);
    expect(lines.find((l) => l.startsWith('  tags'))).toMatch(/\$0\.40\s+1 calls/);
    expect(lines.at(-1)).toBe('today: $0.60 of the $2.00 daily budget (30%)');

    const month: string[] = [];
    await runCosts(ctx, { days: '30' }, (l) => month.push(l), clock);
    expect(month[0]).toBe('LLM spend, last 30 days (UTC): $4.00 in 4 calls (1 failed)');
  });

  it('runs as a command and rejects a bad --days', () => {
    const cwd = tempDir();
    const ok = runCli(['costs', '--days', '2'], { cwd });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^LLM spend, last 2 days \(UTC\): \$0\.00 in 0 calls\n/);
    const bad = runCli(['costs', '--days', 'zero'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--days must be a whole number');
  });
});
