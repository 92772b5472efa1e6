import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvalGenerationCompare } from '../../../src/cli/commands/eval-generation-compare.ts';
import { createFileStores } from '../../../src/store/stores.ts';
import { type OpenAIFake, startOpenAIFake } from '../../fakes/openai-fake.ts';
import { firstSlotJudge, judgeResponder } from '../../fakes/openai-judge.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import { addCandidates, testContext, writeCases } from './setup.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(async () => {
  await fake.close();
});

describe('cancelling a comparison (Ctrl-C)', () => {
  it('stops taking cases, lets the cases in flight end, marks the run cancelled and leaves every file whole', async () => {
    const stateDir = tempDir();
    await addCandidates(stateDir);
    const cases = writeCases(stateDir, 12);
    const controller = new AbortController();
    const judge = judgeResponder({ judge: firstSlotJudge });
    let received = 0;
    fake.onChat((request) => {
      received += 1;
      // The signal aborts while the 12th call is being answered: some cases are done, two are in flight.
      if (received === 12) controller.abort();
      return judge(request);
    });
    const lines: string[] = [];
    const code = await runEvalGenerationCompare(
      testContext(stateDir, fake.url),
      { cases, candidate: ['cand-a', 'cand-b'], workers: '2' },
      (l) => lines.push(l),
      { signal: controller.signal },
    );
    expect(code).toBe(130);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await store.list();
    expect(listing?.ok).toBe(true);
    if (!listing?.ok) return;
    const m = listing.manifest;
    expect(m.status).toBe('cancelled');
    expect(m.error).toMatch(/cancelled after \d+ of 12 cases/);
    const run = await store.readRun(m.runId);
    expect(run?.events.at(-1)?.type).toBe('run_cancelled');
    const started = run?.events.filter((e) => e.type === 'case_started').length ?? 0;
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(12);
    // Every started case ended with a whole manifest and an index line; no case started after the abort.
    expect(run?.cases).toHaveLength(started);
    for (const entry of run?.cases ?? []) {
      const stored = await store.readCase(m.runId, entry.case_id);
      expect(['ok', 'cancelled']).toContain(stored.manifest?.status);
    }
    expect(fake.chatRequests().length).toBeLessThan(12 * 8);
    // A cancelled run is not a success: the same key runs again.
    fake.onChat(judge);
    expect(
      await runEvalGenerationCompare(
        testContext(stateDir, fake.url),
        { cases, candidate: ['cand-a', 'cand-b'] },
        () => undefined,
      ),
    ).toBe(0);
  });
});
