/**
 * The radar's own papers as a search corpus: title + abstract, with published day, categories,
 * likes and summaries for filters. The default analyzer's index is the persistent one under
 * `index/bm25/` (papers-index.ts); other analyzer settings are built in memory.
 */
import type { Logger } from '../log/logger.ts';
import type { Paper } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { type AnalyzerOptions, analyzerSignature } from '../text/tokenize.ts';
import type { FilterFacts, SearchCorpus } from './corpus.ts';
import { analyzerOptionsOf, buildLexicalIndex, type LexicalIndex } from './lexical-index.ts';
import { type IndexOrigin, type PapersIndexFiles, syncPapersIndex } from './papers-index.ts';
import type { SearchDocument } from './search-port.ts';
import { Bm25Parameters } from './search-version.ts';

/** The analyzer of the persistent index: the default BM25 version's. */
export const PERSISTENT_ANALYZER: AnalyzerOptions = analyzerOptionsOf(Bm25Parameters.parse({}));

export interface PapersCorpus extends SearchCorpus {
  paper(id: string): Paper | undefined;
  /** How the persistent index was obtained, once it was opened. */
  indexOrigin(): IndexOrigin | undefined;
}

export interface PapersCorpusDeps {
  stores: Pick<Stores, 'papers' | 'labels' | 'summaries'>;
  /** The persistent index of the default analyzer (src/search/stored-papers-index.ts on disk). */
  files: PapersIndexFiles;
  logger?: Logger | undefined;
}

export async function openPapersCorpus(deps: PapersCorpusDeps): Promise<PapersCorpus> {
  const { stores } = deps;
  const [papers, labels, summaries] = await Promise.all([
    stores.papers.readAll(),
    stores.labels.readAll(),
    stores.summaries.readAll(),
  ]);
  const byId = new Map(papers.map((p) => [p.id, p]));
  const docs = new Map<string, SearchDocument>(
    papers.map((p) => [p.id, { id: p.id, title: p.title, text: p.abstract }]),
  );
  const liked = new Set(labels.filter((l) => l.label === 1).map((l) => l.id));
  const summarized = new Set(summaries.map((s) => s.id));
  const facts = (id: string): FilterFacts | undefined => {
    const paper = byId.get(id);
    if (!paper) return undefined;
    return {
      published: paper.published.slice(0, 10),
      categories: paper.categories,
      liked: liked.has(id),
      hasSummary: summarized.has(id),
    };
  };
  const persistentKey = analyzerSignature(PERSISTENT_ANALYZER);
  const indexes = new Map<string, Promise<LexicalIndex>>();
  let origin: IndexOrigin | undefined;
  return {
    size: () => docs.size,
    document: (id) => docs.get(id),
    paper: (id) => byId.get(id),
    facts,
    indexOrigin: () => origin,
    lexical(options) {
      const key = analyzerSignature(options);
      let index = indexes.get(key);
      if (!index) {
        index =
          key === persistentKey
            ? syncPapersIndex(deps, options).then((r) => {
                origin = r.origin;
                return r.lexical;
              })
            : Promise.resolve(buildLexicalIndex(docs.values(), options));
        indexes.set(key, index);
      }
      return index;
    },
  };
}
