/**
 * What a search engine needs from the radar's state, wired once for `radar search`, `/search`'s
 * CLI twin and `radar eval search run`: the stored vectors of the embedding models, and the LLM
 * reranker (purpose `rerank`, through the LLM layer's ledger and budget).
 */
import { join } from 'node:path';
import { loadPrompt } from '../digest/prompt-files.ts';
import { createLedger } from '../llm/ledger.ts';
import { createLlmClient } from '../llm/llm-client.ts';
import { createLlmReranker } from '../search/llm-reranker.ts';
import type { SearchVersion } from '../search/search-version.ts';
import { createStoredVectors } from '../search/stored-vectors.ts';
import { createLedgerStore } from '../store/ledger-store.ts';
import { createStoredRerankCache } from '../store/search-rerank-cache.ts';
import type { CommandContext } from './context.ts';

export function storedVectorsFor(ctx: CommandContext, module: string) {
  const { config } = ctx.loaded;
  return createStoredVectors({
    env: ctx.env,
    logger: ctx.logger.child({ module }),
    modelsDir: join(ctx.cwd, 'models'),
    stateDir: ctx.stateDir,
    models: config.embedding.models,
    defaultModel: config.embedding.active[0],
    ...(config.llm.providers.default ? { defaultProvider: config.llm.providers.default } : {}),
  });
}

/** The LLM reranker for rerank versions; undefined for other versions or when no LLM serves `rerank`. */
export function llmRerankerFor(ctx: CommandContext, version: SearchVersion) {
  if (version.algorithm !== 'rerank') return undefined;
  const { config } = ctx.loaded;
  const ledger = createLedger(
    { store: createLedgerStore(ctx.stateDir) },
    { timezone: config.schedule.timezone },
  );
  const llm = createLlmClient({ config, env: ctx.env, ledger, logger: ctx.logger });
  if (!llm.available('rerank')) return undefined;
  return createLlmReranker(llm, () => loadPrompt('search-rerank'), createStoredRerankCache(ctx.stateDir));
}
