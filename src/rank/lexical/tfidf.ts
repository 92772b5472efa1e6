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
      const names = tokens.names;
      const order = nameOrder(names);
      const rank = new Uint32Array(names.length);
      order.forEach((id, r) => {
        rank[id] = r;
      });
      // Each kept n-gram as one number whose numeric order is the terms' string order: no term
      // string exists until the cut and the sort are done (at 100k papers, ~760k of them).
      let kept = 0;
      for (let id = 0; id < names.length; id++) if (keep(uniDf[id] ?? 0)) kept++;
      for (let s = 0; s < pairs.size; s++) if (keep(biDf[s] ?? 0)) kept++;
      let keys = new Float64Array(kept);
      let k = 0;
      for (let id = 0; id < names.length; id++) if (keep(uniDf[id] ?? 0)) keys[k++] = termKey(rank[id] ?? 0);
      for (let s = 0; s < pairs.size; s++)
        if (keep(biDf[s] ?? 0)) keys[k++] = termKey(rank[pairs.first(s)] ?? 0, rank[pairs.second(s)] ?? 0);
      keys.sort();
      const statsOf = (key: number, counts: 'df' | 'tf'): number => {
        const { first, second } = keyRanks(key);
        const a = order[first] ?? 0;
        if (second < 0) return (counts === 'df' ? uniDf : uniTf)[a] ?? 0;
        const slot = pairs.slot(a, order[second] ?? 0, false);
        return (counts === 'df' ? biDf : biTf)[slot] ?? 0;
      };
      if (options.maxFeatures !== undefined && keys.length > options.maxFeatures) {
        const tf = Float64Array.from(keys, (key) => statsOf(key, 'tf'));
        // sklearn's cut: the highest total counts, ties to the earlier term; then back in term order.
        const top = Uint32Array.from(keys, (_, i) => i)
          .sort((a, b) => (tf[b] ?? 0) - (tf[a] ?? 0) || a - b)
          .subarray(0, options.maxFeatures)
          .sort();
        keys = Float64Array.from(top, (i) => keys[i] ?? 0);
      }
      const df = Uint32Array.from(keys, (key) => statsOf(key, 'df'));
      const terms = termsOf(keys, names, order);
      return { terms, df, idf: Float64Array.from(df, (d) => idfOf(docs, d)), docCount: docs };
    },
  };
}

/**
 * Token ids in the string order of their names. A bigram "a b" then sorts as the pair
 * (rank a, rank b), after the unigram "a": exact because no name holds a space or a control
 * character, which sort before every character a token can hold (checked here).
 */
function nameOrder(names: readonly string[]): Uint32Array {
  for (const name of names)
    for (let i = 0; i < name.length; i++)
      if (name.charCodeAt(i) <= 32) throw new Error(`token ${JSON.stringify(name)} holds whitespace`);
  return Uint32Array.from(names, (_, i) => i).sort((a, b) => {
    const x = names[a] ?? '';
    const y = names[b] ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The terms of the keys as strings cut from one decoded text: flat slices of a single string,
 * where ~760k concatenated "a b" strings were each a rope V8 flattens into a copy when the
 * vocabulary is validated and stored.
 */
function termsOf(keys: Float64Array, names: readonly string[], order: Uint32Array): string[] {
  if (keys.length === 0) return [];
  const nameBytes = Buffer.from(names.join('\n'), 'utf8');
  const starts = new Uint32Array(names.length + 1);
  for (let i = 0, id = 1; i < nameBytes.length; i++) if (nameBytes[i] === 10) starts[id++] = i + 1;
  starts[names.length] = nameBytes.length + 1;
  const span = (id: number): [number, number] => [starts[id] ?? 0, (starts[id + 1] ?? 0) - 1];
  let size = 0;
  for (const key of keys) {
    const { first, second } = keyRanks(key);
    const [a, b] = span(order[first] ?? 0);
    size += b - a + 1;
    if (second >= 0) {
      const [c, d] = span(order[second] ?? 0);
      size += d - c + 1;
    }
  }
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const key of keys) {
    const { first, second } = keyRanks(key);
    const [a, b] = span(order[first] ?? 0);
    at += nameBytes.copy(bytes, at, a, b);
    if (second >= 0) {
      const [c, d] = span(order[second] ?? 0);
      bytes[at++] = 32;
      at += nameBytes.copy(bytes, at, c, d);
    }
    bytes[at++] = 10;
  }
  return bytes.toString('utf8', 0, size - 1).split('\n');
}

/** Ranks below 2^26 (67M distinct tokens), so a key stays an exact integer below 2^52. */
const RANK_SPAN = 2 ** 26;

function termKey(first: number, second = -1): number {
  if (first >= RANK_SPAN) throw new Error(`more than ${RANK_SPAN} distinct tokens`);
  return first * RANK_SPAN + (second + 1);
}

function keyRanks(key: number): { first: number; second: number } {
  const first = Math.floor(key / RANK_SPAN);
  return { first, second: key - first * RANK_SPAN - 1 };
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
function createIdTfidfTransform(vocabulary: TransformVocabulary, options: TfidfOptions): TfidfTransform {
  // One pass over the terms (which may be decoded as iterated): each part gets an id in order of
  // first sight, each unigram its column, each bigram its column in the pair table.
  const ids = new Map<string, number>();
  const idOf = (name: string): number => {
    let id = ids.get(name);
    if (id === undefined) {
      id = ids.size;
      ids.set(name, id);
    }
    return id;
  };
  let unigramPlusOne = new Int32Array(1 << 12); // column + 1 of each token id's unigram, 0 for none
  const bigrams = createPairTable(1 << 16);
  let bigramColumn = new Int32Array(1 << 10);
  let column = 0;
  for (const term of vocabulary.terms) {
    const space = term.indexOf(' ');
    if (space < 0) {
      const id = idOf(term);
      unigramPlusOne = withCapacity(unigramPlusOne, id + 1);
      unigramPlusOne[id] = column + 1;
    } else {
      const slot = bigrams.slot(idOf(term.slice(0, space)), idOf(term.slice(space + 1)), true);
      bigramColumn = withCapacity(bigramColumn, slot + 1);
      bigramColumn[slot] = column;
    }
    column += 1;
  }
  const tokens = createTokenIds(options, ids.keys());
  ids.clear();
  const unigramColumn = Int32Array.from(unigramPlusOne.subarray(0, tokens.names.length), (c) => c - 1);
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

/** What a transform needs of a vocabulary: its terms, in column order, iterated once, and their idf. */
export interface TransformVocabulary {
  terms: Iterable<string>;
  idf: Float64Array;
}

export function createTfidfTransform(vocabulary: TransformVocabulary, options: TfidfOptions): TfidfTransform {
  return options.ngramMax <= 2
    ? createIdTfidfTransform(vocabulary, options)
    : createStringTfidfTransform(vocabulary, options);
}

/** The transform over n-gram strings: any `ngramMax`. */
export function createStringTfidfTransform(
  vocabulary: TransformVocabulary,
  options: TfidfOptions,
): TfidfTransform {
  const index = new Map(Array.from(vocabulary.terms, (term, i) => [term, i]));
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
