import OpenAI, { APIConnectionError, APIConnectionTimeoutError, InternalServerError } from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OpenAIFake, openAIErrorBody, startOpenAIFake } from './openai-fake.ts';

let fake: OpenAIFake;

beforeEach(async () => {
  fake = await startOpenAIFake();
});

afterEach(async () => {
  await fake.close();
});

function client(options: { maxRetries?: number; timeout?: number } = {}): OpenAI {
  return new OpenAI({
    apiKey: 'test',
    baseURL: `${fake.url}/v1`,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeout ?? 5_000,
  });
}

describe('openai fake faults with the real SDK', () => {
  it('retries a 429 after Retry-After and then succeeds', async () => {
    fake.inject({
      fault: {
        kind: 'status',
        status: 429,
        retryAfter: 1,
        body: openAIErrorBody({ message: 'Rate limit reached', type: 'tokens', code: 'rate_limit_exceeded' }),
      },
    });
    const started = Date.now();
    const result = await client({ maxRetries: 2 }).embeddings.create({
      model: 'text-embedding-3-small',
      input: 'retry me',
      encoding_format: 'float',
    });
    expect(result.data[0]?.embedding).toEqual(fake.embed('retry me'));
    expect(fake.requestsTo('/v1/embeddings')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(fake.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('surfaces a 500 as InternalServerError when retries are off', async () => {
    fake.inject({
      fault: {
        kind: 'status',
        status: 500,
        body: openAIErrorBody({ message: 'boom', type: 'server_error' }),
      },
    });
    const error = await client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, type: 'server_error' });
    expect(fake.requests).toHaveLength(1);
  });

  it('raises APIConnectionTimeoutError when the answer is slower than the client timeout', async () => {
    fake.inject({ fault: { kind: 'delay', ms: 2_000 } });
    const started = Date.now();
    const error = await client({ timeout: 200 })
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('times out on a responder latency too', async () => {
    fake.onChat(() => ({ latencyMs: 1_000 }));
    const error = await client({ timeout: 150 })
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it('throws a SyntaxError (not an APIError) on a malformed JSON body', async () => {
    fake.inject({ fault: { kind: 'malformed' } });
    const error = await client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyntaxError);
  });

  it('returns the raw string when a 200 body is not JSON-typed', async () => {
    fake.inject({ fault: { kind: 'malformed', body: '<html>gateway</html>', contentType: 'text/html' } });
    const result: unknown = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(result).toBe('<html>gateway</html>');
  });

  it('surfaces a dropped connection as APIConnectionError', async () => {
    fake.inject({ fault: { kind: 'drop' } });
    const error = await client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
  });
});
