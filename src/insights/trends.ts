/**
 * Which keys (tags, keyphrases, benchmark names…) are growing: the share of items carrying a key in a
 * recent window against its share in the baseline window just before it. Pure and generic — the paper
 * trends and the benchmark radar's weekly report both call it.
 *
 * Windows, with `end` inclusive:
 * - window:   the `windowDays` days ending on `end`;
 * - baseline: the `baselineDays` days ending the day before the window starts.
 * Items dated outside both are ignored; an item counts once per key however often it lists it.
 *
 * Shares are relative to the number of items in each window (windowShare = windowCount / windowItems).
 * growth = windowShare / max(baselineShare, smoothing), with smoothing = 0.5 / baselineItems: a key
 * absent from the baseline is treated as if half an item had carried it there, so its growth is finite
 * and grows with its window count instead of being infinite. Without any baseline item there is nothing
 * to compare with and no trend is returned.
 *
 * Growth alone rewards rare keys (2 papers against 0 is "×8"), so each key that meets the minimum
 * counts is also tested: the log-likelihood ratio of its window and baseline shares, a p-value, and
 * a Benjamini–Hochberg q-value over every key tested. Trends are ranked by the ratio (the
 * strongest evidence of a change first) and, with `maxFdr`, kept only when q ≤ maxFdr.
 */
import { addDays } from '../core/local-day.ts';
import { benjaminiHochberg, chiSquare1PValue, logLikelihoodRatio } from './significance.ts';

export interface TrendItem {
  id: string;
  /** `YYYY-MM-DD` */
  date: string;
  keys: readonly string[];
}

export interface TrendOptions {
  /** Last day of the window, inclusive, `YYYY-MM-DD`. */
  end: string;
  windowDays: number;
  baselineDays: number;
  /** Minimum growth to report, e.g. 1.5. */
  minGrowth: number;
  /** Minimum number of window items carrying the key. */
  minWindowCount: number;
  /** Minimum number of baseline items carrying the key (default 0: new keys may trend). */
  minBaselineCount?: number;
  /** Example item ids per trend (default 3), newest first. */
  examples?: number;
  /** Keep only keys whose Benjamini–Hochberg q-value is at most this (default 1: every key). */
  maxFdr?: number;
  /**
   * Split the baseline into slices of this many days (from its end); with two slices or more, a
   * key grows only when its window share is above its share in every slice: a phrase that runs at
   * a steady rate and was as frequent in some earlier slice is no trend. Off when absent.
   */
  sliceDays?: number;
}

export interface Trend {
  key: string;
  windowCount: number;
  baselineCount: number;
  windowShare: number;
  baselineShare: number;
  growth: number;
  /** Log-likelihood ratio G² of the window share against the baseline share. */
  llr: number;
  pValue: number;
  /** The p-value adjusted for every key tested (Benjamini–Hochberg). */
  qValue: number;
  /** Ids of window items carrying the key, newest first. */
  examples: string[];
}

/** Half an item: the baseline share floor for keys the baseline never saw. */
export const BASELINE_SMOOTHING_ITEMS = 0.5;
const DEFAULT_EXAMPLES = 3;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface TrendWindows {
  windowStart: string;
  baselineStart: string;
  baselineEnd: string;
}

/** The first days of the window and of the baseline, and the baseline's last day. */
export function trendWindows(end: string, windowDays: number, baselineDays: number): TrendWindows {
  const windowStart = addDays(end, -(windowDays - 1));
  const baselineEnd = addDays(windowStart, -1);
  return { windowStart, baselineEnd, baselineStart: addDays(baselineEnd, -(baselineDays - 1)) };
}

function checkOptions(options: TrendOptions): void {
  if (!DAY.test(options.end) || Number.isNaN(Date.parse(`${options.end}T00:00:00Z`))) {
    throw new RangeError(`trends: end must be a YYYY-MM-DD day, got "${options.end}"`);
  }
  for (const name of ['windowDays', 'baselineDays'] as const) {
    const value = options[name];
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`trends: ${name} must be a positive integer, got ${value}`);
    }
  }
}

interface KeyTally {
  window: string[];
  baseline: number;
  /** Baseline items carrying the key, per slice (slice 0 ends on the baseline's last day). */
  slices: number[];
}

interface Tallies {
  windowItems: number;
  baselineItems: number;
  sliceItems: number[];
  keys: Map<string, KeyTally>;
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function tally(
  items: ReadonlyArray<TrendItem>,
  windows: TrendWindows,
  end: string,
  sliceDays: number,
): Tallies {
  const result: Tallies = { windowItems: 0, baselineItems: 0, sliceItems: [], keys: new Map() };
  const sorted = [...items].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  for (const item of sorted) {
    const day = item.date.slice(0, 10);
    const inWindow = day >= windows.windowStart && day <= end;
    const inBaseline = day >= windows.baselineStart && day <= windows.baselineEnd;
    if (!inWindow && !inBaseline) continue;
    const slice = inWindow ? -1 : Math.floor(daysBetween(day, windows.baselineEnd) / sliceDays);
    if (inWindow) result.windowItems++;
    else {
      result.baselineItems++;
      result.sliceItems[slice] = (result.sliceItems[slice] ?? 0) + 1;
    }
    for (const key of new Set(item.keys)) {
      const entry = result.keys.get(key) ?? { window: [], baseline: 0, slices: [] };
      if (inWindow) entry.window.push(item.id);
      else {
        entry.baseline++;
        entry.slices[slice] = (entry.slices[slice] ?? 0) + 1;
      }
      result.keys.set(key, entry);
    }
  }
  return result;
}

/** Growing keys, the most significant first (ties: growth, window items, key). */
export function computeTrends(items: ReadonlyArray<TrendItem>, options: TrendOptions): Trend[] {
  checkOptions(options);
  const windows = trendWindows(options.end, options.windowDays, options.baselineDays);
  const sliceDays = options.sliceDays ?? options.baselineDays;
  const { windowItems, baselineItems, sliceItems, keys } = tally(items, windows, options.end, sliceDays);
  const steady = (entry: KeyTally, windowShare: number): boolean =>
    sliceItems.filter((n) => n > 0).length >= 2 &&
    sliceItems.some((n, i) => n > 0 && (entry.slices[i] ?? 0) / n >= windowShare);
  if (windowItems === 0 || baselineItems === 0) return [];
  const smoothing = BASELINE_SMOOTHING_ITEMS / baselineItems;
  const minBaseline = options.minBaselineCount ?? 0;
  const exampleCount = options.examples ?? DEFAULT_EXAMPLES;
  const tested: Trend[] = [];
  const steadyKeys = new Set<string>();
  for (const [key, entry] of keys) {
    const windowCount = entry.window.length;
    if (windowCount < options.minWindowCount || entry.baseline < minBaseline) continue;
    const windowShare = windowCount / windowItems;
    if (steady(entry, windowShare)) steadyKeys.add(key);
    const baselineShare = entry.baseline / baselineItems;
    const llr = logLikelihoodRatio(windowCount, windowItems, entry.baseline, baselineItems);
    tested.push({
      key,
      windowCount,
      baselineCount: entry.baseline,
      windowShare,
      baselineShare,
      growth: windowShare / Math.max(baselineShare, smoothing),
      llr,
      pValue: chiSquare1PValue(llr),
      qValue: 1,
      examples: entry.window.slice(0, exampleCount),
    });
  }
  const q = benjaminiHochberg(tested.map((t) => t.pValue));
  tested.forEach((t, i) => {
    t.qValue = q[i] ?? 1;
  });
  const maxFdr = options.maxFdr ?? 1;
  return tested
    .filter(
      (t) =>
        t.growth >= options.minGrowth &&
        t.windowShare > t.baselineShare &&
        t.qValue <= maxFdr &&
        !steadyKeys.has(t.key),
    )
    .sort(
      (a, b) =>
        b.llr - a.llr || b.growth - a.growth || b.windowCount - a.windowCount || a.key.localeCompare(b.key),
    );
}
