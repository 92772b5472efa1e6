/**
 * transformers.js feature extraction with local ONNX weights under `models/<model>/`
 * (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx). Remote download stays
 * off unless the model's config enables it. The pipeline loads on the first `embed` call.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureExtractionPipeline } from '@huggingface/transformers';
import type { EmbeddingModelConfig } from '../../config/schema.ts';
import { ConfigError, RadarError } from '../../core/errors.ts';
import type { Embedder, EmbedderDeps } from '../embedder.ts';

type TransformersConfig = Extract<EmbeddingModelConfig, { backend: 'transformers' }>;

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', join('onnx', 'model.onnx')];

/** The files a local model needs that are not in its folder. */
export function missingModelFiles(modelDir: string): string[] {
  return REQUIRED_FILES.filter((file) => !existsSync(join(modelDir, file)));
}

function missingWeightsError(
  id: string,
  config: TransformersConfig,
  modelDir: string,
  missing: string[],
): ConfigError {
  return new ConfigError(`embedding model "${id}": no local weights for "${config.model}" in ${modelDir}`, [
    `missing: ${missing.join(', ')}`,
    `put the ONNX export there (e.g. huggingface-cli download ${config.model} --local-dir ${modelDir})`,
    `or set embedding.models.${id}.allowRemoteModels: true to let transformers.js download it`,
  ]);
}

async function loadPipeline(
  config: TransformersConfig,
  modelsDir: string,
): Promise<FeatureExtractionPipeline> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.localModelPath = modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = config.allowRemoteModels;
  return pipeline('feature-extraction', config.model, { local_files_only: !config.allowRemoteModels });
}

export function createTransformersEmbedder(
  id: string,
  config: TransformersConfig,
  deps: EmbedderDeps,
): Embedder {
  const modelDir = join(deps.modelsDir, config.model);
  let loading: Promise<FeatureExtractionPipeline> | undefined;
  const extractor = (): Promise<FeatureExtractionPipeline> => {
    if (!loading) {
      const missing = config.allowRemoteModels ? [] : missingModelFiles(modelDir);
      if (missing.length > 0) return Promise.reject(missingWeightsError(id, config, modelDir, missing));
      loading = loadPipeline(config, deps.modelsDir);
      loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };

  return {
    id,
    backend: 'transformers',
    dims: config.dims,
    maxInputTokens: config.maxInputTokens,
    batchSize: config.batchSize,
    async embed(texts, signal) {
      if (texts.length === 0) return [];
      const run = await extractor();
      signal?.throwIfAborted();
      const output = await run([...texts], { pooling: config.pooling, normalize: true });
      const [rows, width] = output.dims;
      if (rows !== texts.length || width !== config.dims) {
        throw new RadarError(
          `embedding model "${id}" produced [${output.dims.join(', ')}] for ${texts.length} texts; config says dims ${config.dims}`,
        );
      }
      const data = Float32Array.from(output.data, Number);
      return texts.map((_, i) => data.slice(i * width, (i + 1) * width));
    },
  };
}
