/**
 * Clusters of a user's liked (or disliked) papers in embedding space: the vectors are centered and
 * projected on their top principal components (pca.ts says why), k is chosen by the mean
 * silhouette in [2, min(8, ⌊n/3⌋)], spherical k-means with seeded restarts (the best inertia per k),
 * then each cluster described by its distinctive terms (class-based tf-idf of titles + abstracts
 * against the rest of the corpus), its most frequent summary tags, the papers nearest its
 * centroid, and the two themes it joins when it joins two. Pure.
 */
import { createRandom, hashSeed } from '../rank/prng.ts';
import { dotRows, type KMeansResult, kmeans, type Points } from './kmeans.ts';
import { principalProjection } from './pca.ts';
import { meanSilhouette, pairwiseDistances } from './silhouette.ts';
import { exclusiveClassTerms } from './terms.ts';

export interface ClusteringOptions {
  seed: number;
  minK?: number;
  maxK?: number;
  restarts?: number;
  /** Principal components clustered on (default 5). */
  components?: number;
}

export interface Clustering {
  k: number;
  /** Mean silhouette of the chosen k (0 when k = 1). */
  silhouette: number;
  assignments: Int32Array;
  centroids: Float32Array;
  tried: Array<{ k: number; silhouette: number }>;
  /** The points as clustered (projected): centroids and distances live here. */
  space: Points;
}

const DEFAULT_MAX_K = 8;
const DEFAULT_RESTARTS = 4;
const DEFAULT_COMPONENTS = 5;

/** Within-cluster cosine similarity summed: what restarts compete on. */
function cohesion(points: Points, result: KMeansResult): number {
  let sum = 0;
  for (let i = 0; i < points.count; i++)
    sum += dotRows(points.data, i, result.centroids, result.assignments[i] ?? 0, points.dims);
  return sum;
}

function bestOfRestarts(points: Points, k: number, options: ClusteringOptions): KMeansResult {
  let best: KMeansResult | undefined;
  let bestCohesion = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < (options.restarts ?? DEFAULT_RESTARTS); r++) {
    const result = kmeans(points, k, createRandom(hashSeed(options.seed, k, r)));
    const value = cohesion(points, result);
    if (value > bestCohesion) {
      best = result;
      bestCohesion = value;
    }
  }
  if (!best) throw new RangeError('clusterPoints: restarts must be at least 1');
  return best;
}

/** The k range for n points: [minK, min(maxK, ⌊n/3⌋)], empty when n is under 6. */
export function kRange(n: number, minK = 2, maxK = DEFAULT_MAX_K): number[] {
  const upper = Math.min(maxK, Math.floor(n / 3));
  const ks: number[] = [];
  for (let k = minK; k <= upper; k++) ks.push(k);
  return ks;
}

export function clusterPoints(input: Points, options: ClusteringOptions): Clustering {
  const ks = kRange(input.count, options.minK, options.maxK);
  const components = options.components ?? DEFAULT_COMPONENTS;
  const points =
    input.count > 1
      ? principalProjection(input, components, createRandom(hashSeed(options.seed, 'pca')))
      : input;
  if (ks.length === 0) {
    const single = points.count > 0 ? kmeans(points, 1, createRandom(options.seed)) : undefined;
    return {
      k: single ? 1 : 0,
      silhouette: 0,
      assignments: single?.assignments ?? new Int32Array(0),
      centroids: single?.centroids ?? new Float32Array(0),
      tried: [],
      space: points,
    };
  }
  const distances = pairwiseDistances(points);
  let chosen: Clustering | undefined;
  const tried: Clustering['tried'] = [];
  for (const k of ks) {
    const result = bestOfRestarts(points, k, options);
    const silhouette = meanSilhouette(distances, result.assignments, k);
    tried.push({ k, silhouette });
    if (!chosen || silhouette > chosen.silhouette) {
      chosen = {
        k,
        silhouette,
        assignments: result.assignments,
        centroids: result.centroids,
        tried,
        space: points,
      };
    }
  }
  if (!chosen) throw new RangeError('clusterPoints: no k tried');
  return { ...chosen, tried };
}

export interface ClusterDoc {
  id: string;
  title: string;
  terms: ReadonlySet<string>;
  tags: readonly string[];
}

export interface ClusterSummary {
  /** The cluster's number in the clustering. */
  cluster: number;
  /** Indices of the member points, most central first. */
  members: number[];
  terms: string[];
  tags: string[];
  /** Ids of the members nearest the centroid. */
  evidence: string[];
  /** Two leading terms that mostly different members carry: a cluster that joins two themes. */
  spans?: [string, string];
}

/** Share of a cluster a theme must hold, and the overlap two themes may have, to call it two. */
const SPAN_MIN_SHARE = 0.25;
const SPAN_MAX_JACCARD = 0.15;
/** The two groups' mean vectors must be this far apart (cosine at most): synonyms are not two themes. */
const SPAN_MAX_COSINE = 0.5;

function meanCosine(points: Points, a: readonly number[], b: readonly number[]): number {
  const { dims, data } = points;
  const mean = (idx: readonly number[]) => {
    const m = new Float32Array(dims);
    for (const i of idx) for (let d = 0; d < dims; d++) m[d] = (m[d] ?? 0) + (data[i * dims + d] ?? 0);
    return m;
  };
  const x = mean(a);
  const y = mean(b);
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (let d = 0; d < dims; d++) {
    dot += (x[d] ?? 0) * (y[d] ?? 0);
    nx += (x[d] ?? 0) ** 2;
    ny += (y[d] ?? 0) ** 2;
  }
  return nx === 0 || ny === 0 ? 0 : dot / Math.sqrt(nx * ny);
}

/**
 * Whether the cluster joins two themes: two of its leading terms each carried by at least a
 * quarter of its papers but rarely by the same papers (Jaccard ≤ 0.15) — papers of two interests
 * that the embedding put together, the "deeper interest" across them.
 */
export function spanningTerms(
  docs: readonly ClusterDoc[],
  terms: readonly string[],
  apart: (x: ReadonlySet<number>, y: ReadonlySet<number>) => boolean = () => true,
): [string, string] | undefined {
  const holders = terms.slice(0, 5).map((t) => new Set(docs.flatMap((d, i) => (d.terms.has(t) ? [i] : []))));
  for (let a = 0; a < holders.length; a++) {
    for (let b = a + 1; b < holders.length; b++) {
      const x = holders[a] ?? new Set<number>();
      const y = holders[b] ?? new Set<number>();
      const both = [...x].filter((i) => y.has(i)).length;
      const jaccard = both / Math.max(1, x.size + y.size - both);
      const big = Math.min(x.size, y.size) >= SPAN_MIN_SHARE * docs.length;
      const ta = terms[a];
      const tb = terms[b];
      if (big && jaccard <= SPAN_MAX_JACCARD && ta && tb && apart(x, y)) return [ta, tb];
    }
  }
  return undefined;
}

export interface DescribeOptions {
  corpusDf: ReadonlyMap<string, number>;
  corpusSize: number;
  terms?: number;
  tags?: number;
  evidence?: number;
}

function topTags(docs: readonly ClusterDoc[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const tag of new Set(doc.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const minCount = docs.length >= 4 ? 2 : 1;
  return [...counts]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([tag]) => tag);
}

/**
 * Members ranked by cosine to their cluster's mean in the original space: the projection keeps
 * what separates clusters, but a paper with little weight on the kept components can land anywhere,
 * so the evidence papers are picked where the whole text counts.
 */
function rankMembers(points: Points, indices: readonly number[]): number[] {
  const { dims, data } = points;
  const mean = new Float32Array(dims);
  for (const i of indices)
    for (let d = 0; d < dims; d++) mean[d] = (mean[d] ?? 0) + (data[i * dims + d] ?? 0);
  const scored = indices.map((index) => ({ index, sim: dotRows(data, index, mean, 0, dims) }));
  return scored.sort((a, b) => b.sim - a.sim || a.index - b.index).map((m) => m.index);
}

/**
 * One summary per cluster, largest cluster first; `points` are the clustered (original) vectors,
 * `docs[i]` describes point i. Each term names one cluster only (`exclusiveClassTerms`).
 */
export function describeClusters(
  points: Points,
  clustering: Clustering,
  docs: readonly ClusterDoc[],
  options: DescribeOptions,
): ClusterSummary[] {
  const groups: Array<{ cluster: number; members: number[]; memberDocs: ClusterDoc[] }> = [];
  for (let c = 0; c < clustering.k; c++) {
    const indices: number[] = [];
    clustering.assignments.forEach((a, index) => {
      if (a === c) indices.push(index);
    });
    if (indices.length === 0) continue;
    const members = rankMembers(points, indices);
    groups.push({ cluster: c, members, memberDocs: members.flatMap((m) => docs[m] ?? []) });
  }
  const named = exclusiveClassTerms(
    groups.map((g) => g.memberDocs.map((d) => d.terms)),
    options.corpusDf,
    options.corpusSize,
    { limit: options.terms ?? 8 },
  );
  const summaries = groups.map(({ cluster, members, memberDocs }, g): ClusterSummary => {
    const terms = (named[g] ?? []).map((t) => t.term);
    const spans = spanningTerms(memberDocs, terms, (x, y) => {
      const only = (p: ReadonlySet<number>, q: ReadonlySet<number>) =>
        [...p].filter((i) => !q.has(i)).map((i) => members[i] ?? 0);
      return meanCosine(points, only(x, y), only(y, x)) <= SPAN_MAX_COSINE;
    });
    return {
      cluster,
      members,
      terms,
      tags: topTags(memberDocs, options.tags ?? 5),
      evidence: memberDocs.slice(0, options.evidence ?? 3).map((d) => d.id),
      ...(spans ? { spans } : {}),
    };
  });
  return summaries.sort((a, b) => b.members.length - a.members.length);
}
