/** The run's stop signal reaches the LLM calls: the one in flight is aborted, the queued ones never start. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { createLedger } from '../../src/llm/ledger.ts';
import { createLlmClient } from '../../src/llm/llm-client.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createLedgerStore } from '../../src/store/ledger-store.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { testLlmConfig } from '../helpers/llm.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('LLM calls and the stop signal', () => {
  it('aborts the call in flight and drops the queued ones when the signal aborts', async () => {
    fake = await startOpenAIFake();
    fake.onChat(() => ({ content: 'late', latencyMs: 600_000 }));
    const config = testLlmConfig({
      baseUrl: `${fake.url}/v1`,
      concurrency: 1,
      maxRetries: 0,
      timeoutSeconds: 900,
    });
    const store = createLedgerStore(tempDir());
    const controller = new AbortController();
    const client = createLlmClient(
      {
        config,
        env: readEnv({ TEST_LLM_KEY: 'sk-test-key' }),
        ledger: createLedger({ store }, { timezone: 'UTC' }),
        logger: silentLogger(),
      },
      { signal: controller.signal },
    );
    const ask = (i: number) =>
      client.complete({ purpose: 'notes', messages: [{ role: 'user', content: `item ${i}` }] });
    const calls = [ask(1), ask(2), ask(3)];
    const f = fake;
    await vi.waitFor(() => expect(f.requestsTo('/v1/chat/completions')).toHaveLength(1));
    controller.abort(new Error('stopped by SIGINT'));
    const results = await Promise.all(calls);
    for (const result of results)
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'network', message: 'cancelled: the run was stopped' },
      });
    // Concurrency 1: only the first call ever reached the server.
    expect(f.requestsTo('/v1/chat/completions')).toHaveLength(1);
  });
});
