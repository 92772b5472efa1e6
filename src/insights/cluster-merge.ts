/**
 * Clusters that are one interest: after k-means, two clusters whose names coincide (the same
 * leading terms) or whose centroids point the same way are merged, so a profile never shows two
 * interests with one name. Silhouette over 2..8 often prefers splitting a large interest in two.
 */
import { dotRows, type Points } from './kmeans.ts';

/** Centroid cosine at or above which two clusters are one. */
export const SAME_CENTROID = 0.85;

/** The words of a term, hyphenated parts split ("kv-cache" → kv, cache). */
const wordsOf = (term: string): string[] => term.split(/[\s-]+/).filter((w) => w.length >= 3);

/**
 * Names coincide when one cluster's leading term is among the other's two leading terms, word for
 * word ("rag · retrieval-augmented generation" and "rag · retrieval-augmented"; "cache · kv-cache"
 * and "kv-cache · cache").
 */
export function sameName(a: readonly string[], b: readonly string[]): boolean {
  const lead = (x: readonly string[]) => new Set(wordsOf(x[0] ?? ''));
  const top = (x: readonly string[]) => new Set(x.slice(0, 2).flatMap(wordsOf));
  const covered = (head: Set<string>, words: Set<string>) =>
    head.size > 0 && [...head].every((w) => words.has(w));
  return covered(lead(a), top(b)) || covered(lead(b), top(a));
}

/** Union-find over cluster indices: which clusters to merge, given a "same" test. */
function groups(k: number, same: (a: number, b: number) => boolean): number[] {
  const parent = Array.from({ length: k }, (_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) if (same(a, b)) parent[root(b)] = root(a);
  return parent.map((_, i) => root(i));
}

function centroidsOf(points: Points, assignments: Int32Array, k: number): Float32Array {
  const { dims, data } = points;
  const sums = new Float32Array(k * dims);
  assignments.forEach((c, i) => {
    for (let d = 0; d < dims; d++) sums[c * dims + d] = (sums[c * dims + d] ?? 0) + (data[i * dims + d] ?? 0);
  });
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (sums[c * dims + d] ?? 0) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) sums[c * dims + d] = (sums[c * dims + d] ?? 0) * scale;
  }
  return sums;
}

/**
 * New assignments with coinciding clusters merged (numbered 0..k'−1), and k'. `nameOf(c)` is the
 * name cluster c would get; `points` are the clustered (projected) points.
 */
export function mergeCoinciding(
  points: Points,
  assignments: Int32Array,
  k: number,
  termsOf: (cluster: number) => readonly string[],
): { assignments: Int32Array; k: number; merged: number } {
  const centroids = centroidsOf(points, assignments, k);
  const terms = Array.from({ length: k }, (_, c) => termsOf(c));
  const root = groups(
    k,
    (a, b) =>
      sameName(terms[a] ?? [], terms[b] ?? []) ||
      dotRows(centroids, a, centroids, b, points.dims) >= SAME_CENTROID,
  );
  const renumber = new Map<number, number>();
  for (const r of root) if (!renumber.has(r)) renumber.set(r, renumber.size);
  const next = assignments.map((c) => renumber.get(root[c] ?? c) ?? 0);
  return { assignments: next, k: renumber.size, merged: k - renumber.size };
}
