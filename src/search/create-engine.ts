/**
 * `createSearchEngine(version, deps)`: builds any search version over any corpus (the radar's
 * papers or a BEIR collection). The CLI, the chat `/search` and the search benchmark all use it.
 * Versions over the same corpus share its lexical index (built once per analyzer setting).
 */
import type { SearchCorpus } from './corpus.ts';
import { createBm25Engine } from './engines/bm25-engine.ts';
import { createHybridEngine } from './engines/hybrid-engine.ts';
import { createRerankEngine, type Reranker } from './engines/rerank-engine.ts';
import { createVectorEngine, type OpenVectorSearcher } from './engines/vector-engine.ts';
import type { SearchEngine } from './search-port.ts';
import {
  parseBm25Parameters,
  parseHybridParameters,
  parseRerankParameters,
  parseVectorParameters,
  type SearchVersion,
} from './search-version.ts';

export interface SearchEngineDeps {
  corpus: SearchCorpus;
  /** Needed by vector and hybrid versions (and rerank over them). */
  vectors?: OpenVectorSearcher | undefined;
  /** Needed by rerank versions. */
  reranker?: Reranker | undefined;
}

/** Throws ConfigError when the parameters are invalid or the version needs a missing dependency. */
export async function createSearchEngine(
  version: SearchVersion,
  deps: SearchEngineDeps,
): Promise<SearchEngine> {
  const { name } = version;
  switch (version.algorithm) {
    case 'bm25':
      return createBm25Engine(name, parseBm25Parameters(version), deps.corpus);
    case 'vector':
      return createVectorEngine(name, parseVectorParameters(version), deps.corpus, deps.vectors);
    case 'hybrid':
      return createHybridEngine(name, parseHybridParameters(version), deps.corpus, deps.vectors);
    case 'rerank': {
      const params = parseRerankParameters(version);
      const base = await createSearchEngine(
        { name: `${name}:base`, algorithm: params.base.algorithm, parameters: params.base.parameters },
        deps,
      );
      return createRerankEngine(name, params, base, deps.corpus, deps.reranker);
    }
  }
}
