/**
 * Model rankings from the latest snapshot of every board: coding (the item-response fit of
 * ./coding-fit.ts over the coding sub-tables), performance (Artificial Analysis throughput and
 * time to first token), value (OpenRouter's blended price per 1M tokens, 3:1 input to output as
 * Artificial Analysis blends it; dynamic-price sentinels and free variants left out).
 * Each part becomes a 0–100 percentile among the models that have it; the overall score is
 * 50 % coding + 30 % performance + 20 % value over the parts present, re-normalized by their
 * weight, whose sum is the coverage (1 = all three). No coding, no overall score.
 * Freshness: a category's as-of is the oldest snapshot that contributed to it; past 90 days it is stale.
 */
import { fitCodingScores } from './coding-fit.ts';
import type { BoardId, LeaderboardRow } from './leaderboard-row.ts';
import { createModelMatcher, type ModelMatcher, variantOf } from './model-key.ts';
import type { BoardSnapshot } from './snapshot.ts';

export const WEIGHTS = { coding: 0.5, performance: 0.3, value: 0.2 } as const;
export const STALE_DAYS = 90;
export const CATEGORIES = ['coding', 'performance', 'value'] as const;
export type Category = (typeof CATEGORIES)[number];

const CODING_BOARDS: ReadonlySet<BoardId> = new Set([
  'swebench',
  'evalplus',
  'livecodebench',
  'bigcodebench',
]);
/** Boards that are coding boards only in some sub-tables (LiveBench's coding categories, the Arena's WebDev). */
const PARTLY_CODING: ReadonlySet<BoardId> = new Set(['livebench', 'lmarena']);
const CODING_SUBBOARD = /cod|webdev|web-dev/i;

export function isCodingItem(board: BoardId, subboard: string): boolean {
  return CODING_BOARDS.has(board) || (PARTLY_CODING.has(board) && CODING_SUBBOARD.test(subboard));
}

export interface Freshness {
  asOf: string;
  stale: boolean;
}

export interface ModelRanking {
  key: string;
  name: string;
  coding: (Freshness & { score: number; percentile: number; items: number }) | null;
  performance:
    | (Freshness & { tokensPerSecond: number | null; ttftSeconds: number | null; percentile: number })
    | null;
  value: (Freshness & { blendedPerM: number; percentile: number }) | null;
  overall: number | null;
  coverage: number;
}

export interface UnmatchedName {
  board: BoardId;
  name: string;
}

export interface RankingsResult {
  models: ModelRanking[];
  unmatched: UnmatchedName[];
  /** Sub-tables used by the coding fit, with how many models each has. */
  codingItems: Array<{ item: string; models: number }>;
}

interface Acc {
  name: string;
  coding: Map<string, { score: number; day: string }>;
  tps: { value: number; day: string } | null;
  ttft: { value: number; day: string } | null;
  price: { value: number; day: string } | null;
}

function daysBetween(day: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}

function freshness(days: readonly string[], now: Date): Freshness {
  const asOf = [...days].sort()[0] ?? '';
  return { asOf, stale: daysBetween(asOf, now) > STALE_DAYS };
}

/** Percentile rank 0–100 of each value among all (ties share the mean rank); `higherIsBetter`. */
export function percentiles(
  values: ReadonlyMap<string, number>,
  higherIsBetter: boolean,
): Map<string, number> {
  const entries = [...values.entries()];
  const out = new Map<string, number>();
  if (entries.length === 1) {
    out.set(entries[0]?.[0] ?? '', 100);
    return out;
  }
  for (const [key, v] of entries) {
    let below = 0;
    let equal = 0;
    for (const [, w] of entries) {
      if (w === v) equal += 1;
      else if (higherIsBetter ? w < v : w > v) below += 1;
    }
    out.set(key, (100 * (below + (equal - 1) / 2)) / (entries.length - 1));
  }
  return out;
}

function blendedPrice(row: LeaderboardRow): number | null {
  if (row.metrics.free === 1 || row.metrics.dynamicPrice === 1) return null;
  const input = row.metrics.priceInPerM;
  const output = row.metrics.priceOutPerM;
  if (input === undefined || output === undefined || input < 0 || output < 0) return null;
  if (input === 0 && output === 0) return null;
  return (3 * input + output) / 4;
}

function accumulate(snapshots: readonly BoardSnapshot[], matcher: ModelMatcher) {
  const models = new Map<string, Acc>();
  const unmatched: UnmatchedName[] = [];
  const seenUnmatched = new Set<string>();
  const get = (key: string, name: string): Acc => {
    let acc = models.get(key);
    if (!acc) {
      acc = { name, coding: new Map(), tps: null, ttft: null, price: null };
      models.set(key, acc);
    }
    return acc;
  };
  for (const snap of snapshots) {
    for (const row of snap.rows) {
      if (row.flags.hidden || row.flags.contaminated) continue;
      const { key, matched } = matcher.resolve([...row.modelRefs, row.displayName]);
      if (!key) continue;
      if (!matched && !seenUnmatched.has(`${row.board}|${key}`)) {
        seenUnmatched.add(`${row.board}|${key}`);
        unmatched.push({ board: row.board, name: row.displayName });
      }
      const acc = get(key, row.displayName);
      if (row.score !== null && isCodingItem(row.board, row.subboard)) {
        const item = `${row.board}/${row.subboard}`;
        const prev = acc.coding.get(item);
        if (!prev || prev.score < row.score) acc.coding.set(item, { score: row.score, day: snap.day });
      }
      if (row.board === 'artificialanalysis') {
        const tps = row.metrics.outputTokensPerSecond;
        const ttft = row.metrics.ttftSeconds;
        if (tps !== undefined && tps > 0) acc.tps = { value: tps, day: snap.day };
        if (ttft !== undefined && ttft > 0) acc.ttft = { value: ttft, day: snap.day };
      }
      if (row.board === 'openrouter' && variantOf(key) !== 'free') {
        const price = blendedPrice(row);
        if (price !== null && (acc.price === null || price < acc.price.value))
          acc.price = { value: price, day: snap.day };
      }
    }
  }
  return { models, unmatched };
}

function knownKeys(snapshots: readonly BoardSnapshot[]): string[] {
  return snapshots.flatMap((s) => s.rows.flatMap((r) => r.modelRefs.filter((ref) => ref.includes('/'))));
}

export function buildRankings(
  snapshots: readonly BoardSnapshot[],
  aliases: Readonly<Record<string, string>>,
  now: Date,
): RankingsResult {
  const matcher = createModelMatcher(aliases, knownKeys(snapshots));
  const { models, unmatched } = accumulate(snapshots, matcher);
  const cells = [...models.entries()].flatMap(([model, acc]) =>
    [...acc.coding.entries()].map(([item, c]) => ({ model, item, score: c.score })),
  );
  const fit = fitCodingScores(cells);
  const perfRaw = new Map<string, number>();
  const tpsP = percentiles(new Map([...models].flatMap(([k, a]) => (a.tps ? [[k, a.tps.value]] : []))), true);
  const ttftP = percentiles(
    new Map([...models].flatMap(([k, a]) => (a.ttft ? [[k, a.ttft.value]] : []))),
    false,
  );
  for (const key of models.keys()) {
    const parts = [tpsP.get(key), ttftP.get(key)].filter((v): v is number => v !== undefined);
    if (parts.length > 0) perfRaw.set(key, parts.reduce((s, v) => s + v, 0) / parts.length);
  }
  const codingP = percentiles(fit.scores, true);
  const perfP = percentiles(perfRaw, true);
  const valueP = percentiles(
    new Map([...models].flatMap(([k, a]) => (a.price ? [[k, a.price.value]] : []))),
    false,
  );
  const ranked = [...models.entries()].map(([key, acc]): ModelRanking => {
    const codingScore = fit.scores.get(key);
    const coding =
      codingScore === undefined
        ? null
        : {
            score: codingScore,
            percentile: codingP.get(key) ?? 0,
            items: acc.coding.size,
            ...freshness(
              [...acc.coding.values()].map((c) => c.day),
              now,
            ),
          };
    const perfDays = [acc.tps?.day, acc.ttft?.day].filter((d): d is string => d !== undefined);
    const performance = perfRaw.has(key)
      ? {
          tokensPerSecond: acc.tps?.value ?? null,
          ttftSeconds: acc.ttft?.value ?? null,
          percentile: perfP.get(key) ?? 0,
          ...freshness(perfDays, now),
        }
      : null;
    const value = acc.price
      ? { blendedPerM: acc.price.value, percentile: valueP.get(key) ?? 0, ...freshness([acc.price.day], now) }
      : null;
    const parts: Array<[number, number]> = [];
    if (coding) parts.push([WEIGHTS.coding, coding.percentile]);
    if (performance) parts.push([WEIGHTS.performance, performance.percentile]);
    if (value) parts.push([WEIGHTS.value, value.percentile]);
    const coverage = parts.reduce((s, [w]) => s + w, 0);
    const overall = coding ? parts.reduce((s, [w, p]) => s + w * p, 0) / coverage : null;
    return {
      key,
      name: acc.name,
      coding,
      performance,
      value,
      overall,
      coverage: Math.round(coverage * 100) / 100,
    };
  });
  return {
    models: ranked.filter((m) => m.coding || m.performance || m.value),
    unmatched: unmatched.sort((a, b) => (a.board + a.name < b.board + b.name ? -1 : 1)),
    codingItems: [...fit.items.entries()].map(([item, i]) => ({ item, models: i.models })),
  };
}

export type SortKey = 'coding' | 'performance' | 'value' | 'overall';

function sortValue(m: ModelRanking, by: SortKey): number | null {
  if (by === 'overall') return m.overall;
  if (by === 'coding') return m.coding?.score ?? null;
  return m[by]?.percentile ?? null;
}

/** Best first; models without the sorted part last, then by key. */
export function sortRankings(models: readonly ModelRanking[], by: SortKey, minCoverage = 0): ModelRanking[] {
  return models
    .filter((m) => m.coverage >= minCoverage)
    .sort((a, b) => {
      const x = sortValue(a, by);
      const y = sortValue(b, by);
      if (x !== y) return y === null ? -1 : x === null ? 1 : y - x;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
}
