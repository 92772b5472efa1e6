/**
 * The engine of `radar eval search run`, wired as `radar search` wires it: over the radar's papers
 * the persistent BM25 index, the stored vectors (vector, hybrid) and the LLM reranker (rerank,
 * purpose `rerank`); over a BEIR corpus, BM25 in memory, and a usage error for versions that need
 * vectors, which only the radar's papers have.
 */
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { createLedger } from '../../llm/ledger.ts';
import { createLlmClient } from '../../llm/llm-client.ts';
import { createMemoryCorpus } from '../../search/corpus.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import { createLlmReranker } from '../../search/llm-reranker.ts';
import { openPapersCorpus } from '../../search/papers-corpus.ts';
import type { SearchEngine } from '../../search/search-port.ts';
import { parseRerankParameters, type SearchVersion } from '../../search/search-version.ts';
import { createStoredVectors } from '../../search/stored-vectors.ts';
import { openBeirCollection, readBeirDocuments } from '../../store/beir-collection.ts';
import { createLedgerStore } from '../../store/ledger-store.ts';
import { createStoredRerankCache } from '../../store/search-rerank-cache.ts';
import type { CommandContext } from '../context.ts';

/** Whether the version (or a rerank version's first stage) searches embeddings. */
export function needsVectors(version: SearchVersion): boolean {
  if (version.algorithm === 'vector' || version.algorithm === 'hybrid') return true;
  if (version.algorithm !== 'rerank') return false;
  return parseRerankParameters(version).base.algorithm !== 'bm25';
}

function vectorsFor(ctx: CommandContext) {
  const { config } = ctx.loaded;
  return createStoredVectors({
    env: ctx.env,
    logger: ctx.logger.child({ module: 'eval-search' }),
    modelsDir: join(ctx.cwd, 'models'),
    stateDir: ctx.stateDir,
    models: config.embedding.models,
    defaultModel: config.embedding.active[0],
    ...(config.llm.providers.default ? { defaultProvider: config.llm.providers.default } : {}),
  });
}

function rerankerFor(ctx: CommandContext, version: SearchVersion) {
  if (version.algorithm !== 'rerank') return undefined;
  const { config } = ctx.loaded;
  const ledger = createLedger(
    { store: createLedgerStore(ctx.stateDir) },
    { timezone: config.schedule.timezone },
  );
  const llm = createLlmClient({ config, env: ctx.env, ledger, logger: ctx.logger });
  if (!llm.available('rerank'))
    throw new UsageError(
      `search version ${version.name} reranks with the LLM: declare llm.providers (or llm.tasks.rerank) and set its API key`,
    );
  return createLlmReranker(llm, createStoredRerankCache(ctx.stateDir));
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
    const corpus = createMemoryCorpus(await readBeirDocuments(await openBeirCollection(beir)));
    return createSearchEngine(version, { corpus, reranker: rerankerFor(ctx, version) });
  }
  const corpus = await openPapersCorpus({ stateDir: ctx.stateDir, logger: ctx.logger });
  return createSearchEngine(version, {
    corpus,
    vectors: needsVectors(version) ? vectorsFor(ctx) : undefined,
    reranker: rerankerFor(ctx, version),
  });
}
