/**
 * Wires the summarize and related-papers jobs from the config: the LLM client (ledger, budget),
 * the full-text service over the arXiv site routes, the first active embedding model (for tag
 * similarity and neighbours), the tag vocabulary and the prompts.
 */
import { join } from 'node:path';
import type { RadarEnv } from '../config/env.ts';
import type { RadarConfig } from '../config/schema.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { createEmbedder, type Embedder } from '../embed/embedder.ts';
import { createFullTextService } from '../fulltext/fetch-text.ts';
import { selectLatexConverter } from '../fulltext/latex/latex-converter.ts';
import { createPandocConverter, findOnPath } from '../fulltext/latex/pandoc.ts';
import { getPaperText } from '../fulltext/paper-text.ts';
import { createSiteRoutes } from '../fulltext/routes/site-routes.ts';
import { createHttpClient } from '../http/http-client.ts';
import { createLedger } from '../llm/ledger.ts';
import { createLlmClient, type LlmClient } from '../llm/llm-client.ts';
import { modelLabel, resolveModel } from '../llm/model-resolution.ts';
import type { Logger } from '../log/logger.ts';
import type { VectorMatrix } from '../rank/vector-matrix.ts';
import type { Stores } from '../store/stores.ts';
import { createTagService } from '../tags/tag-service.ts';
import { newestHeads } from './newest-papers.ts';
import { loadPrompt } from './prompt-files.ts';
import type { RelatedDeps } from './related.ts';
import { SUMMARIZE_PURPOSE, type SummarizeDeps } from './summarize.ts';
import { loadVectorRows } from './vector-rows.ts';

/** The stores the summarize and related-papers jobs read and write. */
export type DigestStores = Pick<
  Stores,
  'papers' | 'summaries' | 'tags' | 'links' | 'fulltext' | 'ledger' | 'vectors'
>;

export interface DigestWiring {
  config: RadarConfig;
  env: RadarEnv;
  stores: DigestStores;
  /** Where the embedder keeps its fitted state (a corpus-fitted model's vocabulary). */
  stateDir: string;
  logger: Logger;
  /** Where `models/` (transformers weights) lives. */
  cwd: string;
  clock?: Clock;
  fetch?: typeof fetch;
  runId?: string;
  /** The run's stop signal, for the LLM calls. */
  signal?: AbortSignal;
  promptsDir?: string;
  /**
   * A model's whole matrix, when the caller holds one; default: only the rows the related-papers
   * job needs, read shard by shard from the embeddings store.
   */
  loadVectors?: (model: string) => Promise<VectorMatrix>;
}

export function createDigestLlm(
  w: Pick<DigestWiring, 'config' | 'env' | 'logger' | 'clock' | 'runId' | 'signal'> &
    Partial<Pick<DigestWiring, 'cwd'>> & { stores: Pick<Stores, 'ledger'> },
): LlmClient {
  const ledger = createLedger({ store: w.stores.ledger }, { timezone: w.config.schedule.timezone });
  return createLlmClient(
    { config: w.config, env: w.env, ledger, logger: w.logger, ...(w.clock ? { clock: w.clock } : {}) },
    { ...(w.runId ? { runId: w.runId } : {}), ...(w.signal ? { signal: w.signal } : {}) },
  );
}

/** The first active embedding model, with its fitted state loaded (undefined when none is configured). */
export async function firstEmbedder(w: DigestWiring): Promise<Embedder | undefined> {
  const name = w.config.embedding.active[0];
  const modelConfig = name === undefined ? undefined : w.config.embedding.models[name];
  if (name === undefined || !modelConfig) return undefined;
  const embedder = await createEmbedder(name, modelConfig, {
    env: w.env,
    logger: w.logger.child({ module: 'embed', model: name }),
    modelsDir: join(w.cwd, 'models'),
    stateDir: w.stateDir,
    ...(w.config.llm.providers.default ? { defaultProvider: w.config.llm.providers.default } : {}),
    ...(w.fetch ? { fetch: w.fetch } : {}),
  });
  if (embedder.corpusFit) await embedder.corpusFit.load();
  return embedder;
}

function paperTextFn(w: DigestWiring): SummarizeDeps['paperText'] {
  const logger = w.logger.child({ module: 'fulltext' });
  const http = createHttpClient({
    logger: w.logger.child({ module: 'http' }),
    ...(w.fetch ? { fetch: w.fetch } : {}),
  });
  const converter = selectLatexConverter({
    pandocPath: findOnPath('pandoc', w.env.raw.PATH),
    createPandoc: (path) => createPandocConverter(path),
    logger,
  });
  const { arxiv } = w.config;
  const routes = createSiteRoutes(
    { http, converter, logger },
    { siteUrl: arxiv.siteUrl, requestIntervalSeconds: arxiv.requestIntervalSeconds },
  );
  const clock = w.clock ?? systemClock;
  const fullText = createFullTextService({
    routes,
    store: w.stores.fulltext,
    papers: w.stores.papers,
    logger,
    now: () => clock.now(),
  });
  return (paper, maxTokens) => getPaperText({ fullText }, paper, { maxTokens });
}

export async function createSummarizeDeps(
  w: DigestWiring,
  llm: LlmClient = createDigestLlm(w),
): Promise<SummarizeDeps> {
  const resolved = resolveModel(w.config.llm, SUMMARIZE_PURPOSE);
  const embedder = await firstEmbedder(w);
  const tags = createTagService(
    {
      store: w.stores.tags,
      llm,
      mergePrompt: await loadPrompt('tag-merge', w.promptsDir),
      logger: w.logger.child({ module: 'tags' }),
      ...(embedder ? { embed: (texts: readonly string[]) => embedder.embed(texts) } : {}),
    },
    w.config.tags,
  );
  return {
    papers: w.stores.papers,
    summaries: w.stores.summaries,
    llm,
    prompt: await loadPrompt('summarize', w.promptsDir),
    paperText: paperTextFn(w),
    tags,
    model: resolved
      ? {
          label: modelLabel(resolved),
          contextTokens: resolved.model.contextTokens,
          maxOutputTokens: resolved.model.maxOutputTokens,
        }
      : undefined,
    logger: w.logger.child({ module: 'summarize' }),
    clock: w.clock ?? systemClock,
    // Chosen on the newest shards' light rows, then only those papers read in full: never
    // every abstract, nor the whole light view.
    corpus: async () => {
      const store = w.stores.papers;
      const recent = await newestHeads(store, KEYPHRASE_CORPUS_SIZE);
      const full = await store.get(recent.map((h) => h.id));
      return recent.flatMap((h) => full.get(h.id) ?? []);
    },
  };
}

/** How many of the newest papers the extractive tags' keyphrases are scored against. */
const KEYPHRASE_CORPUS_SIZE = 2000;

/** The related-papers job over the first active embedding model's vectors. */
export async function createRelatedDeps(
  w: DigestWiring,
  llm: LlmClient = createDigestLlm(w),
): Promise<RelatedDeps> {
  const model = w.config.embedding.active[0] ?? '';
  const vectors = w.stores.vectors(model);
  return {
    summaries: w.stores.summaries,
    papers: w.stores.papers,
    links: w.stores.links,
    llm,
    prompt: await loadPrompt('related', w.promptsDir),
    loadVectors: (ids) => w.loadVectors?.(model) ?? loadVectorRows(vectors, ids),
    logger: w.logger.child({ module: 'related' }),
    clock: w.clock ?? systemClock,
  };
}
