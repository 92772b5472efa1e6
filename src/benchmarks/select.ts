/** Which merged benchmarks to show: this week's best (chat, CLI) and the new high scorers (digest). */
import type { MergedBenchmark } from './schemas.ts';

const DAY_MS = 86_400_000;

/** What users see: the candidates the LLM judged not a benchmark stay stored but are left out. */
export const shownBenchmarks = (merged: readonly MergedBenchmark[]): MergedBenchmark[] =>
  merged.filter((b) => b.isBenchmark !== false);

const byScore = (a: MergedBenchmark, b: MergedBenchmark): number =>
  (b.score ?? -1) - (a.score ?? -1) || (a.firstSeenAt < b.firstSeenAt ? 1 : -1);

/** Benchmarks first seen in the last `days` days, best score first (unscored last). */
export function recentBest(
  merged: readonly MergedBenchmark[],
  now: Date,
  days: number,
  limit: number,
  options: { all?: boolean } = {},
): MergedBenchmark[] {
  const since = now.getTime() - days * DAY_MS;
  return (options.all ? [...merged] : shownBenchmarks(merged))
    .filter((b) => Date.parse(b.firstSeenAt) >= since)
    .sort(byScore)
    .slice(0, limit);
}

/** Benchmarks first seen since `since` whose score reaches `minScore`: the digest's section. */
export function newHighScoring(
  merged: readonly MergedBenchmark[],
  since: Date,
  minScore: number,
): MergedBenchmark[] {
  return shownBenchmarks(merged)
    .filter((b) => Date.parse(b.firstSeenAt) >= since.getTime() && (b.score ?? -1) >= minScore)
    .sort(byScore);
}

/** The benchmark's main URL: its paper, else its repository, else its dataset. */
export function mainUrl(b: MergedBenchmark): string {
  return b.urls.arxiv[0] ?? b.urls.github[0] ?? b.urls.huggingface[0] ?? b.id;
}

export function benchmarkLine(b: MergedBenchmark): string {
  const score = b.score === null ? 'unscored' : `${b.score.toFixed(1)}/10`;
  const task = b.task.length > 0 ? ` — ${b.task.slice(0, 2).join(', ')}` : '';
  const popularity = [
    b.popularity.stars !== undefined ? `★${b.popularity.stars}` : '',
    b.popularity.downloads !== undefined ? `⬇${b.popularity.downloads}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `${b.name} (${score}; ${b.sources.join('+')}${popularity ? `; ${popularity}` : ''})${task} ${mainUrl(b)}`;
}
