/**
 * The search port: one `search(query, options)` for every algorithm (BM25, vector, hybrid,
 * rerank). Algorithms are named, parameterized versions so the search benchmark can run and
 * compare them; the chat `/search`, `radar search` and the benchmark all go through this port.
 */

/** Which algorithm a version runs, with its parameters (all optional, defaulted by the algorithm). */
export type SearchAlgorithm = 'bm25' | 'vector' | 'hybrid' | 'rerank';

export interface SearchFilters {
  /** Inclusive YYYY-MM-DD bounds on the paper's published day. */
  since?: string | undefined;
  until?: string | undefined;
  /** Keep papers with at least one of these categories. */
  categories?: readonly string[] | undefined;
  likedOnly?: boolean | undefined;
  hasSummary?: boolean | undefined;
}

export interface SearchOptions {
  /** How many hits to return (default 10). */
  k?: number | undefined;
  filters?: SearchFilters | undefined;
  signal?: AbortSignal | undefined;
  /** Compute snippets (default true); a benchmark writing run files turns them off. */
  snippets?: boolean | undefined;
}

export interface SearchHit {
  /** The document id: an arXiv id for the radar's papers, the collection's docid for an external corpus. */
  id: string;
  score: number;
  /** A one-line excerpt around the best-matching terms (may be empty). */
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Set when the query had nothing to search for (empty or only stop words). */
  emptyQuery?: boolean | undefined;
}

export interface SearchEngine {
  /** The version name this engine runs, e.g. `bm25` or `hybrid-rrf`. */
  readonly name: string;
  search(query: string, options?: SearchOptions): Promise<SearchResult>;
}

/** A document as every algorithm sees it: the radar's papers and external corpora alike. */
export interface SearchDocument {
  id: string;
  title: string;
  text: string;
}
