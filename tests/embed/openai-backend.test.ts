import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { EmbeddingModelConfig } from '../../src/config/schema.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { decodeBase64Floats } from '../../src/embed/backends/openai.ts';
import { createEmbedder, type EmbedderDeps } from '../../src/embed/embedder.ts';
import { HttpStatusError, MalformedResponseError } from '../../src/http/errors.ts';
import { createLogger } from '../../src/log/logger.ts';
import { type OpenAIFake, openAIErrorBody, startOpenAIFake } from '../fakes/openai-fake.ts';

let fake: OpenAIFake;
let deps: EmbedderDeps;

const config = (overrides: Record<string, unknown> = {}) =>
  EmbeddingModelConfig.parse({
    backend: 'openai',
    model: 'text-embedding-3-small',
    dims: 8,
    baseUrl: `${fake.url}/v1`,
    batchSize: 3,
    ...overrides,
  });

const texts = [
  'sparse attention',
  'retrieval augmented generation',
  'protein folding',
  'robot grasping',
  'graph codes',
];

function expectFakeVectors(vectors: Float32Array[]): void {
  expect(vectors).toHaveLength(texts.length);
  vectors.forEach((v, i) => {
    const expected = fake.embed(texts[i] ?? '');
    expect(v).toHaveLength(8);
    v.forEach((x, d) => {
      expect(x).toBeCloseTo(expected[d] ?? Number.NaN, 6);
    });
  });
}

beforeEach(async () => {
  fake = await startOpenAIFake({ apiKey: 'sk-test' });
  deps = {
    env: readEnv({ OPENAI_API_KEY: 'sk-test' }),
    logger: createLogger({ level: 'silent' }),
    modelsDir: '/nonexistent',
    stateDir: '/nonexistent',
  };
});
afterEach(async () => {
  await fake.close();
});

describe('openai-compatible backend', () => {
  it('decodes base64 answers and sends batches of batchSize in order', async () => {
    const embedder = await createEmbedder('oai', config(), deps);
    expectFakeVectors(await embedder.embed(texts));
    const requests = fake.embeddingRequests();
    expect(requests.map((r) => r.input)).toEqual([texts.slice(0, 3), texts.slice(3)]);
    expect(
      requests.every((r) => r.encoding_format === 'base64' && r.model === 'text-embedding-3-small'),
    ).toBe(true);
    expect(requests.every((r) => r.dimensions === undefined)).toBe(true);
  });

  it('accepts float arrays from a server that ignores the base64 request', async () => {
    fake.configureEmbeddings({ forceFloat: true });
    const embedder = await createEmbedder('oai', config(), deps);
    expectFakeVectors(await embedder.embed(texts));
  });

  it('asks for floats when configured so, and sends dimensions when asked to', async () => {
    const embedder = await createEmbedder(
      'oai',
      config({ encodingFormat: 'float', sendDimensions: true, dims: 4 }),
      deps,
    );
    const vectors = await embedder.embed(['graph codes']);
    expect(vectors[0]).toHaveLength(4);
    expect(fake.embeddingRequests()[0]).toMatchObject({ encoding_format: 'float', dimensions: 4 });
  });

  it('retries a 429 after its Retry-After and then succeeds', async () => {
    fake.inject({
      fault: {
        kind: 'status',
        status: 429,
        headers: { 'retry-after-ms': '20' },
        body: openAIErrorBody({
          message: 'Rate limit reached',
          type: 'requests',
          code: 'rate_limit_exceeded',
        }),
      },
    });
    const embedder = await createEmbedder('oai', config({ batchSize: 10 }), deps);
    expectFakeVectors(await embedder.embed(texts));
    expect(fake.requestsTo('/v1/embeddings', 'POST')).toHaveLength(2);
  });

  it('turns a lasting error into an HttpStatusError without the key in it', async () => {
    fake.inject({
      fault: {
        kind: 'status',
        status: 500,
        body: openAIErrorBody({ message: 'boom', type: 'server_error' }),
      },
      times: 10,
    });
    const embedder = await createEmbedder('oai', config({ maxRetries: 1 }), deps);
    const error = await embedder.embed(['x']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error instanceof HttpStatusError && error.status).toBe(500);
    expect(String(error instanceof Error && error.message)).not.toContain('sk-test');
    expect(fake.requestsTo('/v1/embeddings', 'POST')).toHaveLength(2);
  });

  it('refuses vectors whose length differs from the configured dims', async () => {
    const embedder = await createEmbedder('oai', config({ dims: 12 }), deps);
    fake.configureEmbeddings({ dims: 8 });
    await expect(embedder.embed(['x'])).rejects.toThrow(MalformedResponseError);
    await expect(embedder.embed(['x'])).rejects.toThrow(/8 dims, config says 12/);
  });

  it('needs the API key for api.openai.com but not for a local server', async () => {
    const noKey = { ...deps, env: readEnv({}) };
    await expect(
      createEmbedder('oai', config({ baseUrl: 'https://api.openai.com/v1' }), noKey),
    ).rejects.toThrow(ConfigError);
    const keyless = await startOpenAIFake();
    try {
      const embedder = await createEmbedder('local', config({ baseUrl: `${keyless.url}/v1` }), noKey);
      expect(await embedder.embed(['x'])).toHaveLength(1);
    } finally {
      await keyless.close();
    }
  });

  it('falls back to the default LLM provider base URL', async () => {
    const noBaseUrl = EmbeddingModelConfig.parse({
      backend: 'openai',
      model: 'text-embedding-3-small',
      dims: 8,
    });
    const embedder = await createEmbedder('oai', noBaseUrl, {
      ...deps,
      defaultProvider: {
        baseUrl: `${fake.url}/v1`,
        apiKeyEnv: 'OPENAI_API_KEY',
        concurrency: 1,
        timeoutSeconds: 5,
        maxRetries: 0,
        models: {},
      },
    });
    expect(await embedder.embed(['x'])).toHaveLength(1);
    expect(fake.embeddingRequests()).toHaveLength(1);
  });

  it('decodes little-endian float32 base64', () => {
    const bytes = Buffer.alloc(8);
    bytes.writeFloatLE(0.5, 0);
    bytes.writeFloatLE(-2, 4);
    expect(Array.from(decodeBase64Floats(bytes.toString('base64')))).toEqual([0.5, -2]);
  });
});
