import OpenAI, { AuthenticationError, BadRequestError } from 'openai';
import { LengthFinishReasonError } from 'openai/core/error';
import { zodResponseFormat } from 'openai/helpers/zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OpenAIFake, startOpenAIFake } from './openai-fake.ts';

let fake: OpenAIFake;

beforeEach(async () => {
  fake = await startOpenAIFake();
});

afterEach(async () => {
  await fake.close();
});

function client(options: { maxRetries?: number; timeout?: number; apiKey?: string } = {}): OpenAI {
  return new OpenAI({
    apiKey: options.apiKey ?? 'test',
    baseURL: `${fake.url}/v1`,
    maxRetries: options.maxRetries ?? 0,
    timeout: options.timeout ?? 5_000,
  });
}

const Summary = z.object({
  title: z.string(),
  score: z.number().int().min(1).max(10),
  kind: z.enum(['paper', 'benchmark']),
  tags: z.array(z.object({ name: z.string(), weight: z.number().min(0).max(1) })).min(2),
  venue: z.string().nullable(),
  published: z.iso.datetime(),
  url: z.url(),
});

describe('chat completions', () => {
  it('answers a plain completion with the real shape and records the bearer key', async () => {
    const completion = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hello radar' }],
    });

    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]?.message).toMatchObject({ role: 'assistant', content: 'Echo: Hello radar' });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    expect(completion._request_id).toMatch(/^req_/);
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer test');
  });

  it('hands the parsed request to a programmed responder', async () => {
    fake.onChat((request) => ({ content: `model=${request.model} n=${request.messages.length}` }));
    const completion = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe('model=gpt-4o n=2');
    expect(fake.chatRequests()[0]?.messages[0]?.role).toBe('developer');
  });

  it('parses a structured output with zodResponseFormat from the default schema-walking reply', async () => {
    const completion = await client().chat.completions.parse({
      model: 'gpt-4o-2024-08-06',
      messages: [{ role: 'user', content: 'Summarize' }],
      response_format: zodResponseFormat(Summary, 'summary'),
    });
    const parsed = completion.choices[0]?.message.parsed;

    expect(parsed).toEqual({
      title: 'example',
      score: 1,
      kind: 'paper',
      tags: [
        { name: 'example', weight: 1 },
        { name: 'example', weight: 1 },
      ],
      venue: 'example',
      published: '2024-01-01T00:00:00Z',
      url: 'https://example.com',
    });
    const sent = fake.chatRequests()[0]?.response_format;
    expect(sent?.type).toBe('json_schema');
  });

  it('serializes a json reply and surfaces a refusal with null content', async () => {
    fake.onChat(() => ({
      json: { title: 'T', score: 7, kind: 'benchmark', tags: [], venue: null, published: 'x', url: 'y' },
    }));
    const loose = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'json please' }],
    });
    expect(JSON.parse(loose.choices[0]?.message.content ?? '')).toMatchObject({ score: 7, venue: null });

    fake.onChat(() => ({ refusal: "I'm sorry, I can't help with that." }));
    const refused = await client().chat.completions.parse({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      response_format: zodResponseFormat(Summary, 'summary'),
    });
    expect(refused.choices[0]?.message).toMatchObject({
      content: null,
      refusal: "I'm sorry, I can't help with that.",
      parsed: null,
    });
  });

  it('makes parse() throw LengthFinishReasonError on finish_reason length', async () => {
    fake.onChat(() => ({ finishReason: 'length', content: '{"title": "cut' }));
    await expect(
      client().chat.completions.parse({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        response_format: zodResponseFormat(Summary, 'summary'),
      }),
    ).rejects.toBeInstanceOf(LengthFinishReasonError);
  });

  it('truncates to max_completion_tokens with finish_reason length', async () => {
    fake.onChat(() => ({ content: 'word '.repeat(100) }));
    const completion = await client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'long' }],
      max_completion_tokens: 5,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.choices[0]?.message.content).toHaveLength(20);
  });

  it('rejects stream: true and invalid bodies with OpenAI-shaped 400s', async () => {
    const error = await client()
      .chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, param: 'stream', type: 'invalid_request_error' });

    const empty = await client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [] })
      .catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(BadRequestError);
    expect(empty).toMatchObject({ param: 'messages' });
  });

  it('answers 401 without a bearer key and with a wrong key', async () => {
    const response = await fetch(`${fake.url}/v1/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', code: null } });

    const strict = await startOpenAIFake({ apiKey: 'sk-right' });
    try {
      const wrong = new OpenAI({ apiKey: 'sk-wrong', baseURL: `${strict.url}/v1`, maxRetries: 0 });
      const error = await wrong.models.list().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
    } finally {
      await strict.close();
    }
  });

  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client().models.list()) ids.push(model.id);
    expect(ids).toContain('text-embedding-3-small');
  });
});

describe('embeddings', () => {
  it('answers base64 by default, which the SDK decodes to the same float32 vector', async () => {
    const result = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: ['a cat', 'a dog'],
    });

    expect(fake.embeddingRequests()[0]?.encoding_format).toBe('base64');
    expect(result.data.map((d) => d.index)).toEqual([0, 1]);
    expect(result.data[0]?.embedding).toEqual(fake.embed('a cat'));
    expect(result.data[0]?.embedding).toHaveLength(8);
    expect(Math.hypot(...(result.data[0]?.embedding ?? []))).toBeCloseTo(1, 5);
    expect(result.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it('answers float arrays when asked, honouring dimensions, deterministically', async () => {
    const first = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: 'graph neural networks',
      encoding_format: 'float',
      dimensions: 16,
    });
    const second = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: 'graph neural networks',
      encoding_format: 'float',
      dimensions: 16,
    });
    expect(first.data[0]?.embedding).toHaveLength(16);
    expect(first.data[0]?.embedding).toEqual(second.data[0]?.embedding);
  });

  it('gives closer vectors to texts that share words', async () => {
    const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
    const base = fake.embed('diffusion models for video', 64);
    const near = fake.embed('video diffusion models', 64);
    const far = fake.embed('protein folding benchmark', 64);
    expect(cosine(base, near)).toBeGreaterThan(cosine(base, far));
  });

  it('with forceFloat, silently garbles the SDK default base64 decoding into dims/4 zeros', async () => {
    fake.configureEmbeddings({ forceFloat: true });
    const result = await client().embeddings.create({ model: 'text-embedding-3-small', input: 'x y z' });
    expect(fake.requests[0]?.json).toMatchObject({ encoding_format: 'base64' });
    expect(result.data[0]?.embedding).toEqual([0, 0]);

    const explicit = await client().embeddings.create({
      model: 'text-embedding-3-small',
      input: 'x y z',
      encoding_format: 'float',
    });
    expect(explicit.data[0]?.embedding).toEqual(fake.embed('x y z'));
  });

  it('rejects an empty input like OpenAI', async () => {
    const error = await client()
      .embeddings.create({ model: 'text-embedding-3-small', input: '' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ message: expect.stringContaining("'$.input' is invalid") });
  });
});
