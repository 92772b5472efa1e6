/**
 * The liked papers as tf-idf points for clustering (pure): the radar's lexical vectorizer
 * (`src/rank/lexical/`) fitted on the whole corpus, restricted to the terms at least two of the
 * clustered papers share, dense and L2-normalized. On hashing embeddings one interest's sub-topics
 * ("quantization", "kv cache", "speculative decoding") land near-orthogonal; their shared words
 * ("inference", "memory", "latency", "llm") keep them together here.
 */
import { ENGLISH_STOP_WORDS } from '../rank/lexical/english-stop-words.ts';
import type { SparseRow } from '../rank/lexical/sparse-row.ts';
import { createTfidfTransform, fitTfidf, type TfidfOptions } from '../rank/lexical/tfidf.ts';
import { createRandom, hashSeed, sampleIndices } from '../rank/prng.ts';
import type { Points } from './kmeans.ts';
import { fitTopics, type TopicBasis, topicPoints } from './topic-space.ts';

const OPTIONS: TfidfOptions = {
  stopWords: ENGLISH_STOP_WORDS,
  ngramMax: 1,
  minDf: 2,
  maxDf: 0.5,
  sublinearTf: true,
};

const textOf = (p: { title: string; abstract: string }): string => `${p.title}\n${p.abstract}`;

type CorpusPaper = { id: string; title: string; abstract: string };

export interface LexicalSpaces {
  /** The papers' tf-idf rows over the terms two of them share, dense and L2-normalized. */
  points: (ids: readonly string[]) => Points;
  /**
   * The papers on the corpus's latent topics (topic-space.ts), L2-normalized; the topics are fitted
   * on the first call.
   */
  topics: (ids: readonly string[]) => Points;
  /** The mean topic cosine of two distinct corpus papers: what "close" is measured against. */
  topicBaseline: () => number;
}

interface TopicOptions {
  components: number;
  seed: number;
  /** Papers the topics are fitted on, drawn from a larger corpus (default 5,000): bounds the fit's cost. */
  sample?: number;
}

const TOPIC_SAMPLE = 5000;

/** Fits the vectorizer once on the corpus; both spaces give the points of some of its papers. */
export function createLexicalSpaces(
  corpus: ReadonlyArray<CorpusPaper>,
  topicOptions: TopicOptions,
): LexicalSpaces {
  const vocabulary = fitTfidf(corpus.map(textOf), OPTIONS);
  const transform = createTfidfTransform(vocabulary, OPTIONS);
  const byId = new Map(corpus.map((p) => [p.id, p]));
  const rowsOf = (ids: readonly string[]) =>
    ids.map((id) => {
      const paper = byId.get(id);
      return transform(paper ? textOf(paper) : '');
    });
  let fitted: { basis: TopicBasis; baseline: number } | undefined;
  const topicsFitted = () => {
    if (fitted) return fitted;
    const random = createRandom(hashSeed(topicOptions.seed, 'topics'));
    const size = topicOptions.sample ?? TOPIC_SAMPLE;
    const sampled =
      corpus.length > size
        ? sampleIndices(corpus.length, size, random).flatMap((i) => corpus[i] ?? [])
        : corpus;
    const rows = sampled.map((p) => transform(textOf(p)));
    const basis = fitTopics(rows, vocabulary.terms.length, topicOptions.components, random);
    fitted = { basis, baseline: meanPairCosine(topicPoints(rows, basis)) };
    return fitted;
  };
  return {
    points: (ids) => densify(rowsOf(ids)),
    topics: (ids) => topicPoints(rowsOf(ids), topicsFitted().basis),
    topicBaseline: () => topicsFitted().baseline,
  };
}

/** The tf-idf points alone (see `createLexicalSpaces`). */
export function createLexicalSpace(corpus: ReadonlyArray<CorpusPaper>): (ids: readonly string[]) => Points {
  return createLexicalSpaces(corpus, { components: 1, seed: 0 }).points;
}

/** Mean cosine over the distinct pairs of normalized rows: (|Σ rows|² − Σ |row|²) / (n(n − 1)). */
function meanPairCosine(points: Points): number {
  const { count, dims, data } = points;
  if (count < 2) return 0;
  const sum = new Float64Array(dims);
  let self = 0;
  for (let i = 0; i < count; i++) {
    for (let d = 0; d < dims; d++) {
      const v = data[i * dims + d] ?? 0;
      sum[d] = (sum[d] ?? 0) + v;
      self += v * v;
    }
  }
  let total = 0;
  for (const v of sum) total += v * v;
  return (total - self) / (count * (count - 1));
}

function densify(rows: readonly SparseRow[]): Points {
  const used = new Map<number, number>();
  for (const row of rows) for (const i of row.indices) used.set(i, (used.get(i) ?? 0) + 1);
  const columns = new Map([...used].filter(([, n]) => n >= 2).map(([i], c) => [i, c]));
  const dims = Math.max(columns.size, 1);
  const data = new Float32Array(rows.length * dims);
  rows.forEach((row, r) => {
    let norm = 0;
    row.indices.forEach((i, k) => {
      const c = columns.get(i);
      if (c === undefined) return;
      const v = row.values[k] ?? 0;
      data[r * dims + c] = v;
      norm += v * v;
    });
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) data[r * dims + d] = (data[r * dims + d] ?? 0) * scale;
  });
  return { count: rows.length, dims, data };
}
