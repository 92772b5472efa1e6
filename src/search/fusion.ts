/**
 * Fusing ranked lists (pure): reciprocal-rank fusion and weighted fusion of normalized scores.
 * A document missing from one list contributes nothing from it (RRF) or the list's minimum after
 * normalization, i.e. 0 (weighted).
 */
import { selectTopK } from './bm25/top-k.ts';

export interface Ranked {
  id: string;
  score: number;
}

export interface WeightedList {
  hits: readonly Ranked[];
  weight: number;
}

/** score(d) = Σ_lists w / (k + rank(d)), ranks from 1. */
export function reciprocalRankFusion(lists: readonly WeightedList[], k: number, limit: number): Ranked[] {
  const fused = new Map<string, number>();
  for (const { hits, weight } of lists) {
    hits.forEach((hit, i) => {
      fused.set(hit.id, (fused.get(hit.id) ?? 0) + weight / (k + i + 1));
    });
  }
  return topOf(fused, limit);
}

export type Normalization = 'minmax' | 'zscore';

function normalize(hits: readonly Ranked[], how: Normalization): Map<string, number> {
  const scores = hits.map((h) => h.score);
  const out = new Map<string, number>();
  if (scores.length === 0) return out;
  if (how === 'minmax') {
    const min = Math.min(...scores);
    const range = Math.max(...scores) - min;
    for (const h of hits) out.set(h.id, range > 0 ? (h.score - min) / range : 1);
    return out;
  }
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
  // z-scores shifted so a list's minimum maps to 0, like a missing document.
  const zMin = sd > 0 ? (Math.min(...scores) - mean) / sd : 0;
  for (const h of hits) out.set(h.id, sd > 0 ? (h.score - mean) / sd - zMin : 1);
  return out;
}

/** score(d) = Σ_lists w · normalized score of d in the list. */
export function weightedScoreFusion(
  lists: readonly WeightedList[],
  how: Normalization,
  limit: number,
): Ranked[] {
  const fused = new Map<string, number>();
  for (const { hits, weight } of lists) {
    for (const [id, value] of normalize(hits, how)) fused.set(id, (fused.get(id) ?? 0) + weight * value);
  }
  return topOf(fused, limit);
}

function topOf(fused: Map<string, number>, limit: number): Ranked[] {
  const entries = [...fused.entries()];
  return selectTopK(
    entries,
    limit,
    ([, s]) => s,
    ([id]) => id,
  ).map(([id, score]) => ({ id, score }));
}
