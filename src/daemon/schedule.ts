/**
 * When jobs are due: next run times of a cron rule in a time zone, and the catch-up decision at
 * start. Pure: croner is used only to compute dates (a paused job starts no timer).
 */
import { Cron } from 'croner';
import { ConfigError } from '../core/errors.ts';

/** A cron rule in a time zone, ready to answer "when next". */
export interface Rule {
  readonly pattern: string;
  readonly timezone: string;
}

function cronOf(rule: Rule): Cron {
  try {
    return new Cron(rule.pattern, { timezone: rule.timezone, paused: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`schedule rule "${rule.pattern}" is not a valid cron rule: ${reason}`);
  }
}

/** Throws a ConfigError naming the rule when croner cannot parse it. */
export function validateRule(rule: Rule): void {
  cronOf(rule);
}

/** The first scheduled time strictly after `after`, or undefined when the rule never fires again. */
export function nextRunAfter(rule: Rule, after: Date): Date | undefined {
  return cronOf(rule).nextRun(after) ?? undefined;
}

/** The next `count` scheduled times strictly after `after`. */
export function nextRunsAfter(rule: Rule, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  let from = after;
  for (let i = 0; i < count; i++) {
    const next = nextRunAfter(rule, from);
    if (!next) break;
    runs.push(next);
    from = next;
  }
  return runs;
}

/**
 * The scheduled time a start-up catch-up run stands in for, or undefined when nothing was missed:
 * the first scheduled time after the last run, if it has already passed. However many times were
 * missed, this is one decision, so the job runs once. A job that never ran is due at once.
 */
export function missedRun(rule: Rule, lastRun: Date | undefined, now: Date): Date | undefined {
  if (lastRun === undefined) return now;
  const next = nextRunAfter(rule, lastRun);
  return next !== undefined && next.getTime() <= now.getTime() ? next : undefined;
}
