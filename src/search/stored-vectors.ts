/**
 * Vector search over the radar's papers: the query embedded with the model's embedder, the
 * nearest papers from the model's persisted ANN index (src/index/), opened once per model.
 */

import type { EmbeddingModelConfig } from '../config/schema.ts';
import { ConfigError, UsageError } from '../core/errors.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import type { EmbeddingsStore } from '../store/embeddings-store.ts';
import type { Stores } from '../store/stores.ts';
import type { OpenVectorSearcher, VectorSearcher } from './engines/vector-engine.ts';

/** The model's persisted ANN index, brought up to date with its vectors (read only if needed). */
export type OpenStoredIndex = (model: string, loadVectors: EmbeddingsStore['load']) => Promise<VectorIndex>;

export interface StoredVectorsDeps {
  stores: Pick<Stores, 'vectors'>;
  models: Readonly<Record<string, EmbeddingModelConfig>>;
  /** The model used when a version names none (the first active one). */
  defaultModel: string | undefined;
  /** The embedder of a model (the composition root binds it to the models and state folders). */
  embedderFor: (name: string, config: EmbeddingModelConfig) => Promise<Embedder>;
  openIndex: OpenStoredIndex;
}

export function createStoredVectors(deps: StoredVectorsDeps): OpenVectorSearcher {
  const opened = new Map<string, Promise<VectorSearcher>>();
  const open = async (name: string): Promise<VectorSearcher> => {
    const config = deps.models[name];
    if (!config)
      throw new ConfigError(`search names embedding model "${name}", which is not in embedding.models`);
    const embedder = await deps.embedderFor(name, config);
    if (embedder.corpusFit && !(await embedder.corpusFit.load()))
      throw new UsageError(`model "${name}" has no fitted state yet: run \`radar embed\` first`);
    const store = deps.stores.vectors(name);
    const index = await deps.openIndex(name, (options) => store.load(options));
    if (index.size() === 0) throw new UsageError(`no vectors for model "${name}": run \`radar embed\` first`);
    return {
      model: name,
      async nearest(query, k, signal) {
        const [vector] = await embedder.embed([query], signal);
        if (!vector) return [];
        return index.search(vector, k).map((n) => ({ id: n.id, score: n.similarity }));
      },
    };
  };
  return (model) => {
    const name = model ?? deps.defaultModel;
    if (name === undefined)
      return Promise.reject(new ConfigError('vector search needs an embedding model in embedding.active'));
    let searcher = opened.get(name);
    if (!searcher) {
      searcher = open(name);
      opened.set(name, searcher);
    }
    return searcher;
  };
}
