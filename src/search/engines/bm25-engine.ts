/** The BM25 version: Lucene-form BM25 over the corpus's lexical index (see bm25/bm25.ts). */
import { type Bm25Scorer, createBm25Scorer } from '../bm25/bm25.ts';
import type { SearchCorpus } from '../corpus.ts';
import { filterPredicate } from '../filters.ts';
import { analyzerOptionsOf, type LexicalIndex } from '../lexical-index.ts';
import type { SearchEngine, SearchHit, SearchOptions } from '../search-port.ts';
import type { Bm25Parameters } from '../search-version.ts';
import { makeSnippet } from '../snippet.ts';

export const DEFAULT_K = 10;

/** BM25 hits with the analyzed query, so hybrid search can reuse both. */
export interface Bm25Run {
  terms: string[];
  hits: SearchHit[];
  lexical: LexicalIndex;
}

export interface Bm25Engine extends SearchEngine {
  run(query: string, options?: SearchOptions): Promise<Bm25Run>;
}

export function snippetFor(
  corpus: SearchCorpus,
  id: string,
  terms: readonly string[],
  lexical: LexicalIndex,
): string {
  const doc = corpus.document(id);
  return doc ? makeSnippet(doc.text || doc.title, terms, lexical.analyze) : '';
}

export function createBm25Engine(name: string, params: Bm25Parameters, corpus: SearchCorpus): Bm25Engine {
  const analyzer = analyzerOptionsOf(params);
  let current: { lexical: LexicalIndex; scorer: Bm25Scorer } | undefined;
  // The corpus may grow (a day's papers) while the engine lives: rebuild the scorer when it does.
  const scorerFor = async (): Promise<{ lexical: LexicalIndex; scorer: Bm25Scorer }> => {
    const lexical = await corpus.lexical(analyzer);
    if (current?.lexical !== lexical) {
      current = { lexical, scorer: createBm25Scorer(lexical.index, lexical.vocabulary, params) };
    }
    return current;
  };
  const run = async (query: string, options: SearchOptions = {}): Promise<Bm25Run> => {
    const { lexical, scorer } = await scorerFor();
    const terms = lexical.analyze(query);
    const keep = filterPredicate(options.filters, corpus.facts);
    if (terms.length === 0) return { terms, hits: [], lexical };
    const ids = lexical.index.docIds;
    const accept = keep ? (doc: number) => keep(ids[doc] ?? '') : undefined;
    const top = scorer.search(terms, options.k ?? DEFAULT_K, accept);
    const withSnippets = options.snippets ?? true;
    const hits = top.map(({ doc, score }) => {
      const id = ids[doc] ?? '';
      return { id, score, snippet: withSnippets ? snippetFor(corpus, id, terms, lexical) : '' };
    });
    return { terms, hits, lexical };
  };
  return {
    name,
    run,
    async search(query, options) {
      const { terms, hits } = await run(query, options);
      return terms.length === 0 ? { hits, emptyQuery: true } : { hits };
    },
  };
}
