/** The vector version: the query embedded with the model, nearest papers from its ANN index. */
import { ConfigError } from '../../core/errors.ts';
import { tokenize } from '../../text/tokenize.ts';
import type { SearchCorpus } from '../corpus.ts';
import { filterPredicate } from '../filters.ts';
import type { Ranked } from '../fusion.ts';
import type { SearchEngine, SearchOptions } from '../search-port.ts';
import type { VectorParameters } from '../search-version.ts';
import { makeSnippet } from '../snippet.ts';
import { DEFAULT_K } from './bm25-engine.ts';

/** One embedding model's query-time search: embed the query, ask the ANN index. */
export interface VectorSearcher {
  readonly model: string;
  /** Nearest documents, best first, score = cosine similarity. */
  nearest(query: string, k: number, signal?: AbortSignal): Promise<Ranked[]>;
}

/** Opens the searcher of a model (undefined: the configured default model). */
export type OpenVectorSearcher = (model: string | undefined) => Promise<VectorSearcher>;

export interface VectorEngine extends SearchEngine {
  /** Filtered nearest neighbours without snippets (hybrid fuses these). */
  rank(query: string, k: number, options?: SearchOptions): Promise<Ranked[]>;
}

export function createVectorEngine(
  name: string,
  params: VectorParameters,
  corpus: SearchCorpus,
  open: OpenVectorSearcher | undefined,
): VectorEngine {
  if (!open) throw new ConfigError(`search version "${name}" needs embeddings, and none are available here`);
  let searcher: Promise<VectorSearcher> | undefined;
  const rank = async (query: string, k: number, options: SearchOptions = {}): Promise<Ranked[]> => {
    searcher ??= open(params.model);
    const keep = filterPredicate(options.filters, corpus.facts);
    const fetch = keep ? Math.ceil(k * params.overfetch) : k;
    const near = await (await searcher).nearest(query, fetch, options.signal);
    return (keep ? near.filter((h) => keep(h.id)) : near).slice(0, k);
  };
  return {
    name,
    rank,
    async search(query, options = {}) {
      const terms = tokenize(query);
      if (terms.length === 0) return { hits: [], emptyQuery: true };
      const near = await rank(query, options.k ?? DEFAULT_K, options);
      const withSnippets = options.snippets ?? true;
      const hits = near.map((h) => {
        const doc = corpus.document(h.id);
        const snippet = withSnippets && doc ? makeSnippet(doc.text || doc.title, terms, tokenize) : '';
        return { id: h.id, score: h.score, snippet };
      });
      return { hits };
    },
  };
}
