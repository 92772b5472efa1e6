/**
 * Cold start for the lexical model: each paper's best BM25 score (k1 1.2, b 0.75) against any
 * of the seed interest phrases, with the phrases and papers analyzed like the tf-idf (stop
 * words, stemming; unigrams). The idf comes from the document frequencies fitted on the whole
 * corpus, so a rare phrase word weighs more than a common one.
 */
import { type AnalyzerOptions, tokenize } from './analyzer.ts';

export interface Bm25Corpus {
  docCount: number;
  /** Document frequency of a term in the corpus (0 when unknown). */
  df(term: string): number;
}

const K1 = 1.2;
const B = 0.75;

function bm25Idf(corpus: Bm25Corpus, term: string): number {
  const n = corpus.df(term);
  return Math.log(1 + (corpus.docCount - n + 0.5) / (n + 0.5));
}

export function seedBm25Scores(
  texts: readonly string[],
  seeds: readonly string[],
  corpus: Bm25Corpus,
  analyzer: AnalyzerOptions,
): Float64Array {
  const docs = texts.map((t) => tokenize(t, analyzer));
  const avgLength = docs.reduce((n, d) => n + d.length, 0) / Math.max(1, docs.length) || 1;
  const queries = seeds.map((s) =>
    [...new Set(tokenize(s, analyzer))].map((t) => ({ t, idf: bm25Idf(corpus, t) })),
  );
  return Float64Array.from(docs, (tokens) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * tokens.length) / avgLength);
    let best = 0;
    for (const query of queries) {
      let score = 0;
      for (const { t, idf } of query) {
        const f = tf.get(t) ?? 0;
        if (f > 0) score += (idf * f * (K1 + 1)) / (f + norm);
      }
      best = Math.max(best, score);
    }
    return best;
  });
}
