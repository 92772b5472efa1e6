/**
 * The interest profile from the state's data, before the LLM names the clusters (pure): clusters
 * of liked and of disliked papers, cross-cutting keys, drift. Clusters carry names from their
 * terms; `applyNames` puts the LLM's names in.
 */
import { addDays } from '../core/local-day.ts';
import { rowIndex, selectRows, type VectorMatrix } from '../rank/vector-matrix.ts';
import type { PaperRef, ProfileAvoidance, ProfileInterest, StoredProfile } from '../store/insights-store.ts';
import { joinClusters, mergeClusters, sameName } from './cluster-merge.ts';
import {
  type ClusterDoc,
  type Clustering,
  type ClusterSummary,
  clusterPoints,
  describeClusters,
  kRange,
} from './cluster-profile.ts';
import { crossCuttingKeys } from './cross-cutting.ts';
import { interestDrift } from './drift.ts';
import type { Points } from './kmeans.ts';
import { createLexicalSpaces, type LexicalSpaces } from './lexical-points.ts';
import { type ClusterForNaming, type ClusterName, fallbackName } from './profile-naming.ts';
import { documentTerms } from './terms.ts';

export const DRIFT_DAYS = 30;
/** Principal components of the tf-idf points: 5 (the embedding default) over-split on the proxy users. */
const LEXICAL_COMPONENTS = 10;
/** Latent topics of the corpus the merge compares clusters on (cluster-merge.ts). */
const TOPIC_COMPONENTS = 15;
/**
 * k-means clusters before the merge. At 8, a small interest (robot manipulation beside diffusion
 * and three pieces of efficient inference) shared a cluster with a larger one before any merge.
 */
const OVER_SPLIT_K = 16;

export interface ProfileInputs {
  date: string;
  createdAt: string;
  model: string;
  seed: number;
  matrix: VectorMatrix;
  labels: ReadonlyArray<{ id: string; label: 1 | -1; at: string }>;
  /** The whole corpus: terms are distinctive against it. */
  papers: ReadonlyArray<{ id: string; title: string; abstract: string }>;
  tagsById: ReadonlyMap<string, readonly string[]>;
  /** The classifier's score of labeled papers, when a trained classifier applies. */
  scores?: ReadonlyMap<string, number>;
  /**
   * What the papers are clustered on: tf-idf of title + abstract (`lexical`, the default: one
   * interest's sub-topics share words where their embeddings diverge) or the embedding matrix.
   */
  representation?: 'lexical' | 'embedding';
}

export interface ProfileDraft {
  profile: StoredProfile;
  /** What the LLM is shown, one entry per interest, in order. */
  forNaming: ClusterForNaming[];
  /** The liked paper ids of each interest, in order (for measuring, not stored). */
  members: string[][];
}

interface Corpus {
  terms: Map<string, Set<string>>;
  df: Map<string, number>;
  titles: Map<string, string>;
  size: number;
}

/**
 * Terms of the labeled papers, and their document frequencies over the whole corpus. Only the
 * labeled papers' terms are counted: on 20k papers the full table has ~900k terms and took as long
 * again as the tokenizing.
 */
function buildCorpus(papers: ProfileInputs['papers'], labeled: ReadonlySet<string>): Corpus {
  const text = (p: ProfileInputs['papers'][number]) => `${p.title}\n${p.abstract}`;
  const terms = new Map(papers.filter((p) => labeled.has(p.id)).map((p) => [p.id, documentTerms(text(p))]));
  const needed = new Set<string>();
  for (const doc of terms.values()) for (const term of doc) needed.add(term);
  const df = new Map<string, number>();
  for (const paper of papers) {
    for (const term of terms.get(paper.id) ?? documentTerms(text(paper))) {
      if (needed.has(term)) df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  return { terms, df, titles: new Map(papers.map((p) => [p.id, p.title])), size: papers.length };
}

interface Group {
  ids: string[];
  points: Points;
  clustering: Clustering;
  summaries: ClusterSummary[];
}

interface Space {
  /** The points clustered, of the ids that can be. */
  points: (ids: readonly string[]) => { ids: string[]; points: Points };
  topics: LexicalSpaces['topics'];
  topicBaseline: LexicalSpaces['topicBaseline'];
}

function embeddingPoints(matrix: VectorMatrix, corpus: Corpus): Space['points'] {
  const rows = rowIndex(matrix);
  return (ids) => {
    const kept = ids.filter((id) => rows.has(id) && corpus.titles.has(id));
    const selected = selectRows(
      matrix,
      kept.map((id) => rows.get(id) ?? 0),
    );
    return { ids: kept, points: { count: kept.length, dims: selected.dims, data: selected.data } };
  };
}

function spaceOf(inputs: ProfileInputs, corpus: Corpus): Space {
  const lexical = createLexicalSpaces(inputs.papers, { components: TOPIC_COMPONENTS, seed: inputs.seed });
  if (inputs.representation === 'embedding')
    return { ...lexical, points: embeddingPoints(inputs.matrix, corpus) };
  return {
    points: (ids) => {
      const kept = ids.filter((id) => corpus.titles.has(id));
      return { ids: kept, points: lexical.points(kept) };
    },
    topics: lexical.topics,
    topicBaseline: lexical.topicBaseline,
  };
}

/**
 * k-means runs at `OVER_SPLIT_K` (at most a third of the papers) and `mergeClusters` joins what is
 * one interest: chosen by silhouette, k fell between the sub-topics of a large interest and the
 * small interests, so a small one (robot manipulation beside quantization) shared a cluster with
 * another; over-split, each small interest gets a cluster of its own first.
 */
function overSplit(count: number): { minK: number; maxK: number } | Record<string, never> {
  const top = kRange(count, 2, OVER_SPLIT_K).at(-1);
  return top === undefined ? {} : { minK: top, maxK: top };
}

function clusterGroup(
  inputs: ProfileInputs,
  corpus: Corpus,
  space: Space,
  ids: readonly string[],
  seed: number,
): Group {
  const { ids: kept, points } = space.points(ids);
  const clustering = clusterPoints(points, {
    seed,
    ...(inputs.representation === 'embedding' ? {} : { components: LEXICAL_COMPONENTS }),
    ...overSplit(points.count),
  });
  const docs: ClusterDoc[] = kept.map((id) => ({
    id,
    title: corpus.titles.get(id) ?? id,
    terms: corpus.terms.get(id) ?? new Set(),
    tags: inputs.tagsById.get(id) ?? [],
  }));
  const describe = (c: Clustering) =>
    describeClusters(points, c, docs, { corpusDf: corpus.df, corpusSize: corpus.size });
  const merged = mergeClusters({
    topics: space.topics(kept),
    baseline: space.topicBaseline(),
    assignments: clustering.assignments,
    k: clustering.k,
    termsOf: (i) => docs[i]?.terms ?? new Set(),
    corpusDf: corpus.df,
    corpusSize: corpus.size,
  });
  const named = joinSameNames({ ...clustering, k: merged.k, assignments: merged.assignments }, describe);
  return { ids: kept, points, ...named };
}

/**
 * The clusters described, and joined while two of their names coincide (`sameName` on the names'
 * two leading terms): the merge compares each cluster's own leading terms, but a name is made of
 * the terms the cluster holds most of (`exclusiveClassTerms`), and a small cluster left over from
 * a larger one ("temporal · kv-cache" beside "cache · quantization") shows only once it is named.
 */
function joinSameNames(
  clustering: Clustering,
  describe: (c: Clustering) => ClusterSummary[],
): { clustering: Clustering; summaries: ClusterSummary[] } {
  let current = clustering;
  for (;;) {
    const summaries = describe(current);
    const pair = summaries
      .flatMap((a, i) => summaries.slice(i + 1).map((b) => [a, b] as const))
      .find(([a, b]) => sameName(a.terms, b.terms));
    if (!pair) return { clustering: current, summaries };
    const joined = joinClusters(current.assignments, pair[0].cluster, pair[1].cluster);
    current = { ...current, k: joined.k, assignments: joined.assignments };
  }
}

function ref(corpus: Corpus, id: string): PaperRef {
  return { id, title: corpus.titles.get(id) ?? id };
}

function avoidance(corpus: Corpus, summary: ClusterSummary): ProfileAvoidance {
  const size = summary.members.length;
  return {
    name: fallbackName({ terms: summary.terms, tags: summary.tags, size }).name,
    size,
    terms: summary.terms,
    tags: summary.tags,
    evidence: summary.evidence.map((id) => ref(corpus, id)),
  };
}

function keysOf(inputs: ProfileInputs, corpus: Corpus, id: string): string[] {
  const tags = (inputs.tagsById.get(id) ?? []).map((t) => `#${t.toLowerCase()}`);
  return [...tags, ...(corpus.terms.get(id) ?? [])];
}

function crossCutting(inputs: ProfileInputs, corpus: Corpus, likedCluster: ReadonlyMap<string, number>) {
  const scores = inputs.scores;
  const labeled = inputs.labels.filter((l) => corpus.terms.has(l.id) && (!scores || scores.has(l.id)));
  const rows = labeled.map((l) => {
    const cluster = likedCluster.get(l.id);
    return {
      keys: keysOf(inputs, corpus, l.id),
      value: scores ? (scores.get(l.id) ?? 0) : l.label,
      ...(cluster === undefined ? {} : { cluster }),
    };
  });
  return { signal: scores ? ('classifier' as const) : ('label' as const), keys: crossCuttingKeys(rows) };
}

function interestsOf(corpus: Corpus, liked: Group, recent: ReadonlySet<string>): ProfileInterest[] {
  return liked.summaries.map((s): ProfileInterest => {
    const size = s.members.length;
    const ids = s.members.map((m) => liked.ids[m] ?? '');
    return {
      ...fallbackName({ terms: s.terms, tags: s.tags, size }),
      size,
      terms: s.terms,
      tags: s.tags,
      evidence: s.evidence.map((id) => ref(corpus, id)),
      recentLikes: ids.filter((id) => recent.has(id)).length,
      ...(s.spans ? { spans: s.spans } : {}),
    };
  });
}

function forNamingOf(corpus: Corpus, liked: Group): ClusterForNaming[] {
  return liked.summaries.map((s) => ({
    size: s.members.length,
    terms: s.terms,
    tags: s.tags,
    titles: s.members.map((m) => corpus.titles.get(liked.ids[m] ?? '') ?? ''),
  }));
}

function clusterOfLiked(liked: Group): Map<string, number> {
  const byId = new Map<string, number>();
  liked.summaries.forEach((s, c) => {
    for (const m of s.members) byId.set(liked.ids[m] ?? '', c);
  });
  return byId;
}

export function buildProfileDraft(inputs: ProfileInputs): ProfileDraft {
  const corpus = buildCorpus(inputs.papers, new Set(inputs.labels.map((l) => l.id)));
  const likedIds = inputs.labels.filter((l) => l.label === 1).map((l) => l.id);
  const dislikedIds = inputs.labels.filter((l) => l.label === -1).map((l) => l.id);
  const space = spaceOf(inputs, corpus);
  const liked = clusterGroup(inputs, corpus, space, likedIds, inputs.seed);
  const disliked = clusterGroup(inputs, corpus, space, dislikedIds, inputs.seed + 1);
  const since = addDays(inputs.date, -(DRIFT_DAYS - 1));
  const likes = inputs.labels.filter((l) => l.label === 1 && corpus.terms.has(l.id));
  const recent = new Set(likes.filter((l) => l.at.slice(0, 10) >= since).map((l) => l.id));
  const { k, silhouette, tried } = liked.clustering;
  const profile: StoredProfile = {
    version: 1,
    date: inputs.date,
    createdAt: inputs.createdAt,
    model: inputs.model,
    labels: {
      liked: likedIds.length,
      disliked: dislikedIds.length,
      likedClustered: liked.ids.length,
      dislikedClustered: disliked.ids.length,
    },
    clustering: { k, silhouette, tried },
    naming: { by: 'terms', model: null, error: null },
    interests: interestsOf(corpus, liked, recent),
    avoids: disliked.summaries.map((s) => avoidance(corpus, s)),
    crossCutting: crossCutting(inputs, corpus, clusterOfLiked(liked)),
    drift: interestDrift(
      likes.map((l) => ({ at: l.at, keys: keysOf(inputs, corpus, l.id) })),
      { since },
    ),
    notionUrl: null,
  };
  const members = liked.summaries.map((s) => s.members.map((m) => liked.ids[m] ?? ''));
  return { profile, forNaming: forNamingOf(corpus, liked), members };
}

export function applyNames(
  profile: StoredProfile,
  names: readonly ClusterName[],
  naming: StoredProfile['naming'],
): StoredProfile {
  return {
    ...profile,
    naming,
    interests: profile.interests.map((interest, i) => {
      const named = names[i];
      return named ? { ...interest, ...named } : interest;
    }),
  };
}
