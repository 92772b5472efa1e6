/**
 * Any OpenAI-compatible `/v1/embeddings` server (OpenAI, vLLM, TEI, Ollama) through the
 * `openai` SDK. The encoding format is always sent explicitly, so the SDK hands back the raw
 * answer and both forms are decoded here: base64 float32 (OpenAI's compact form) and plain
 * float arrays, which some servers send whatever was asked. The SDK retries 429 (honouring
 * Retry-After), 5xx and network errors. Vectors are L2-normalized here: not every server does.
 */
import OpenAI, { APIConnectionError, APIError } from 'openai';
import { z } from 'zod';
import type { EmbeddingModelConfig } from '../../config/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import { HttpStatusError, MalformedResponseError, NetworkError, safeUrl } from '../../http/errors.ts';
import type { Embedder, EmbedderDeps } from '../embedder.ts';
import { l2Normalize } from '../text-features.ts';

type OpenAIConfig = Extract<EmbeddingModelConfig, { backend: 'openai' }>;

const OPENAI_HOST = 'api.openai.com';
/** Local servers (Ollama, TEI) often need no key, but the SDK insists on one. */
const NO_KEY = 'no-key';

const EmbeddingsAnswer = z.object({
  data: z.array(
    z.object({
      index: z.int().min(0),
      embedding: z.union([z.string(), z.array(z.number())]),
    }),
  ),
});

/** Little-endian float32, as OpenAI encodes embeddings in base64. */
export function decodeBase64Floats(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  const out = new Float32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

function resolveBaseUrl(id: string, config: OpenAIConfig, deps: EmbedderDeps): string {
  const baseUrl = config.baseUrl ?? deps.defaultProvider?.baseUrl;
  if (!baseUrl)
    throw new ConfigError(`embedding model "${id}": no baseUrl and no default LLM provider to take it from`);
  return baseUrl;
}

function resolveApiKey(id: string, config: OpenAIConfig, baseUrl: string, deps: EmbedderDeps): string {
  const key = deps.env.raw[config.apiKeyEnv]?.trim();
  if (key) return key;
  if (new URL(baseUrl).hostname === OPENAI_HOST) {
    throw new ConfigError(`embedding model "${id}": set ${config.apiKeyEnv} (the API key for ${baseUrl})`);
  }
  return NO_KEY;
}

function translateError(error: unknown, url: string): unknown {
  if (error instanceof APIConnectionError)
    return new NetworkError('embeddings', url, error.name.includes('Timeout'), error);
  if (error instanceof APIError && error.status !== undefined) {
    const retryAfter = Number(error.headers?.get('retry-after'));
    return new HttpStatusError(
      'embeddings',
      error.status,
      url,
      error.message.slice(0, 300),
      Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
    );
  }
  return error;
}

function toVectors(answer: unknown, count: number, dims: number, url: string): Float32Array[] {
  const parsed = EmbeddingsAnswer.safeParse(answer);
  if (!parsed.success) throw new MalformedResponseError('embeddings', url, z.prettifyError(parsed.error));
  const rows = [...parsed.data.data].sort((a, b) => a.index - b.index);
  if (rows.length !== count)
    throw new MalformedResponseError('embeddings', url, `${rows.length} embeddings for ${count} inputs`);
  return rows.map((row) => {
    const vector =
      typeof row.embedding === 'string'
        ? decodeBase64Floats(row.embedding)
        : Float32Array.from(row.embedding);
    if (vector.length !== dims) {
      throw new MalformedResponseError(
        'embeddings',
        url,
        `a vector of ${vector.length} dims, config says ${dims}`,
      );
    }
    return l2Normalize(vector);
  });
}

export function createOpenAIEmbedder(id: string, config: OpenAIConfig, deps: EmbedderDeps): Embedder {
  const baseURL = resolveBaseUrl(id, config, deps);
  const url = `${safeUrl(baseURL).replace(/\/$/, '')}/embeddings`;
  const client = new OpenAI({
    baseURL,
    apiKey: resolveApiKey(id, config, baseURL, deps),
    maxRetries: config.maxRetries,
    timeout: config.timeoutSeconds * 1000,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });

  const embedBatch = async (batch: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> => {
    try {
      const answer = await client.embeddings.create(
        {
          model: config.model,
          input: batch,
          encoding_format: config.encodingFormat,
          ...(config.sendDimensions ? { dimensions: config.dims } : {}),
        },
        signal ? { signal } : {},
      );
      return toVectors(answer, batch.length, config.dims, url);
    } catch (error) {
      throw translateError(error, url);
    }
  };

  return {
    id,
    backend: 'openai',
    dims: config.dims,
    maxInputTokens: config.maxInputTokens,
    batchSize: config.batchSize,
    async embed(texts, signal) {
      const out: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += config.batchSize) {
        out.push(...(await embedBatch(texts.slice(start, start + config.batchSize), signal)));
      }
      return out;
    },
  };
}
