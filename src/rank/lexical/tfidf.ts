/**
 * A tf-idf vectorizer with scikit-learn's semantics (`TfidfVectorizer`, smooth idf, optional
 * sublinear tf, L2 rows): the document-frequency bounds and the `maxFeatures` cut by total term
 * count are applied as in `CountVectorizer._limit_features`. Written here because no maintained
 * npm library reproduces those semantics (df bounds as proportions, the tf cut, smooth idf).
 */
import { type AnalyzerOptions, analyze } from './analyzer.ts';
import type { SparseRow } from './sparse-row.ts';

export interface TfidfOptions extends AnalyzerOptions {
  /** Documents a term must appear in (an absolute count, like sklearn's integer min_df). */
  minDf: number;
  /** Largest share of documents a term may appear in (sklearn's float max_df). */
  maxDf: number;
  /** Keep the terms with the highest total count; all when absent. */
  maxFeatures?: number;
  sublinearTf: boolean;
}

export interface TfidfVocabulary {
  terms: string[];
  idf: Float64Array;
  docCount: number;
}

/** Counts document and term frequencies one text at a time, so a corpus can be streamed shard by shard. */
export interface TfidfCounter {
  add(text: string): void;
  finish(): TfidfVocabulary & { df: Uint32Array };
}

type TermStats = [term: string, stats: { df: number; tf: number }];

/**
 * Each distinct n-gram is one `Map<string, number>` entry holding its slot in two growable
 * Uint32Arrays (df, total count): no object per term, which at 100k abstracts (millions of
 * distinct n-grams before the min_df cut) is most of the counter's memory.
 */
function createTermCounts() {
  const slots = new Map<string, number>();
  let df = new Uint32Array(1 << 16);
  let tf = new Uint32Array(1 << 16);
  const grow = (a: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> => {
    const out = new Uint32Array(a.length * 2);
    out.set(a);
    return out;
  };
  return {
    count(term: string, n: number): void {
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(term, slot);
        if (slot >= df.length) {
          df = grow(df);
          tf = grow(tf);
        }
      }
      df[slot] = (df[slot] ?? 0) + 1;
      tf[slot] = (tf[slot] ?? 0) + n;
    },
    select(keep: (df: number) => boolean): TermStats[] {
      const out: TermStats[] = [];
      for (const [term, slot] of slots)
        if (keep(df[slot] ?? 0)) out.push([term, { df: df[slot] ?? 0, tf: tf[slot] ?? 0 }]);
      return out;
    },
  };
}

export function createTfidfCounter(options: TfidfOptions): TfidfCounter {
  const stats = createTermCounts();
  let docs = 0;
  return {
    add(text) {
      docs += 1;
      const counts = new Map<string, number>();
      for (const term of analyze(text, options)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, n] of counts) stats.count(term, n);
    },
    finish() {
      const high = options.maxDf * docs;
      let kept = stats.select((df) => df >= options.minDf && df <= high);
      if (options.maxFeatures !== undefined && kept.length > options.maxFeatures)
        kept = kept.sort((a, b) => b[1].tf - a[1].tf || (a[0] < b[0] ? -1 : 1)).slice(0, options.maxFeatures);
      kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return {
        terms: kept.map(([term]) => term),
        df: Uint32Array.from(kept, ([, s]) => s.df),
        idf: Float64Array.from(kept, ([, s]) => idfOf(docs, s.df)),
        docCount: docs,
      };
    },
  };
}

export function fitTfidf(corpus: Iterable<string>, options: TfidfOptions): TfidfVocabulary {
  const counter = createTfidfCounter(options);
  for (const text of corpus) counter.add(text);
  return counter.finish();
}

/** Smooth idf: ln((1 + n) / (1 + df)) + 1. */
export function idfOf(docCount: number, df: number): number {
  return Math.log((1 + docCount) / (1 + df)) + 1;
}

export type TfidfTransform = (text: string) => SparseRow;

export function createTfidfTransform(vocabulary: TfidfVocabulary, options: TfidfOptions): TfidfTransform {
  const index = new Map(vocabulary.terms.map((term, i) => [term, i]));
  return (text) => {
    const counts = new Map<number, number>();
    for (const term of analyze(text, options)) {
      const i = index.get(term);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const indices = Int32Array.from(counts.keys()).sort();
    const values = new Float32Array(indices.length);
    let norm = 0;
    indices.forEach((i, k) => {
      const tf = counts.get(i) ?? 0;
      const v = (options.sublinearTf ? 1 + Math.log(tf) : tf) * (vocabulary.idf[i] ?? 0);
      values[k] = v;
      norm += v * v;
    });
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let k = 0; k < values.length; k++) values[k] = (values[k] ?? 0) * scale;
    return { indices, values };
  };
}
