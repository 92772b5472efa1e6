/** `radar costs [--days N]`: LLM spend by day, model and purpose, with today's budget use. */
import { type Clock, systemClock } from '../../core/clock.ts';
import { UsageError } from '../../core/errors.ts';
import { addDays, localDay } from '../../core/local-day.ts';
import { formatCostsReport, summarizeCosts } from '../../llm/costs-report.ts';
import { ledgerMonth } from '../../store/ledger-store.ts';
import type { CommandContext } from '../context.ts';

export interface CostsFlags {
  days?: string;
}

export function parseDays(value: string | undefined): number {
  if (value === undefined) return 7;
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(days) || days < 1 || days > 3660)
    throw new UsageError(`--days must be a whole number of days from 1 to 3660, not "${value}"`);
  return days;
}

export async function runCosts(
  ctx: CommandContext,
  flags: CostsFlags,
  out: (line: string) => void,
  clock: Clock = systemClock,
): Promise<number> {
  const days = parseDays(flags.days);
  const { timezone } = ctx.loaded.config.schedule;
  const today = localDay(clock.now(), timezone);
  const store = ctx.stores.ledger;
  // One day of margin each side: a local day can start or end in another UTC month.
  const first = ledgerMonth(`${addDays(today, -days)}T00:00:00Z`);
  const last = ledgerMonth(`${addDays(today, 1)}T00:00:00Z`);
  const months = (await store.months()).filter((m) => m >= first && m <= last);
  const rows = await store.readMonths(months);
  const summary = summarizeCosts(rows, { today, days, timezone });
  const todaySpentUsd = summary.days.at(-1)?.costUsd ?? 0;
  const { dailyUsd } = ctx.loaded.config.budgets;
  for (const line of formatCostsReport(summary, { days, timezone, todaySpentUsd, dailyUsd })) out(line);
  return 0;
}
