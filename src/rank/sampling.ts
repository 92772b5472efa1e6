/**
 * Which scored papers become today's picks: mostly the best scores, plus a share drawn from
 * the papers the classifier is least sure about, so the user's reactions keep teaching it.
 * Pure and deterministic under a seed.
 */
import { createRandom, sampleIndices } from './prng.ts';

export type PickReason = 'top' | 'explore';

export interface Scored {
  id: string;
  score: number;
}

export interface Pick extends Scored {
  reason: PickReason;
  model: string;
}

export interface SampleOptions {
  model: string;
  count: number;
  exploreShare: number;
  seed: number;
  /** Ids never picked (already shown, near-duplicates). */
  exclude?: ReadonlySet<string>;
  /** The score of maximal uncertainty: 0.5 for probabilities. */
  uncertainCenter?: number;
  /** Explore picks are drawn from this many times as many most-uncertain candidates. */
  explorePoolFactor?: number;
}

const byScore = (a: Scored, b: Scored): number =>
  b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function samplePicks(candidates: readonly Scored[], options: SampleOptions): Pick[] {
  const seen = new Set<string>();
  const eligible = [...candidates]
    .filter((c) => !options.exclude?.has(c.id) && !seen.has(c.id) && seen.add(c.id))
    .sort(byScore);
  const count = Math.min(options.count, eligible.length);
  const exploreCount = Math.min(Math.round(count * options.exploreShare), count);
  const top = eligible.slice(0, count - exploreCount);
  const rest = eligible.slice(top.length);
  const center = options.uncertainCenter ?? 0.5;
  const uncertain = [...rest].sort(
    (a, b) => Math.abs(a.score - center) - Math.abs(b.score - center) || byScore(a, b),
  );
  const pool = uncertain.slice(0, Math.max(exploreCount * (options.explorePoolFactor ?? 3), exploreCount));
  const drawn = sampleIndices(pool.length, exploreCount, createRandom(options.seed)).map((i) => pool[i]);
  const picks: Pick[] = top.map((c) => ({ id: c.id, score: c.score, reason: 'top', model: options.model }));
  for (const c of drawn)
    if (c) picks.push({ id: c.id, score: c.score, reason: 'explore', model: options.model });
  return picks;
}

/** The median score: the uncertainty center for similarity scores, which are not probabilities. */
export function medianScore(candidates: readonly Scored[]): number {
  const sorted = candidates.map((c) => c.score).sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
