/** The hybrid version: BM25 and vector lists fused by RRF or by weighted normalized scores. */
import type { SearchCorpus } from '../corpus.ts';
import { reciprocalRankFusion, weightedScoreFusion } from '../fusion.ts';
import type { SearchEngine } from '../search-port.ts';
import type { HybridParameters } from '../search-version.ts';
import { createBm25Engine, DEFAULT_K, snippetFor } from './bm25-engine.ts';
import { createVectorEngine, type OpenVectorSearcher } from './vector-engine.ts';

export function createHybridEngine(
  name: string,
  params: HybridParameters,
  corpus: SearchCorpus,
  open: OpenVectorSearcher | undefined,
): SearchEngine {
  const bm25 = createBm25Engine(`${name}:bm25`, params.bm25, corpus);
  const vector = createVectorEngine(`${name}:vector`, params.vector, corpus, open);
  return {
    name,
    async search(query, options = {}) {
      const k = options.k ?? DEFAULT_K;
      const depth = Math.max(params.depth, k);
      const lexical = await bm25.run(query, { ...options, k: depth, snippets: false });
      if (lexical.terms.length === 0) return { hits: [], emptyQuery: true };
      const dense = await vector.rank(query, depth, options);
      const lists = [
        { hits: lexical.hits, weight: params.bm25Weight },
        { hits: dense, weight: params.vectorWeight },
      ];
      const fused =
        params.fusion === 'rrf'
          ? reciprocalRankFusion(lists, params.rrfK, k)
          : weightedScoreFusion(lists, params.normalization, k);
      const withSnippets = options.snippets ?? true;
      const hits = fused.map((h) => ({
        ...h,
        snippet: withSnippets ? snippetFor(corpus, h.id, lexical.terms, lexical.lexical) : '',
      }));
      return { hits };
    },
  };
}
