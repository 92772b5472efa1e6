/**
 * Cold start for the lexical model: each paper's best BM25 score against any of the seed
 * interest phrases, computed with the search's BM25 core (`src/search/bm25/`: Lucene's idf and
 * term saturation) at the classic k1 1.2, b 0.75 over one field. The phrases and papers are
 * analyzed like the tf-idf (stop words, stemming; unigrams), so a seed word meets the same term
 * the classifier will later weigh. The idf comes from the document frequencies fitted on the
 * whole corpus, so a rare phrase word weighs more than a common one.
 */
import { type Bm25Params, bm25Idf, bm25TermScore } from '../../search/bm25/bm25.ts';
import { type AnalyzerOptions, tokenize } from './analyzer.ts';

export interface Bm25Corpus {
  docCount: number;
  /** Document frequency of a term in the corpus (0 when unknown). */
  df(term: string): number;
}

export const SEED_BM25: Bm25Params = { k1: 1.2, b: 0.75, titleWeight: 1, textWeight: 1 };

export function seedBm25Scores(
  texts: readonly string[],
  seeds: readonly string[],
  corpus: Bm25Corpus,
  analyzer: AnalyzerOptions,
): Float64Array {
  const docs = texts.map((t) => tokenize(t, analyzer));
  const avgLength = docs.reduce((n, d) => n + d.length, 0) / Math.max(1, docs.length) || 1;
  const queries = seeds.map((s) =>
    [...new Set(tokenize(s, analyzer))].map((t) => ({ t, idf: bm25Idf(corpus.docCount, corpus.df(t)) })),
  );
  return Float64Array.from(docs, (tokens) => {
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    let best = 0;
    for (const query of queries) {
      let score = 0;
      for (const { t, idf } of query)
        score += bm25TermScore(idf, tf.get(t) ?? 0, tokens.length, avgLength, SEED_BM25);
      best = Math.max(best, score);
    }
    return best;
  });
}
