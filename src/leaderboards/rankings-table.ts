/** The rankings as flat records: the CSV's rows (one per model, freshness columns) and the CLI table. */
import type { ModelRanking } from './rankings.ts';

export const RANKING_COLUMNS = [
  'rank',
  'model_key',
  'name',
  'overall',
  'coverage',
  'coding_score',
  'coding_percentile',
  'coding_boards',
  'coding_as_of',
  'coding_stale',
  'tokens_per_second',
  'ttft_seconds',
  'performance_percentile',
  'performance_as_of',
  'performance_stale',
  'blended_usd_per_1m_tokens',
  'value_percentile',
  'value_as_of',
  'value_stale',
] as const;

export type RankingRecord = Record<(typeof RANKING_COLUMNS)[number], string | number | boolean | null>;

const round = (v: number | null | undefined, digits = 1): number | null =>
  v == null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

export function rankingRecords(models: readonly ModelRanking[]): RankingRecord[] {
  return models.map((m, i) => ({
    rank: i + 1,
    model_key: m.key,
    name: m.name,
    overall: round(m.overall),
    coverage: m.coverage,
    coding_score: round(m.coding?.score),
    coding_percentile: round(m.coding?.percentile),
    coding_boards: m.coding?.items ?? null,
    coding_as_of: m.coding?.asOf ?? null,
    coding_stale: m.coding ? m.coding.stale : null,
    tokens_per_second: round(m.performance?.tokensPerSecond),
    ttft_seconds: round(m.performance?.ttftSeconds, 3),
    performance_percentile: round(m.performance?.percentile),
    performance_as_of: m.performance?.asOf ?? null,
    performance_stale: m.performance ? m.performance.stale : null,
    blended_usd_per_1m_tokens: round(m.value?.blendedPerM, 4),
    value_percentile: round(m.value?.percentile),
    value_as_of: m.value?.asOf ?? null,
    value_stale: m.value ? m.value.stale : null,
  }));
}

const cell = (v: number | null | undefined, digits = 1) => (v == null ? '–' : v.toFixed(digits));
const stale = (part: { stale: boolean } | null) => (part?.stale ? '*' : '');

/** One line per model for the terminal and the chat: overall, the three parts, coverage; `*` marks stale. */
export function rankingLine(m: ModelRanking, rank: number): string {
  return [
    `#${rank}`.padEnd(4),
    m.name.slice(0, 40).padEnd(40),
    `overall ${cell(m.overall)}`.padEnd(13),
    `coding ${cell(m.coding?.score)}${stale(m.coding)}`.padEnd(13),
    `perf ${cell(m.performance?.percentile, 0)}${stale(m.performance)}`.padEnd(10),
    `$/1M ${cell(m.value?.blendedPerM, 2)}${stale(m.value)}`.padEnd(13),
    `coverage ${Math.round(m.coverage * 100)} %`,
  ].join(' ');
}
