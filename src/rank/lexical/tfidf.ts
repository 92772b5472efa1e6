/**
 * A tf-idf vectorizer with scikit-learn's semantics (`TfidfVectorizer`, smooth idf, optional
 * sublinear tf, L2 rows): the document-frequency bounds and the `maxFeatures` cut by total term
 * count are applied as in `CountVectorizer._limit_features`. Written here because no maintained
 * npm library reproduces those semantics (df bounds as proportions, the tf cut, smooth idf).
 */
import { withCapacity } from '../../core/typed-capacity.ts';
import { type AnalyzerOptions, analyze } from './analyzer.ts';
import { createPairTable, createTokenIds } from './ngram-table.ts';
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
  terms: readonly string[];
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
  return {
    count(term: string, n: number): void {
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = slots.size;
        slots.set(term, slot);
        df = withCapacity(df, slot + 1);
        tf = withCapacity(tf, slot + 1);
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

const keeps =
  (options: TfidfOptions, docs: number) =>
  (df: number): boolean =>
    df >= options.minDf && df <= options.maxDf * docs;

/** The kept terms cut to `maxFeatures` by total count, then sorted (sklearn's `_limit_features`). */
function vocabularyFrom(
  kept: TermStats[],
  options: TfidfOptions,
  docs: number,
): TfidfVocabulary & { df: Uint32Array } {
  let terms = kept;
  if (options.maxFeatures !== undefined && terms.length > options.maxFeatures)
    terms = terms.sort((a, b) => b[1].tf - a[1].tf || (a[0] < b[0] ? -1 : 1)).slice(0, options.maxFeatures);
  terms.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return {
    terms: terms.map(([term]) => term),
    df: Uint32Array.from(terms, ([, s]) => s.df),
    idf: Float64Array.from(terms, ([, s]) => idfOf(docs, s.df)),
    docCount: docs,
  };
}

/**
 * Counts each document's distinct terms once (df) and all their occurrences (tf): the n-gram
 * keys of the document are sorted and counted by runs, so no per-document map is built.
 */
function countRuns(keys: Int32Array, n: number, df: Uint32Array, tf: Uint32Array | undefined): void {
  const sorted = keys.subarray(0, n).sort();
  for (let k = 0; k < n; ) {
    const key = sorted[k] ?? 0;
    let run = 1;
    while (k + run < n && sorted[k + run] === key) run++;
    df[key] = (df[key] ?? 0) + 1;
    if (tf) tf[key] = (tf[key] ?? 0) + run;
    k += run;
  }
}

/**
 * The counter over integer n-gram ids (unigram: token id; bigram: a slot of the pair table),
 * which yields the same vocabulary as the string counter (tfidf.test.ts compares them).
 */
function createIdTfidfCounter(options: TfidfOptions): TfidfCounter {
  const tokens = createTokenIds(options);
  const pairs = createPairTable();
  // Total counts only serve the maxFeatures cut: without one, a third of the counter's arrays are spared.
  const counting = options.maxFeatures !== undefined;
  let uniDf = new Uint32Array(1 << 14);
  let uniTf = new Uint32Array(counting ? 1 << 14 : 0);
  let biDf = new Uint32Array(1 << 16);
  let biTf = new Uint32Array(counting ? 1 << 16 : 0);
  let keys = new Int32Array(1024);
  const buffer: Int32Array[] = [];
  let docs = 0;
  return {
    add(text) {
      docs += 1;
      const n = tokens.idsOf(text, buffer);
      const ids = buffer[0] ?? new Int32Array(0);
      uniDf = withCapacity(uniDf, tokens.names.length);
      if (counting) uniTf = withCapacity(uniTf, tokens.names.length);
      if (keys.length < n) keys = new Int32Array(n * 2);
      keys.set(ids.subarray(0, n));
      countRuns(keys, n, uniDf, counting ? uniTf : undefined);
      if (options.ngramMax < 2 || n < 2) return;
      for (let i = 0; i + 1 < n; i++) keys[i] = pairs.slot(ids[i] ?? 0, ids[i + 1] ?? 0, true);
      biDf = withCapacity(biDf, pairs.size);
      if (counting) biTf = withCapacity(biTf, pairs.size);
      countRuns(keys, n - 1, biDf, counting ? biTf : undefined);
    },
    finish() {
      const keep = keeps(options, docs);
      const kept: KeptTerms = { terms: [], df: [], tf: [] };
      const names = tokens.names;
      const add = (term: string, df: number, tf: number): void => {
        kept.terms.push(term);
        kept.df.push(df);
        kept.tf.push(tf);
      };
      for (let id = 0; id < names.length; id++) {
        const df = uniDf[id] ?? 0;
        if (keep(df)) add(names[id] ?? '', df, uniTf[id] ?? 0);
      }
      for (let s = 0; s < pairs.size; s++) {
        const df = biDf[s] ?? 0;
        if (keep(df)) add(`${names[pairs.first(s)]} ${names[pairs.second(s)]}`, df, biTf[s] ?? 0);
      }
      return vocabularyOfKept(kept, options, docs);
    },
  };
}

/** Kept terms as parallel arrays: at 100k papers, a [term, stats] pair per term was ~100 MB more. */
interface KeptTerms {
  terms: string[];
  df: number[];
  tf: number[];
}

/** `vocabularyFrom` over parallel arrays: the same cut and order. */
function vocabularyOfKept(
  kept: KeptTerms,
  options: TfidfOptions,
  docs: number,
): TfidfVocabulary & { df: Uint32Array } {
  const { terms, df, tf } = kept;
  let order = Uint32Array.from(terms, (_, i) => i);
  if (options.maxFeatures !== undefined && order.length > options.maxFeatures)
    order = order
      .sort((a, b) => (tf[b] ?? 0) - (tf[a] ?? 0) || ((terms[a] ?? '') < (terms[b] ?? '') ? -1 : 1))
      .slice(0, options.maxFeatures);
  order.sort((a, b) => {
    const x = terms[a] ?? '';
    const y = terms[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return {
    terms: Array.from(order, (i) => terms[i] ?? ''),
    df: Uint32Array.from(order, (i) => df[i] ?? 0),
    idf: Float64Array.from(order, (i) => idfOf(docs, df[i] ?? 0)),
    docCount: docs,
  };
}

export function createTfidfCounter(options: TfidfOptions): TfidfCounter {
  return options.ngramMax <= 2 ? createIdTfidfCounter(options) : createStringTfidfCounter(options);
}

/** The counter over n-gram strings: any `ngramMax` (the id counter covers 1 and 2). */
export function createStringTfidfCounter(options: TfidfOptions): TfidfCounter {
  const stats = createTermCounts();
  let docs = 0;
  return {
    add(text) {
      docs += 1;
      const counts = new Map<string, number>();
      for (const term of analyze(text, options)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, n] of counts) stats.count(term, n);
    },
    finish: () => vocabularyFrom(stats.select(keeps(options, docs)), options, docs),
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

/** The row of sorted column ids `columns[0…n)` (repeats are the counts), weighted and L2-normalized. */
function rowOf(columns: Int32Array, n: number, idf: Float64Array, sublinearTf: boolean): SparseRow {
  const sorted = columns.subarray(0, n).sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const indices = new Int32Array(distinct);
  const values = new Float32Array(distinct);
  let norm = 0;
  let j = 0;
  for (let k = 0; k < n; ) {
    const i = sorted[k] ?? 0;
    let tf = 1;
    while (k + tf < n && sorted[k + tf] === i) tf++;
    const v = (sublinearTf ? 1 + Math.log(tf) : tf) * (idf[i] ?? 0);
    indices[j] = i;
    values[j++] = v;
    norm += v * v;
    k += tf;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] ?? 0) * scale;
  return { indices, values };
}

/**
 * The transform over integer ids: the vocabulary's tokens get ids, each unigram and bigram term
 * a column reached from them, so a text costs one map lookup per raw token and one table probe
 * per bigram — the same rows as the string transform (tfidf.test.ts compares them).
 */
function createIdTfidfTransform(vocabulary: TfidfVocabulary, options: TfidfOptions): TfidfTransform {
  const names = new Set<string>();
  for (const term of vocabulary.terms) for (const part of term.split(' ')) names.add(part);
  const tokens = createTokenIds(options, names);
  const unigramColumn = new Int32Array(tokens.names.length).fill(-1);
  const bigrams = createPairTable(vocabulary.terms.length * 2);
  let bigramColumn = new Int32Array(1 << 10);
  vocabulary.terms.forEach((term, column) => {
    const space = term.indexOf(' ');
    if (space < 0) {
      unigramColumn[tokens.idOfName(term) ?? 0] = column;
      return;
    }
    const a = tokens.idOfName(term.slice(0, space)) ?? 0;
    const b = tokens.idOfName(term.slice(space + 1)) ?? 0;
    const slot = bigrams.slot(a, b, true);
    bigramColumn = withCapacity(bigramColumn, slot + 1);
    bigramColumn[slot] = column;
  });
  const buffer: Int32Array[] = [];
  let columns = new Int32Array(1024);
  // Only the idf is kept: the closure must not hold the vocabulary's terms.
  const { idf } = vocabulary;
  return (text) => {
    const n = tokens.idsOf(text, buffer);
    const ids = buffer[0] ?? new Int32Array(0);
    if (columns.length < 2 * n) columns = new Int32Array(4 * n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i] ?? -2;
      const column = id >= 0 ? (unigramColumn[id] ?? -1) : -1;
      if (column >= 0) columns[m++] = column;
    }
    if (options.ngramMax >= 2)
      for (let i = 0; i + 1 < n; i++) {
        const a = ids[i] ?? -2;
        const b = ids[i + 1] ?? -2;
        if (a < 0 || b < 0) continue;
        const slot = bigrams.slot(a, b, false);
        if (slot >= 0) columns[m++] = bigramColumn[slot] ?? 0;
      }
    return rowOf(columns, m, idf, options.sublinearTf);
  };
}

export function createTfidfTransform(vocabulary: TfidfVocabulary, options: TfidfOptions): TfidfTransform {
  return options.ngramMax <= 2
    ? createIdTfidfTransform(vocabulary, options)
    : createStringTfidfTransform(vocabulary, options);
}

/** The transform over n-gram strings: any `ngramMax`. */
export function createStringTfidfTransform(
  vocabulary: TfidfVocabulary,
  options: TfidfOptions,
): TfidfTransform {
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
