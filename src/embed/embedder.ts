/**
 * The `Embedder` port the pipeline embeds with, and `createEmbedder`, which builds one from a
 * model's config entry (`embedding.models[name]`). Each backend lives in its own file under
 * backends/ and is imported only when a model uses it.
 */
import type { RadarEnv } from '../config/env.ts';
import type { EmbeddingModelConfig, LlmProviderConfig } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';

export interface Embedder {
  /** The model's name in config; also its folder under `embeddings/`. */
  readonly id: string;
  readonly backend: EmbeddingModelConfig['backend'];
  readonly dims: number;
  /** Longer inputs are truncated (by the caller, roughly; by the tokenizer, exactly). */
  readonly maxInputTokens: number;
  /** How many texts one `embed` call should carry. */
  readonly batchSize: number;
  /** One L2-normalized vector of `dims` floats per text, in order. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
  /** Present when the model learns something from the corpus before it can embed (hashing's idf). */
  readonly corpusFit?: CorpusFit;
}

/**
 * A model state fitted once on the whole corpus and then kept fixed, so vectors embedded on
 * different days stay comparable. Refitting means re-embedding everything.
 */
export interface CorpusFit {
  /** Loads the saved state; false when there is none yet. */
  load(): Promise<boolean>;
  /** Fits on the corpus and saves the state (atomically) before any vector uses it. */
  fit(corpus: readonly string[]): Promise<void>;
}

export interface EmbedderDeps {
  env: RadarEnv;
  logger: Logger;
  /** Where transformers.js finds local weights (the project's `models/`). */
  modelsDir: string;
  /** The state directory, for fitted model state such as hashing's idf. */
  stateDir: string;
  /** The default LLM provider, whose base URL the openai backend uses unless it has its own. */
  defaultProvider?: LlmProviderConfig;
  fetch?: typeof fetch;
}

export async function createEmbedder(
  name: string,
  config: EmbeddingModelConfig,
  deps: EmbedderDeps,
): Promise<Embedder> {
  switch (config.backend) {
    case 'hashing': {
      const { createStoredHashingEmbedder } = await import('./backends/hashing.ts');
      return createStoredHashingEmbedder(name, config, deps);
    }
    case 'transformers': {
      const { createTransformersEmbedder } = await import('./backends/transformers.ts');
      return createTransformersEmbedder(name, config, deps);
    }
    case 'openai': {
      const { createOpenAIEmbedder } = await import('./backends/openai.ts');
      return createOpenAIEmbedder(name, config, deps);
    }
  }
}
