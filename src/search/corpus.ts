/**
 * What an engine searches: the documents (for snippets), their lexical index per analyzer, and,
 * for the radar's papers, the facts filters need. `createMemoryCorpus` serves a BEIR collection or
 * a test; the radar's papers use a corpus backed by the persistent index (papers-corpus.ts).
 */
import { type AnalyzerOptions, analyzerSignature } from '../text/tokenize.ts';
import { buildLexicalIndex, type LexicalIndex } from './lexical-index.ts';
import type { SearchDocument } from './search-port.ts';

/** What the filters look at; unknown fields make a filter on them exclude the document. */
export interface FilterFacts {
  /** YYYY-MM-DD. */
  published?: string | undefined;
  categories?: readonly string[] | undefined;
  liked?: boolean | undefined;
  hasSummary?: boolean | undefined;
}

export interface SearchCorpus {
  /** Number of documents. */
  size(): number;
  document(id: string): SearchDocument | undefined;
  /** The lexical index for one analyzer configuration (built once, then shared by engines). */
  lexical(options: AnalyzerOptions): Promise<LexicalIndex>;
  /** Absent for corpora without metadata (BEIR): filters are then refused. */
  facts?: ((id: string) => FilterFacts | undefined) | undefined;
}

export function createMemoryCorpus(
  documents: Iterable<SearchDocument>,
  facts?: (id: string) => FilterFacts | undefined,
): SearchCorpus {
  const byId = new Map<string, SearchDocument>();
  for (const doc of documents) byId.set(doc.id, doc);
  const built = new Map<string, Promise<LexicalIndex>>();
  return {
    size: () => byId.size,
    document: (id) => byId.get(id),
    lexical(options) {
      const key = analyzerSignature(options);
      let index = built.get(key);
      if (!index) {
        index = Promise.resolve(buildLexicalIndex(byId.values(), options));
        built.set(key, index);
      }
      return index;
    },
    facts,
  };
}
