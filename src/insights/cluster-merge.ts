/**
 * Clusters that are one interest: k-means over-splits the liked papers on purpose, and clusters
 * whose names coincide (the same leading terms), whose centroids point the same way or whose
 * class-based tf-idf term profiles are close are merged agglomeratively (as topic models reduce
 * topics by their c-TF-IDF similarity), so a profile never shows two interests with one name nor
 * one theme in two pieces that share their distinctive words. Pure.
 */
import { dotRows, normalizeRow, type Points } from './kmeans.ts';
import { classTermScores, classTerms } from './terms.ts';

/** Centroid cosine at or above which two clusters are one. */
export const SAME_CENTROID = 0.85;

/**
 * Term-profile cosine at or above which two clusters are one interest. The profiles are the
 * clusters' class-based tf-idf scores (terms in at least 20% of a cluster, scored against the rest
 * of the corpus), so two clusters only share weight on words that set both apart from arXiv at
 * large. Set between the pairs seen on the development proxy users: pieces of one interest
 * ("diffusion · generative" and "text-to-image · t2i") at 0.20–0.45, two interests at most 0.15.
 */
export const SAME_PROFILE = 0.175;

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

export interface MergeInput {
  /** The clustered (projected) points: centroids are compared here. */
  points: Points;
  assignments: Int32Array;
  k: number;
  /** The terms (words and word pairs) of point i. */
  termsOf: (point: number) => ReadonlySet<string>;
  corpusDf: ReadonlyMap<string, number>;
  corpusSize: number;
}

export interface MergeResult {
  /** Clusters numbered 0..k−1. */
  assignments: Int32Array;
  k: number;
  merged: number;
}

interface Group {
  members: number[];
  profile: Map<string, number>;
  lead: string[];
}

/** The cluster's class-based tf-idf profile: each distinctive term's score against the rest of the corpus. */
function profileOf(input: MergeInput, members: readonly number[]): Group {
  const docs = members.map(input.termsOf);
  const scores = classTermScores(docs, input.corpusDf, input.corpusSize).filter((t) => t.score > 0);
  const lead = classTerms(docs, input.corpusDf, input.corpusSize, { limit: 2 }).map((t) => t.term);
  return { members: [...members], profile: new Map(scores.map((t) => [t.term, t.score])), lead };
}

/** Cosine of two term profiles. */
export function profileCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, x] of a) {
    na += x * x;
    dot += x * (b.get(term) ?? 0);
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function centroidCosine(points: Points, a: readonly number[], b: readonly number[]): number {
  const { dims, data } = points;
  const mean = (members: readonly number[]) => {
    const m = new Float32Array(dims);
    for (const i of members) for (let d = 0; d < dims; d++) m[d] = (m[d] ?? 0) + (data[i * dims + d] ?? 0);
    normalizeRow(m, 0, dims);
    return m;
  };
  return dotRows(mean(a), 0, mean(b), 0, dims);
}

/**
 * How alike two clusters are, and whether they are one interest: their names coincide
 * (`sameName`), their centroids point the same way (cosine ≥ `SAME_CENTROID`), or their term
 * profiles do (cosine ≥ `SAME_PROFILE`).
 */
function kinship(input: MergeInput, a: Group, b: Group): { one: boolean; similarity: number } {
  const similarity = profileCosine(a.profile, b.profile);
  const one =
    similarity >= SAME_PROFILE ||
    sameName(a.lead, b.lead) ||
    centroidCosine(input.points, a.members, b.members) >= SAME_CENTROID;
  return { one, similarity };
}

/**
 * Agglomerative merging of the k-means clusters: while two clusters are one interest (see
 * `kinship`), the pair with the closest term profiles is merged and its profile recomputed from
 * its papers, so a merged cluster is compared by what it now holds (no chaining through a
 * cluster that has since changed). Returns the new assignments, numbered 0..k'−1 by first member.
 */
export function mergeClusters(input: MergeInput): MergeResult {
  const members: number[][] = Array.from({ length: input.k }, () => []);
  input.assignments.forEach((c, i) => {
    members[c]?.push(i);
  });
  const groups = members.filter((m) => m.length > 0).map((m) => profileOf(input, m));
  const start = groups.length;
  for (;;) {
    let best: { a: number; b: number; similarity: number } | undefined;
    for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a];
        const gb = groups[b];
        if (!ga || !gb) continue;
        const { one, similarity } = kinship(input, ga, gb);
        if (one && (!best || similarity > best.similarity)) best = { a, b, similarity };
      }
    }
    if (!best) break;
    const joined = [...(groups[best.a]?.members ?? []), ...(groups[best.b]?.members ?? [])];
    groups.splice(best.b, 1);
    groups[best.a] = profileOf(input, joined);
  }
  const assignments = new Int32Array(input.assignments.length);
  groups
    .map((g) => g.members)
    .sort((x, y) => Math.min(...x) - Math.min(...y))
    .forEach((m, c) => {
      for (const i of m) assignments[i] = c;
    });
  return { assignments, k: groups.length, merged: start - groups.length };
}
