import { describe, expect, it } from 'vitest';
import type { EmbeddingModelConfig } from '../config/schema.ts';
import { ConfigError, UsageError } from '../core/errors.ts';
import type { Embedder } from '../embed/embedder.ts';
import { createVectorIndex } from '../index/vector-index.ts';
import { createMemoryStores } from '../store/memory/memory-stores.ts';
import type { Stores } from '../store/stores.ts';
import { createStoredVectors, type OpenStoredIndex } from './stored-vectors.ts';

const DIMS = 4;
const TOY: EmbeddingModelConfig = { backend: 'hashing', dims: DIMS };

/** One axis per topic word; a query is the sum of the axes of its words, normalized. */
const AXES: Record<string, number> = { decoding: 0, graphs: 1, proteins: 2, speech: 3 };
function toyVector(text: string): Float32Array {
  const vector = new Float32Array(DIMS);
  for (const word of text.toLowerCase().split(/\W+/)) {
    const axis = AXES[word];
    if (axis !== undefined) vector[axis] = (vector[axis] ?? 0) + 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((x) => x / norm);
}

function toyEmbedder(name: string, fitted = true): Embedder {
  return {
    id: name,
    backend: 'hashing',
    dims: DIMS,
    maxInputTokens: 512,
    batchSize: 8,
    embed: async (texts) => texts.map(toyVector),
    corpusFit: { load: async () => fitted, fit: async () => undefined },
  };
}

/** The ANN index built in memory from the model's vectors, counting how often a model is opened. */
function countingOpener(): { open: OpenStoredIndex; opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    async open(model, loadVectors) {
      opened.push(model);
      const matrix = await loadVectors();
      const index = createVectorIndex(DIMS);
      if (matrix.ids.length > 0) index.add(matrix);
      return index;
    },
  };
}

async function storesWithVectors(): Promise<Stores> {
  const stores = createMemoryStores();
  await stores.vectors('toy').writeMeta({
    model: 'toy',
    backend: 'hashing',
    dims: DIMS,
    normalize: true,
    createdAt: '2026-12-01T00:00:00.000Z',
  });
  await stores.vectors('toy').upsert([
    { id: '2511.00001', vector: toyVector('decoding') },
    { id: '2511.00002', vector: toyVector('graphs') },
    { id: '2511.00003', vector: toyVector('proteins speech') },
  ]);
  return stores;
}

describe('stored vectors', () => {
  it('answers a query with the nearest papers of the model, opening its index once', async () => {
    const stores = await storesWithVectors();
    const { open, opened } = countingOpener();
    const searcherFor = createStoredVectors({
      stores,
      models: { toy: TOY },
      defaultModel: 'toy',
      embedderFor: async (name) => toyEmbedder(name),
      openIndex: open,
    });
    const searcher = await searcherFor(undefined);
    expect(searcher.model).toBe('toy');
    const hits = await searcher.nearest('faster decoding', 2);
    expect(hits[0]?.id).toBe('2511.00001');
    expect(hits[0]?.score).toBeCloseTo(1, 5);
    expect(hits).toHaveLength(2);
    expect((await (await searcherFor('toy')).nearest('speech', 1)).map((h) => h.id)).toEqual(['2511.00003']);
    expect(opened).toEqual(['toy']);
  });

  it('names what is missing: the model in config, a default model, its fitted state, its vectors', async () => {
    const stores = await storesWithVectors();
    const deps = {
      stores,
      models: { toy: TOY, empty: TOY },
      embedderFor: async (name: string) => toyEmbedder(name),
      openIndex: countingOpener().open,
    };
    const vectors = createStoredVectors({ ...deps, defaultModel: 'toy' });
    await expect(vectors('nope')).rejects.toThrow(ConfigError);
    await expect(vectors('nope')).rejects.toThrow(/"nope", which is not in embedding.models/);
    await expect(vectors('empty')).rejects.toThrow(UsageError);
    await expect(vectors('empty')).rejects.toThrow(/no vectors for model "empty"/);
    await expect(createStoredVectors({ ...deps, defaultModel: undefined })(undefined)).rejects.toThrow(
      /needs an embedding model in embedding.active/,
    );
    const unfitted = createStoredVectors({
      ...deps,
      defaultModel: 'toy',
      embedderFor: async (name) => toyEmbedder(name, false),
    });
    await expect(unfitted('toy')).rejects.toThrow(/no fitted state yet/);
  });
});
