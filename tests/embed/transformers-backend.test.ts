import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { EmbeddingModelConfig } from '../../src/config/schema.ts';
import { ConfigError, RadarError } from '../../src/core/errors.ts';
import { embedPapers } from '../../src/embed/embed-papers.ts';
import { createEmbedder, type EmbedderDeps } from '../../src/embed/embedder.ts';
import { cosine } from '../../src/embed/text-features.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { samplePapers } from '../helpers/embed-sample.ts';
import { writeTinyBert } from '../helpers/tiny-bert.ts';

let modelsDir: string;
let deps: EmbedderDeps;

const config = (overrides: Record<string, unknown> = {}) =>
  EmbeddingModelConfig.parse({ backend: 'transformers', model: 'tiny-bert', dims: 16, ...overrides });

beforeAll(async () => {
  modelsDir = await mkdtemp(join(tmpdir(), 'radar-models-'));
  await writeTinyBert(modelsDir, 'tiny-bert', { hiddenSize: 16 });
  deps = { env: readEnv({}), logger: createLogger({ level: 'silent' }), modelsDir, stateDir: modelsDir };
});
afterAll(async () => {
  await rm(modelsDir, { recursive: true, force: true });
});

describe('transformers backend', () => {
  it('loads the generated model through the real pipeline and embeds to unit vectors of its dims', async () => {
    const embedder = await createEmbedder('tiny', config(), deps);
    const texts = [
      'large language model inference',
      'protein graph neural network',
      'large language model inference',
    ];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(16);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
    const [a, b, again] = vectors as [Float32Array, Float32Array, Float32Array];
    expect(Array.from(again)).toEqual(Array.from(a));
    expect(cosine(a, b)).toBeLessThan(0.99);
  });

  it('truncates inputs longer than the model takes instead of failing', async () => {
    const embedder = await createEmbedder('tiny', config(), deps);
    const [v] = await embedder.embed(['model '.repeat(500)]);
    expect(v).toHaveLength(16);
  });

  it('refuses a config whose dims differ from what the model produces', async () => {
    const embedder = await createEmbedder('tiny', config({ dims: 32 }), deps);
    await expect(embedder.embed(['graph'])).rejects.toThrow(/dims 32/);
    await expect(embedder.embed(['graph'])).rejects.toBeInstanceOf(RadarError);
  });

  it('names the expected folder and the missing files when the weights are not there', async () => {
    const embedder = await createEmbedder(
      'minilm',
      config({ model: 'Xenova/all-MiniLM-L6-v2', dims: 384 }),
      deps,
    );
    const error = await embedder.embed(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain(join(modelsDir, 'Xenova/all-MiniLM-L6-v2'));
    expect(message).toContain('onnx/model.onnx');
    expect(message).toContain('allowRemoteModels');
  });

  it('embeds stored papers end to end through the embed job', async () => {
    const stateDir = join(modelsDir, 'state');
    const store = createEmbeddingsStore(stateDir, 'tiny');
    const papers = samplePapers().slice(0, 12);
    const embedder = await createEmbedder('tiny', config({ batchSize: 5 }), deps);
    const result = await embedPapers(embedder, {
      readPapers: async () => papers,
      store,
      logger: deps.logger,
    });
    expect(result).toMatchObject({ embedded: 12, alreadyHad: 0 });
    const matrix = await store.load();
    expect(matrix.dims).toBe(16);
    expect(matrix.ids).toEqual(papers.map((p) => p.id));
    expect(await store.readMeta()).toMatchObject({ backend: 'transformers', dims: 16 });
  });
});
