/**
 * The engine of `radar eval search run`, wired as `radar search` wires it: over the radar's papers
 * the persistent BM25 index, the stored vectors (vector, hybrid) and the LLM reranker (rerank,
 * purpose `rerank`); over a BEIR corpus, BM25 in memory, and a usage error for versions that need
 * vectors, which only the radar's papers have.
 */
import { UsageError } from '../../core/errors.ts';
import { createMemoryCorpus, type SearchCorpus } from '../../search/corpus.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import { type LexicalIndex, lexicalFromIndex } from '../../search/lexical-index.ts';
import { openPapersCorpus } from '../../search/papers-corpus.ts';
import type { SearchEngine } from '../../search/search-port.ts';
import { parseRerankParameters, type SearchVersion } from '../../search/search-version.ts';
import { openBeirCollection, readBeirDocuments } from '../../store/beir-collection.ts';
import { beirCorpusStamp, createBeirIndexCache } from '../../store/eval-search-beir-index.ts';
import { type AnalyzerOptions, analyzerSignature } from '../../text/tokenize.ts';
import type { CommandContext } from '../context.ts';
import { llmRerankerFor, storedVectorsFor } from '../search-services.ts';

/** Whether the version (or a rerank version's first stage) searches embeddings. */
export function needsVectors(version: SearchVersion): boolean {
  if (version.algorithm === 'vector' || version.algorithm === 'hybrid') return true;
  if (version.algorithm !== 'rerank') return false;
  return parseRerankParameters(version).base.algorithm !== 'bm25';
}

function rerankerFor(ctx: CommandContext, version: SearchVersion) {
  if (version.algorithm !== 'rerank') return undefined;
  const reranker = llmRerankerFor(ctx, version);
  if (!reranker)
    throw new UsageError(
      `search version ${version.name} reranks with the LLM: declare llm.providers (or llm.tasks.rerank) and set its API key`,
    );
  return reranker;
}

/** A BEIR corpus in memory whose BM25 index is loaded from index/beir/ when the corpus is unchanged. */
export async function beirCorpus(stateDir: string, dir: string): Promise<SearchCorpus> {
  const [documents, stamp] = await Promise.all([
    openBeirCollection(dir).then(readBeirDocuments),
    beirCorpusStamp(dir),
  ]);
  const memory = createMemoryCorpus(documents);
  const cache = createBeirIndexCache(stateDir, stamp);
  const indexes = new Map<string, Promise<LexicalIndex>>();
  const open = async (options: AnalyzerOptions): Promise<LexicalIndex> => {
    const signature = analyzerSignature(options);
    const stored = await cache.read(signature);
    if (stored !== undefined) return lexicalFromIndex(stored, options);
    const built = await memory.lexical(options);
    await cache.write(signature, built.index);
    return built;
  };
  return {
    ...memory,
    lexical(options) {
      const key = analyzerSignature(options);
      let index = indexes.get(key);
      if (index === undefined) {
        index = open(options);
        indexes.set(key, index);
      }
      return index;
    },
  };
}

export async function engineFor(
  ctx: CommandContext,
  version: SearchVersion,
  beir: string | undefined,
): Promise<SearchEngine> {
  if (beir !== undefined) {
    if (needsVectors(version))
      throw new UsageError(
        `search version ${version.name} (${version.algorithm}) needs stored vectors, which only the radar's papers have: run it without --beir, or use a bm25 version over the BEIR corpus`,
      );
    const corpus = await beirCorpus(ctx.stateDir, beir);
    return createSearchEngine(version, { corpus, reranker: rerankerFor(ctx, version) });
  }
  const corpus = await openPapersCorpus({ stateDir: ctx.stateDir, logger: ctx.logger });
  return createSearchEngine(version, {
    corpus,
    vectors: needsVectors(version) ? storedVectorsFor(ctx, 'eval-search') : undefined,
    reranker: rerankerFor(ctx, version),
  });
}
