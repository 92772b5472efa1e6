/**
 * The pure part of collecting papers: which window to fetch, which papers to keep, and the
 * words the command prints. Days are UTC, as arXiv's submittedDate is.
 */
import { UsageError } from '../core/errors.ts';
import { addDays } from '../core/local-day.ts';
import type { DateWindow } from './paper-source.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export interface WindowInput {
  since?: string | undefined;
  until?: string | undefined;
  /** The end of the last window written in full, from the cursor. */
  lastSuccess?: string | undefined;
  today: string;
  firstRunDays: number;
}

/**
 * The window to collect. Without flags: from the last successful collect to today, but always
 * at least the last `firstRunDays` days, because arXiv lists a paper only after its
 * announcement (up to three days after submission over a weekend) and a window that starts
 * later would miss it for good. Re-fetched papers count as unchanged.
 */
export function computeWindow(input: WindowInput): DateWindow {
  for (const [flag, value] of [
    ['--since', input.since],
    ['--until', input.until],
  ] as const) {
    if (value !== undefined && !isDay(value))
      throw new UsageError(`${flag} must be a date as YYYY-MM-DD, got "${value}"`);
  }
  const until = input.until ?? input.today;
  const earliestDefault = addDays(until, -input.firstRunDays);
  const fromCursor =
    input.lastSuccess !== undefined && input.lastSuccess < earliestDefault ? input.lastSuccess : undefined;
  const since = input.since ?? fromCursor ?? earliestDefault;
  if (since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return { since, until };
}

export function windowDays(window: DateWindow): string[] {
  const days: string[] = [];
  for (let day = window.since; day <= window.until; day = addDays(day, 1)) days.push(day);
  return days;
}

export function isWeekendOnly(window: DateWindow): boolean {
  return windowDays(window).every((day) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6;
  });
}

/** True when a paper is in one of the wanted categories (`cs` stands for every `cs.*`). */
export function inCategories(paperCategories: readonly string[], wanted: readonly string[]): boolean {
  return paperCategories.some((c) =>
    wanted.some((w) => c === w || (!w.includes('.') && c.startsWith(`${w}.`))),
  );
}

export interface CollectCounts {
  added: number;
  updated: number;
  unchanged: number;
  pages: number;
  skipped: number;
}

export function formatWindow(window: DateWindow): string {
  return `${window.since} → ${window.until}`;
}

/** `new 12, updated 3, unchanged 40 (window 2026-11-18 → 2026-11-21, categories cs.AI, cs.CL)` */
export function formatCounts(
  counts: CollectCounts,
  window: DateWindow,
  categories: readonly string[],
): string {
  return `new ${counts.added}, updated ${counts.updated}, unchanged ${counts.unchanged} (window ${formatWindow(window)}, categories ${categories.join(', ')})`;
}

/** Why nothing was new, in words a user can act on. */
export function zeroNewReason(
  counts: CollectCounts,
  window: DateWindow,
  categories: readonly string[],
  today: string,
): string {
  const found = counts.updated + counts.unchanged;
  const reasons = [
    found > 0
      ? `all ${found} papers arXiv listed for ${formatWindow(window)} in ${categories.join(', ')} were already stored`
      : `arXiv listed no paper submitted ${formatWindow(window)} in ${categories.join(', ')}`,
  ];
  if (isWeekendOnly(window))
    reasons.push('the window covers only a weekend, and arXiv announces nothing on weekends');
  if (window.until >= today) {
    reasons.push(
      "papers submitted today appear only after arXiv's next announcement (20:00 US Eastern, Sunday to Thursday)",
    );
  }
  return `no new papers: ${reasons.join('; ')}.`;
}
