/**
 * Clusters that are one interest: k-means over-splits the liked papers on purpose, and clusters
 * whose papers sit together on the corpus's latent topics (average linkage: the mean topic cosine
 * over every pair of their papers, against that of the corpus) or whose names coincide (the same leading terms) are merged
 * agglomeratively, so a profile never shows two interests with one name nor one interest in
 * pieces, such as efficient inference split into quantization, KV cache and speculative decoding,
 * whose papers share no distinctive words but the same corpus-wide topics. Pure.
 */
import { dotRows, type Points } from './kmeans.ts';
import { classTerms } from './terms.ts';

/**
 * How much closer than two papers of the corpus drawn at random (`MergeInput.baseline`) two
 * clusters' papers must be, on average, to be one interest. A ratio, not a cosine: the corpus's
 * own mean pair cosine (0.41 on the 1,390-paper test corpus, 0.44 on the 4,000-paper bench) moves
 * with its size and topics. Measured on the development proxy users (bench/profile.ts) and the
 * test corpus's proxy user over four seeds: 15 of 20 cut where every planted interest is one
 * cluster at 1.07–1.085, and no ratio cut more.
 */
export const SAME_TOPIC_RATIO = 1.075;

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
  /** Each point on the corpus's latent topics, L2-normalized (topic-space.ts). */
  topics: Points;
  /** The mean topic cosine of two corpus papers (`LexicalSpaces.topicBaseline`). */
  baseline: number;
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
  /** The sum of the members' topic vectors: the average linkage is a dot product of two sums. */
  sum: Float32Array;
  lead: string[];
}

function groupOf(input: MergeInput, members: readonly number[]): Group {
  const { dims, data } = input.topics;
  const sum = new Float32Array(dims);
  for (const i of members) for (let d = 0; d < dims; d++) sum[d] = (sum[d] ?? 0) + (data[i * dims + d] ?? 0);
  const docs = members.map(input.termsOf);
  const lead = classTerms(docs, input.corpusDf, input.corpusSize, { limit: 2 }).map((t) => t.term);
  return { members: [...members], sum, lead };
}

/** Mean topic cosine over the pairs of papers one from each cluster. */
function averageLinkage(input: MergeInput, a: Group, b: Group): number {
  const pairs = a.members.length * b.members.length;
  return pairs === 0 ? 0 : dotRows(a.sum, 0, b.sum, 0, input.topics.dims) / pairs;
}

/**
 * How alike two clusters are, and whether they are one interest: their papers' average topic
 * cosine reaches `SAME_TOPIC_RATIO` times the corpus's, or their names coincide (`sameName`).
 */
function kinship(input: MergeInput, a: Group, b: Group): { one: boolean; similarity: number } {
  const similarity = averageLinkage(input, a, b);
  const one = similarity >= SAME_TOPIC_RATIO * input.baseline || sameName(a.lead, b.lead);
  return { one, similarity };
}

/**
 * Agglomerative merging of the k-means clusters: while two clusters are one interest (see
 * `kinship`), the closest such pair is merged and its name recomputed from its papers; the
 * average linkage of the merged cluster is that of all its papers (UPGMA), so no chaining through
 * one close pair. Returns the new assignments, numbered 0..k'−1 by first member.
 */
export function mergeClusters(input: MergeInput): MergeResult {
  const members: number[][] = Array.from({ length: input.k }, () => []);
  input.assignments.forEach((c, i) => {
    members[c]?.push(i);
  });
  const groups = members.filter((m) => m.length > 0).map((m) => groupOf(input, m));
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
    groups[best.a] = groupOf(input, joined);
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

/**
 * Cluster `from` joined into cluster `into`, the clusters renumbered 0..k−1 by first member: for a
 * join decided after the clusters are named (two names that coincide).
 */
export function joinClusters(assignments: Int32Array, into: number, from: number): MergeResult {
  const renumber = new Map<number, number>();
  const out = new Int32Array(assignments.length);
  assignments.forEach((c, i) => {
    const cluster = c === from ? into : c;
    if (!renumber.has(cluster)) renumber.set(cluster, renumber.size);
    out[i] = renumber.get(cluster) ?? 0;
  });
  return { assignments: out, k: renumber.size, merged: 1 };
}
