import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readEnv } from '../src/config/env.ts';
import { createLedger } from '../src/llm/ledger.ts';
import { createLlmClient } from '../src/llm/llm-client.ts';
import { createLogger, silentLogger } from '../src/log/logger.ts';
import { createLedgerStore } from '../src/store/ledger-store.ts';
import { type OpenAIFake, openAIErrorBody, startOpenAIFake } from './fakes/openai-fake.ts';
import { setUpLlm, testLlmConfig } from './helpers/llm.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeEach(async () => {
  fake = await startOpenAIFake();
});
afterEach(async () => {
  await fake.close();
});

const ask = (purpose = 'notes', content = 'hello') => ({
  purpose,
  messages: [{ role: 'user' as const, content }],
});
const rateLimited = openAIErrorBody({
  message: 'Rate limit reached',
  type: 'requests',
  code: 'rate_limit_exceeded',
});

describe('LLM layer resilience against the OpenAI fake', () => {
  it('rides out a 429 storm with the SDK retries, honouring Retry-After', async () => {
    const { client, store } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 4 });
    fake.inject({ fault: { kind: 'status', status: 429, retryAfter: 1, body: rateLimited } });
    fake.inject({
      fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': '20' }, body: rateLimited },
      times: 3,
    });
    const started = Date.now();
    const result = await client.complete(ask());
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ok: true, value: 'Echo: hello' });
    expect(fake.requestsTo('/v1/chat/completions')).toHaveLength(5);
    expect(fake.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2', '3', '4']);
    // At least the Retry-After of the first 429 (a loaded machine may take longer, never less).
    expect(elapsed).toBeGreaterThanOrEqual(950);
    const rows = await store.readMonths(await store.months());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.ok).toBe(true);
    expect(rows[0]?.latencyMs).toBeGreaterThanOrEqual(950);
  });

  it('fails with kind api once the retries are spent, and records the failure', async () => {
    const { client, store } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 2 });
    fake.inject({
      fault: { kind: 'status', status: 429, headers: { 'retry-after-ms': '10' }, body: rateLimited },
      times: 10,
    });
    const result = await client.complete(ask());
    expect(result).toMatchObject({ ok: false, error: { kind: 'api', status: 429 } });
    if (!result.ok) expect(result.error.message).toMatch(/Rate limit reached \(3 attempts\)/);
    expect(fake.requestsTo('/v1/chat/completions')).toHaveLength(3);
    const rows = await store.readMonths(await store.months());
    expect(rows[0]).toMatchObject({ ok: false, costUsd: 0, error: expect.stringMatching(/^api: 429/) });
  });

  it('never writes the API key to the logs, even at debug level', async () => {
    let logged = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination });
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 1, logger });
    fake.inject({ fault: { kind: 'status', status: 401, body: rateLimited } });
    fake.onChat(() => ({ json: { tldr: 'x' } }));
    await client.complete(ask());
    await client.structured({ ...ask('summary'), schema: z.object({ n: z.number() }), schemaName: 'n' });
    expect(logged).toContain('retrying once');
    expect(logged).not.toContain('sk-test-key');
  });

  it('retries a 500 and then succeeds', async () => {
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 1 });
    fake.inject({ fault: { kind: 'status', status: 503, headers: { 'retry-after-ms': '10' } } });
    expect(await client.complete(ask())).toMatchObject({ ok: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('turns an answer slower than the timeout into kind network after the retries', async () => {
    const { client, store } = setUpLlm({
      baseUrl: `${fake.url}/v1`,
      stateDir: tempDir(),
      timeoutSeconds: 1,
      maxRetries: 1,
    });
    fake.inject({ fault: { kind: 'delay', ms: 5_000 }, times: 2 });
    const result = await client.complete(ask());
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', message: 'timed out after 1s (2 attempts)' },
    });
    // Two attempts, each ended by the client's timeout (the message says so), not by the 5 s answers.
    expect(fake.requests).toHaveLength(2);
    const rows = await store.readMonths(await store.months());
    expect(rows[0]).toMatchObject({ ok: false, error: expect.stringMatching(/^network: timed out/) });
  });

  it('treats a body that is not a chat completion as an api failure', async () => {
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 0 });
    fake.inject({ fault: { kind: 'malformed', body: '<html>bad gateway</html>', contentType: 'text/html' } });
    const result = await client.complete(ask());
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'api', message: expect.stringMatching(/not a chat completion/) },
    });
  });

  it('keeps at most `concurrency` calls in flight per provider', async () => {
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), concurrency: 10 });
    let inFlight = 0;
    let maxInFlight = 0;
    fake.onChat(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep(60);
      inFlight -= 1;
      return { content: 'done' };
    });
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => client.complete(ask('notes', `item ${i}`))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.chatRequests()).toHaveLength(25);
    expect(maxInFlight).toBe(10);
  });

  it('starts no call once the daily budget is reached, says so and alerts once', async () => {
    const stateDir = tempDir();
    const now = new Date('2026-11-21T12:00:00Z');
    await createLedgerStore(stateDir).append([
      {
        at: '2026-11-21T08:00:00.000Z',
        provider: 'default',
        model: 'gpt-4o-mini',
        purpose: 'summary',
        inputTokens: 1_000_000,
        outputTokens: 0,
        costUsd: 1.5,
        latencyMs: 900,
        ok: true,
      },
    ]);
    const { client, alerts, store } = setUpLlm({
      baseUrl: `${fake.url}/v1`,
      stateDir,
      dailyUsd: 1.5,
      clock: { now: () => now },
    });
    const results = await Promise.all([
      client.complete(ask()),
      client.complete(ask()),
      client.complete(ask('summary')),
    ]);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { kind: 'budget' } });
      if (!result.ok)
        expect(result.error.message).toMatch(
          /daily LLM budget reached: \$1\.50 spent on 2026-11-21 of \$1\.50/,
        );
    }
    expect(fake.requests).toHaveLength(0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.kind).toBe('llm-budget');
    expect(await store.readMonths(await store.months())).toHaveLength(1);
  });

  it('stops mid-batch once the calls made so far reach the budget', async () => {
    const { client, alerts } = setUpLlm({
      baseUrl: `${fake.url}/v1`,
      stateDir: tempDir(),
      dailyUsd: 0.000_01,
      concurrency: 1,
    });
    fake.onChat(() => ({ content: 'x'.repeat(200) }));
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await client.complete(ask('tags', `item ${i}`)));
    expect(results.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual(['ok', 'budget', 'budget']);
    expect(fake.requests).toHaveLength(1);
    expect(alerts).toHaveLength(1);
  });

  it('is unavailable without the API key and fails such calls as config without a request', async () => {
    const config = testLlmConfig({ baseUrl: `${fake.url}/v1` });
    const client = createLlmClient({
      config,
      env: readEnv({}),
      ledger: createLedger({ store: createLedgerStore(tempDir()) }, { timezone: 'UTC' }),
      logger: silentLogger(),
    });
    expect(client.available('summary')).toBe(false);
    const result = await client.complete(ask());
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'config', message: 'set TEST_LLM_KEY for LLM provider "default"' },
    });
    expect(fake.requests).toHaveLength(0);
  });
});
