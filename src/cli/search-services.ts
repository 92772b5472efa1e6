/**
 * What a search engine needs from the radar's state, wired once for `radar search`, `/search`'s
 * CLI twin and `radar eval search run`: the papers corpus over the stores and the persistent
 * BM25 index, the stored vectors of the embedding models, and the LLM reranker (purpose
 * `rerank`, through the LLM layer's ledger and budget).
 */
import { join } from 'node:path';
import { loadPrompt } from '../digest/prompt-files.ts';
import { createEmbedder } from '../embed/embedder.ts';
import { openModelIndex } from '../index/index-store.ts';
import { createLedger } from '../llm/ledger.ts';
import { createLlmClient } from '../llm/llm-client.ts';
import { createLlmReranker } from '../search/llm-reranker.ts';
import { openPapersCorpus, type PapersCorpus } from '../search/papers-corpus.ts';
import type { SearchVersion } from '../search/search-version.ts';
import { storedPapersIndex } from '../search/stored-papers-index.ts';
import { createStoredVectors } from '../search/stored-vectors.ts';
import type { CommandContext } from './context.ts';

/** The radar's papers as a search corpus, its default index kept under the state's `index/bm25/`. */
export function papersCorpusFor(ctx: CommandContext): Promise<PapersCorpus> {
  return openPapersCorpus({ stores: ctx.stores, files: storedPapersIndex(ctx.stateDir), logger: ctx.logger });
}

export function storedVectorsFor(ctx: CommandContext, module: string) {
  const { config } = ctx.loaded;
  const logger = ctx.logger.child({ module });
  const embedderDeps = {
    env: ctx.env,
    logger,
    modelsDir: join(ctx.cwd, 'models'),
    stateDir: ctx.stateDir,
    ...(config.llm.providers.default ? { defaultProvider: config.llm.providers.default } : {}),
  };
  return createStoredVectors({
    stores: ctx.stores,
    models: config.embedding.models,
    defaultModel: config.embedding.active[0],
    embedderFor: (name, model) => createEmbedder(name, model, embedderDeps),
    openIndex: async (model, loadVectors) =>
      (await openModelIndex({ stateDir: ctx.stateDir, model, loadVectors, logger })).index,
  });
}

/** The LLM reranker for rerank versions; undefined for other versions or when no LLM serves `rerank`. */
export function llmRerankerFor(ctx: CommandContext, version: SearchVersion) {
  if (version.algorithm !== 'rerank') return undefined;
  const { config } = ctx.loaded;
  const ledger = createLedger({ store: ctx.stores.ledger }, { timezone: config.schedule.timezone });
  const llm = createLlmClient({ config, env: ctx.env, ledger, logger: ctx.logger });
  if (!llm.available('rerank')) return undefined;
  return createLlmReranker(llm, () => loadPrompt('search-rerank'), ctx.stores.rerankCache);
}
