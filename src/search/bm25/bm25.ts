/**
 * Standard BM25 over an inverted index (pure), in Lucene's form:
 *
 *   score(q, d) = Σ_{t ∈ q} qtf(t) · idf(t) · tf(t,d)·(k1 + 1) / (tf(t,d) + k1·(1 − b + b·dl(d)/avgdl))
 *   idf(t)      = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
 *
 * N documents, n(t) of them containing t. Field weights follow the "weighted field tf"
 * simplification of BM25F: tf(t,d) = w_title·tf_title + w_text·tf_text, dl(d) = w_title·|title| +
 * w_text·|text|, avgdl its mean, one k1 and one b. With both weights 1 this is exactly BM25 over
 * title and text concatenated (the BEIR "flat" index). A query term repeated counts qtf times, as
 * in Lucene's bag-of-words query. Lucene ≥ 8 drops the constant (k1 + 1) and quantizes dl to a
 * byte; neither changes the formula's ranking, we keep the textbook constant and exact lengths.
 */
import type { InvertedIndex } from './inverted-index.ts';
import { createTopKHeap } from './top-k.ts';

export interface Bm25Params {
  k1: number;
  b: number;
  titleWeight: number;
  textWeight: number;
}

/** Pyserini's BEIR flat baseline: Lucene BM25 k1 0.9, b 0.4, title + text as one field. */
export const DEFAULT_BM25: Bm25Params = { k1: 0.9, b: 0.4, titleWeight: 1, textWeight: 1 };

export function bm25Idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** One term's contribution, for a document with weighted tf and length. */
export function bm25TermScore(
  idf: number,
  tf: number,
  dl: number,
  avgdl: number,
  params: Bm25Params,
): number {
  if (tf <= 0) return 0;
  const norm = params.k1 * (1 - params.b + (params.b * dl) / avgdl);
  return (idf * tf * (params.k1 + 1)) / (tf + norm);
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

/** Query terms with their repeat counts, keeping only terms the index knows. */
function queryTermCounts(
  terms: readonly string[],
  vocabulary: ReadonlyMap<string, number>,
): Map<number, number> {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const number = vocabulary.get(term);
    if (number !== undefined) counts.set(number, (counts.get(number) ?? 0) + 1);
  }
  return counts;
}

export interface Bm25Scorer {
  /** Scores every document that matches a query term; `accept` filters document numbers. */
  search(terms: readonly string[], k: number, accept?: (doc: number) => boolean): ScoredDoc[];
  /** The score of every matching document (unsorted), for fusion and tests. */
  scoreAll(terms: readonly string[]): Map<number, number>;
}

/** Per-document length normalization k1·(1 − b + b·dl/avgdl), computed once per index and params. */
function lengthNorms(index: InvertedIndex, params: Bm25Params): Float64Array {
  const n = index.docIds.length;
  const norms = new Float64Array(n);
  const totalLength = params.titleWeight * index.titleLengthSum + params.textWeight * index.textLengthSum;
  const avgdl = n > 0 && totalLength > 0 ? totalLength / n : 1;
  for (let d = 0; d < n; d++) {
    const dl =
      params.titleWeight * (index.titleLengths[d] ?? 0) + params.textWeight * (index.textLengths[d] ?? 0);
    norms[d] = params.k1 * (1 - params.b + (params.b * dl) / avgdl);
  }
  return norms;
}

/**
 * The k best of `candidates` by score, ties by document id ascending (as `selectTopK` orders
 * them), best first: a min-heap of document numbers over the score array, where a candidate
 * below the heap's worst costs one comparison.
 */
function topDocuments(
  candidates: Uint32Array,
  k: number,
  scores: Float64Array,
  ids: readonly string[],
  accept: ((doc: number) => boolean) | undefined,
): number[] {
  if (k <= 0) return [];
  const heap = createTopKHeap<number>(k, (a, b) => {
    const sa = scores[a] as number;
    const sb = scores[b] as number;
    return sa < sb || (sa === sb && (ids[a] ?? '') > (ids[b] ?? ''));
  });
  for (let c = 0; c < candidates.length; c++) {
    const doc = candidates[c] as number;
    if (heap.size() === k && (scores[doc] as number) < (scores[heap.worst() as number] as number)) continue;
    if (accept && !accept(doc)) continue;
    heap.offer(doc);
  }
  return heap.sorted();
}

export function createBm25Scorer(
  index: InvertedIndex,
  vocabulary: ReadonlyMap<string, number>,
  params: Bm25Params = DEFAULT_BM25,
): Bm25Scorer {
  const norms = lengthNorms(index, params);
  const docCount = index.docIds.length;
  // Reused by every query: the scores (zero but for the current query's matches) and the
  // matched documents, so a query allocates nothing in proportion to the corpus.
  const scores = new Float64Array(docCount);
  const touchedBuffer = new Uint32Array(docCount);
  const { k1, titleWeight, textWeight } = params;
  const { offsets, postingDocs, postingTitleTf, postingTextTf } = index;
  const accumulate = (terms: readonly string[]): Uint32Array => {
    let touched = 0;
    for (const [term, qtf] of queryTermCounts(terms, vocabulary)) {
      const from = offsets[term] as number;
      const to = offsets[term + 1] as number;
      const weight = qtf * bm25Idf(docCount, to - from) * (k1 + 1);
      for (let p = from; p < to; p++) {
        const tf = titleWeight * (postingTitleTf[p] as number) + textWeight * (postingTextTf[p] as number);
        if (tf <= 0) continue;
        const doc = postingDocs[p] as number;
        const before = scores[doc] as number;
        // Every contribution is positive (idf > 0, tf > 0): a zero score is a first match.
        if (before === 0) touchedBuffer[touched++] = doc;
        scores[doc] = before + (weight * tf) / (tf + (norms[doc] as number));
      }
    }
    return touchedBuffer.subarray(0, touched);
  };
  const reset = (touched: Uint32Array) => {
    for (let i = 0; i < touched.length; i++) scores[touched[i] as number] = 0;
  };
  return {
    search(terms, k, accept) {
      const touched = accumulate(terms);
      const top = topDocuments(touched, k, scores, index.docIds, accept);
      const out = top.map((doc) => ({ doc, score: scores[doc] as number }));
      reset(touched);
      return out;
    },
    scoreAll(terms) {
      const touched = accumulate(terms);
      const out = new Map(Array.from(touched, (doc) => [doc, scores[doc] as number] as const));
      reset(touched);
      return out;
    },
  };
}
