/**
 * The daily budget: before each call, today's spend (in the schedule's time zone) is compared
 * with `budgets.dailyUsd`. Once it is reached no new call starts, and the alert is raised once
 * per day.
 */
import type { Clock } from '../core/clock.ts';
import { localDay } from '../core/local-day.ts';
import type { Logger } from '../log/logger.ts';
import type { Ledger } from './ledger.ts';

export type AlertFn = (kind: string, message: string) => void;

export type BudgetCheck = { ok: true } | { ok: false; message: string };

export interface BudgetGuard {
  check(): Promise<BudgetCheck>;
  /** Today's spend and the budget, for reports. */
  status(): Promise<{ day: string; spentUsd: number; dailyUsd: number }>;
}

export function formatUsd(value: number): string {
  return `$${value.toFixed(value !== 0 && Math.abs(value) < 0.01 ? 4 : 2)}`;
}

export function createBudgetGuard(
  deps: { ledger: Ledger; clock: Clock; logger: Logger; alert?: AlertFn | undefined },
  options: { dailyUsd: number; timezone: string },
): BudgetGuard {
  let alertedOn: string | undefined;
  const status = async () => {
    const day = localDay(deps.clock.now(), options.timezone);
    return { day, spentUsd: await deps.ledger.spentOn(day), dailyUsd: options.dailyUsd };
  };
  return {
    status,
    async check() {
      const { day, spentUsd } = await status();
      if (spentUsd < options.dailyUsd) return { ok: true };
      const message = `daily LLM budget reached: ${formatUsd(spentUsd)} spent on ${day} of ${formatUsd(options.dailyUsd)} (budgets.dailyUsd); no new LLM call starts until tomorrow (${options.timezone})`;
      if (alertedOn !== day) {
        alertedOn = day;
        deps.logger.warn({ day, spentUsd, dailyUsd: options.dailyUsd }, message);
        deps.alert?.('llm-budget', message);
      }
      return { ok: false, message };
    },
  };
}
