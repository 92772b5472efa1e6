/**
 * Clusters of a user's liked (or disliked) papers in embedding space: the vectors are centered and
 * projected on their top principal components (pca.ts says why), k is chosen by the mean
 * silhouette in [2, min(8, ⌊n/3⌋)], spherical k-means with seeded restarts (the best inertia per k),
 * then each cluster described by its distinctive terms (tf-idf of titles + abstracts against the
 * whole corpus), its most frequent summary tags and the papers nearest its centroid. Pure.
 */
import { createRandom, hashSeed } from '../rank/prng.ts';
import { dotRows, type KMeansResult, kmeans, type Points } from './kmeans.ts';
import { principalProjection } from './pca.ts';
import { meanSilhouette, pairwiseDistances } from './silhouette.ts';
import { distinctiveTerms } from './terms.ts';

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
  /** Indices of the member points, most central first. */
  members: number[];
  terms: string[];
  tags: string[];
  /** Ids of the members nearest the centroid. */
  evidence: string[];
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

/** One summary per cluster, largest cluster first; `points` are the clustered (original) vectors, `docs[i]` describes point i. */
export function describeClusters(
  points: Points,
  clustering: Clustering,
  docs: readonly ClusterDoc[],
  options: DescribeOptions,
): ClusterSummary[] {
  const summaries: ClusterSummary[] = [];
  for (let c = 0; c < clustering.k; c++) {
    const indices: number[] = [];
    clustering.assignments.forEach((a, index) => {
      if (a === c) indices.push(index);
    });
    if (indices.length === 0) continue;
    const members = rankMembers(points, indices);
    const memberDocs = members.flatMap((m) => docs[m] ?? []);
    summaries.push({
      members,
      terms: distinctiveTerms(
        memberDocs.map((d) => d.terms),
        options.corpusDf,
        options.corpusSize,
        { limit: options.terms ?? 8 },
      ).map((t) => t.term),
      tags: topTags(memberDocs, options.tags ?? 5),
      evidence: memberDocs.slice(0, options.evidence ?? 3).map((d) => d.id),
    });
  }
  return summaries.sort((a, b) => b.members.length - a.members.length);
}
