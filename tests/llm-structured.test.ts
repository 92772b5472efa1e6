import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type OpenAIFake, startOpenAIFake } from './fakes/openai-fake.ts';
import { setUpLlm } from './helpers/llm.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeEach(async () => {
  fake = await startOpenAIFake();
});
afterEach(async () => {
  await fake.close();
});

const Summary = z.object({
  tldr: z.string().min(10),
  tags: z.array(z.string()).min(1).max(4),
});
const good = { tldr: 'A faster attention kernel.', tags: ['efficiency', 'attention'] };
const messages = [
  { role: 'system' as const, content: 'You summarize papers.' },
  { role: 'user' as const, content: 'Summarize paper 2511.00001' },
];

function setUp() {
  return setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir() });
}

function lastUserText(request: { messages: Array<{ role: string; content?: unknown }> }): string {
  const content = request.messages.findLast((m) => m.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}

describe('structured output against the OpenAI fake', () => {
  it('asks a json_schema model with a strict response format and parses its answer', async () => {
    const { client, store } = setUp();
    fake.onChat(() => ({ json: good }));
    const result = await client.structured({
      purpose: 'summary',
      schema: Summary,
      schemaName: 'summary',
      messages,
    });
    expect(result).toMatchObject({ ok: true, value: good, model: 'default/gpt-4o-mini' });
    const [request] = fake.chatRequests();
    expect(request?.model).toBe('gpt-4o-mini');
    expect(request?.response_format?.type).toBe('json_schema');
    if (request?.response_format?.type === 'json_schema') {
      expect(request.response_format.json_schema).toMatchObject({ name: 'summary', strict: true });
      expect(JSON.stringify(request.response_format.json_schema.schema)).toContain('"tldr"');
    }
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer sk-test-key');
    const rows = await store.readMonths(await store.months());
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row).toMatchObject({ provider: 'default', model: 'gpt-4o-mini', purpose: 'summary', ok: true });
    expect(row?.inputTokens).toBeGreaterThan(0);
    expect(row?.outputTokens).toBeGreaterThan(0);
    const expected = ((row?.inputTokens ?? 0) * 0.15 + (row?.outputTokens ?? 0) * 0.6) / 1e6;
    expect(row?.costUsd).toBeCloseTo(expected, 9);
    expect(result.ok && result.costUsd).toBeCloseTo(expected, 9);
    expect(row?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('falls back to JSON mode with the schema in the prompt and repairs a broken answer', async () => {
    const { client } = setUp();
    fake.onChat(() => ({
      content:
        'Here is the JSON:\n```json\n{"tldr": "A faster attention kernel.", "tags": ["efficiency",],}\n```',
    }));
    const result = await client.structured({
      purpose: 'tags',
      schema: Summary,
      schemaName: 'summary',
      messages,
    });
    expect(result).toMatchObject({ ok: true, value: { tldr: good.tldr, tags: ['efficiency'] } });
    const [request] = fake.chatRequests();
    expect(request?.response_format).toEqual({ type: 'json_object' });
    const system = request?.messages[0]?.content;
    expect(typeof system === 'string' && system).toMatch(
      /You summarize papers\.[\s\S]*JSON Schema[\s\S]*"tldr"/,
    );
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('sends no response format to a plain-text model and still parses its JSON', async () => {
    const { client } = setUp();
    fake.onChat(() => ({ content: `Sure. ${JSON.stringify(good)} Anything else?` }));
    const result = await client.structured({
      purpose: 'notes',
      schema: Summary,
      schemaName: 'summary',
      messages,
    });
    expect(result).toMatchObject({ ok: true, value: good });
    expect(fake.chatRequests()[0]?.response_format).toBeUndefined();
  });

  it('fixes an invalid answer with one retry that carries the validation errors', async () => {
    const { client, store } = setUp();
    let calls = 0;
    fake.onChat(() => {
      calls += 1;
      return calls === 1 ? { json: { tldr: 'short', tags: [] } } : { json: good };
    });
    const result = await client.structured({
      purpose: 'summary',
      schema: Summary,
      schemaName: 'summary',
      messages,
    });
    expect(result).toMatchObject({ ok: true, value: good });
    const requests = fake.chatRequests();
    expect(requests).toHaveLength(2);
    const feedback = lastUserText(requests[1] ?? { messages: [] });
    expect(feedback).toContain('did not match the required JSON schema');
    expect(feedback).toMatch(/- tldr: /);
    expect(feedback).toMatch(/- tags: /);
    expect(requests[1]?.messages.at(-2)).toMatchObject({
      role: 'assistant',
      content: '{"tldr":"short","tags":[]}',
    });
    const rows = await store.readMonths(await store.months());
    expect(rows.map((r) => r.ok)).toEqual([false, true]);
    expect(rows[0]?.error).toMatch(/^validation: /);
    if (result.ok)
      expect(result.usage.inputTokens).toBe((rows[0]?.inputTokens ?? 0) + (rows[1]?.inputTokens ?? 0));
  });

  it('fails one item clearly after the retry while the other items of the batch succeed', async () => {
    const { client } = setUp();
    fake.onChat((request) => {
      const paper = JSON.stringify(request.messages);
      return paper.includes('BAD') ? { json: { tldr: 'nope' } } : { json: good };
    });
    const items = ['2511.00001', '2511.BAD', '2511.00003'];
    const results = await Promise.all(
      items.map((id) =>
        client.structured({
          purpose: 'summary',
          schema: Summary,
          schemaName: 'summary',
          messages: [{ role: 'user', content: `Summarize ${id}` }],
        }),
      ),
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    const failed = results[1];
    expect(failed?.ok).toBe(false);
    if (failed && !failed.ok) {
      expect(failed.error.kind).toBe('validation');
      expect(failed.error.message).toMatch(/^invalid after one retry: .*tags/);
      expect(failed.costUsd).toBeGreaterThan(0);
    }
    expect(fake.chatRequests()).toHaveLength(4);
  });

  it('reports a refusal without retrying', async () => {
    const { client, store } = setUp();
    fake.onChat(() => ({ refusal: "I'm sorry, I can't help with that." }));
    const result = await client.structured({
      purpose: 'summary',
      schema: Summary,
      schemaName: 'summary',
      messages,
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ kind: 'refusal', message: expect.stringContaining("can't help") });
    expect(fake.chatRequests()).toHaveLength(1);
    const rows = await store.readMonths(await store.months());
    expect(rows[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^refusal: /) });
  });

  it('reports a truncated answer, asking again once with the model’s full output allowance', async () => {
    const { client } = setUp();
    fake.onChat(() => ({ content: '{"tldr": "A faster', finishReason: 'length' }));
    const result = await client.structured({
      purpose: 'summary',
      schema: Summary,
      schemaName: 'summary',
      messages,
      maxTokens: 100,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('truncated');
    expect(fake.chatRequests().map((r) => r.max_tokens)).toEqual([100, 2000]);
  });

  it('does not ask again when the request already had the full allowance', async () => {
    const { client } = setUp();
    fake.onChat(() => ({ content: 'cut', finishReason: 'length' }));
    const result = await client.complete({ purpose: 'notes', messages });
    expect(result).toMatchObject({ ok: false, error: { kind: 'truncated' } });
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('completes plain text and says when a purpose has no usable model', async () => {
    const { client } = setUp();
    const result = await client.complete({ purpose: 'notes', messages });
    expect(result).toMatchObject({
      ok: true,
      value: 'Echo: Summarize paper 2511.00001',
      model: 'default/local-text',
    });
    expect(client.available('summary')).toBe(true);
  });
});
