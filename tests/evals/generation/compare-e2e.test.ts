import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runEvalGenerationCompare } from '../../../src/cli/commands/eval-generation-compare.ts';
import { createLedgerStore } from '../../../src/store/ledger-store.ts';
import { checkState, isClean } from '../../../src/store/state-check.ts';
import { createFileStores } from '../../../src/store/stores.ts';
import { type OpenAIFake, startOpenAIFake } from '../../fakes/openai-fake.ts';
import {
  consistentJudge,
  firstSlotJudge,
  isGenerationRequest,
  judgeResponder,
} from '../../fakes/openai-judge.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import { addCandidates, MODEL_A, MODEL_B, testContext, writeCases } from './setup.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
});

async function setUp(n: number) {
  const stateDir = tempDir();
  await addCandidates(stateDir);
  const cases = writeCases(tempDir(), n);
  const lines: string[] = [];
  const ctx = testContext(stateDir, fake.url);
  const flags = { cases, candidate: ['cand-a', 'cand-b'], workers: '3' };
  return { stateDir, ctx, flags, lines, out: (l: string) => lines.push(l) };
}

const IO_FILES = [
  'output_generation_a.txt',
  'output_generation_b.txt',
  'pairwise_decision.json',
  'pairwise_round1_response.json',
  'pairwise_round2_response.json',
  'prompt_generation_a.txt',
  'prompt_generation_b.txt',
  'prompt_pairwise_round1.txt',
  'prompt_pairwise_round2.txt',
];

describe('radar eval generation compare against the OpenAI fake', () => {
  it('a judge that always prefers the first slot yields all ties and 0 % position consistency', async () => {
    const { stateDir, ctx, flags, out } = await setUp(6);
    fake.onChat(judgeResponder({ judge: firstSlotJudge }));
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await store.list();
    expect(listing?.ok).toBe(true);
    if (!listing?.ok) return;
    const m = listing.manifest;
    expect(m.schemaVersion).toBe(5);
    expect(m.status).toBe('completed');
    expect(m.options).toMatchObject({
      compareMode: 'pairwise',
      pairCandidateAID: 'cand-a',
      pairCandidateBID: 'cand-b',
      pairJudgeModel: 'default/local-text',
    });
    const s = m.metrics.pairwiseSummary;
    expect(s?.overall).toMatchObject({ wins: 0, ties: 6, losses: 0, winRate: 0.5 });
    for (const axis of ['faithfulness', 'coverage', 'usefulness'] as const)
      expect(s?.axes[axis].ties).toBe(6);
    expect(s?.positionConsistency).toBe(0);
    expect(s?.firstSlotPreference).toBe(1);
    expect(s?.tieRate).toBe(1);
    // 2 generations + 2 rounds × 3 axes per case.
    expect(fake.chatRequests()).toHaveLength(6 * 8);
    expect(m.metrics.llmCalls).toBe(48);

    const run = await store.readRun(m.runId);
    const types = run?.events.map((e) => e.type) ?? [];
    expect(types[0]).toBe('run_start');
    expect(types.filter((t) => t === 'case_queued')).toHaveLength(6);
    expect(types.filter((t) => t === 'case_finished')).toHaveLength(6);
    expect(types.at(-1)).toBe('run_completed');
    expect(run?.cases).toHaveLength(6);
    const dir = store.paths(m.runId).case('case-000');
    expect(readdirSync(dir.ioDir).sort()).toEqual(IO_FILES);
    expect(readdirSync(dir.dir).sort()).toEqual(['events.jsonl', 'io', 'manifest.json', 'metrics.json']);
    const stored = await store.readCase(m.runId, 'case-000');
    expect(stored.events.map((e) => e.stage)).toEqual(
      expect.arrayContaining(['load_case', 'generation', 'judge', 'aggregate']),
    );
    expect(stored.events.every((e) => e.run_id === m.runId && e.case_id === 'case-000')).toBe(true);
    expect(stored.metrics?.decision?.axes.coverage).toMatchObject({
      round1: 'A',
      round2: 'A',
      round1Candidate: 'A',
      round2Candidate: 'B',
      winner: 'tie',
      consistent: false,
    });
    // Template B asks for {{missing_thing}} and the case's full text is absent in odd cases: recorded, not a crash.
    expect(stored.metrics?.missingVariables.b).toContain('missing_thing');
    expect((await store.readCase(m.runId, 'case-001')).metrics?.missingVariables.a).toContain('full_text');
    const round2 = readFileSync(dir.io('prompt_pairwise_round2.txt'), 'utf8');
    expect(round2.indexOf(`written by ${MODEL_B}`)).toBeLessThan(round2.indexOf(`written by ${MODEL_A}`));
    // Every call is in the ledger with the benchmark's own purposes.
    const purposes = new Set(
      (await createLedgerStore(stateDir).readMonths(['2612', '2611', '2701'])).map((r) => r.purpose),
    );
    expect([...purposes].sort()).toEqual(['eval-generation:cand-a', 'eval-generation:cand-b', 'eval-judge']);
    // `radar state check` knows every file the benchmark wrote and finds it whole.
    const reports = await checkState(stateDir);
    expect(reports.filter((r) => r.file.startsWith('evals/')).length).toBeGreaterThan(6 * 13);
    expect(reports.filter((r) => r.status === 'unknown' || r.status === 'corrupt')).toEqual([]);
    expect(isClean(reports)).toBe(true);
  });

  it('a consistent judge yields its verdicts, per axis and overall', async () => {
    const { stateDir, ctx, flags, out } = await setUp(5);
    fake.onChat(
      judgeResponder({
        judge: consistentJudge({ faithfulness: MODEL_A, coverage: MODEL_A, usefulness: MODEL_B }),
        padding: { [MODEL_A]: 30 },
      }),
    );
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    const [listing] = await createFileStores(stateDir).evals.generation.runs.list();
    const s = listing?.ok ? listing.manifest.metrics.pairwiseSummary : undefined;
    expect(s?.overall).toMatchObject({ wins: 5, ties: 0, losses: 0, winRate: 1 });
    expect(s?.axes.faithfulness).toMatchObject({ wins: 5, losses: 0 });
    expect(s?.axes.usefulness).toMatchObject({ wins: 0, losses: 5 });
    expect(s?.positionConsistency).toBe(1);
    expect(s?.firstSlotPreference).toBe(0.5);
    expect(s?.overall.signTestP).toBeCloseTo(0.0625, 10);
    expect(s?.meanLengthRatio).toBeGreaterThan(1);
  });

  it('a re-run with the same key makes 0 LLM calls; --force runs again with the outputs from cache', async () => {
    const { stateDir, ctx, flags, lines, out } = await setUp(4);
    fake.onChat(
      judgeResponder({
        judge: consistentJudge({ faithfulness: MODEL_A, coverage: 'tie', usefulness: MODEL_B }),
      }),
    );
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    const first = fake.chatRequests().length;
    expect(first).toBe(32);
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    expect(fake.chatRequests()).toHaveLength(first);
    expect(lines.some((l) => l.startsWith('skipped: run '))).toBe(true);
    expect(await createFileStores(stateDir).evals.generation.runs.list()).toHaveLength(1);

    expect(await runEvalGenerationCompare(ctx, { ...flags, force: true }, out)).toBe(0);
    const forced = fake.chatRequests().slice(first);
    expect(forced).toHaveLength(4 * 6);
    expect(forced.some(isGenerationRequest)).toBe(false);
    const runs = await createFileStores(stateDir).evals.generation.runs.list();
    expect(runs).toHaveLength(2);
    const newest = runs[0]?.ok ? runs[0].manifest : undefined;
    expect(newest?.metrics.cachedGenerations).toBe(8);
    expect(newest?.options.force).toBe(true);
    expect(newest?.benchmarkKey?.hash).toBe(runs[1]?.ok ? runs[1].manifest.benchmarkKey?.hash : 'other');
  });

  it('a judge answer with no verdict is asked once more, then the case is an error: excluded and counted', async () => {
    const { stateDir, ctx, flags, out } = await setUp(3);
    fake.onChat(
      judgeResponder({
        judge: (view) =>
          view.title === 'Paper number 1' && view.axis === 'coverage'
            ? 'I think [A] is better, verdict [[a]].'
            : view.title === 'Paper number 2' && view.attempt === 1
              ? 'no verdict'
              : '[[A]]',
      }),
    );
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await store.list();
    const m = listing?.ok ? listing.manifest : undefined;
    expect(m?.metrics.pairwiseSummary).toMatchObject({ cases: 3, judged: 2, errors: 1 });
    expect(m?.metrics.pairwiseSummary?.errorRate).toBeCloseTo(1 / 3);
    expect(m?.counts.excluded).toBe(1);
    expect(m?.metrics.excludedCases.map((e) => e.case_id)).toEqual(['case-001']);
    const broken = await store.readCase(m?.runId ?? '', 'case-001');
    expect(broken.manifest?.status).toBe('excluded');
    expect(broken.metrics?.decision?.axes.coverage.winner).toBe('error');
    const retried = await store.readCase(m?.runId ?? '', 'case-002');
    expect(retried.metrics?.judgeRetries).toBe(6);
    expect(retried.manifest?.status).toBe('ok');
    // 3 cases × 8 calls, + 2 coverage retries of case 1, + 6 retries of case 2.
    expect(fake.chatRequests()).toHaveLength(24 + 2 + 6);
  });

  it('a failed LLM call fails the case with artifacts/error.json, and the run goes on', async () => {
    const { stateDir, ctx, flags, out } = await setUp(3);
    fake.onChat((request) => {
      const base = judgeResponder({ judge: firstSlotJudge })(request);
      const user = request.messages.find((m) => m.role === 'user')?.content;
      const isCase1 =
        typeof user === 'string' &&
        user.includes('Paper number 1') &&
        isGenerationRequest(request) &&
        request.model === MODEL_B;
      return isCase1 ? { error: { status: 400, message: 'bad request for this case' } } : base;
    });
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(1);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await store.list();
    const m = listing?.ok ? listing.manifest : undefined;
    expect(m?.status).toBe('completed');
    expect(m?.counts).toMatchObject({ total: 3, failed: 1 });
    const failed = await store.readCase(m?.runId ?? '', 'case-001');
    expect(failed.error).toMatchObject({ stage: 'generation', kind: 'api' });
    expect(failed.manifest?.status).toBe('failed');
    expect(
      readFileSync(join(store.paths(m?.runId ?? '').dir, 'orchestrator_events.jsonl'), 'utf8'),
    ).toContain('"case_failed"');
    // A run with a failed case is not a success: the same key runs again.
    fake.onChat(judgeResponder({ judge: firstSlotJudge }));
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    expect(await store.list()).toHaveLength(2);
  });

  it('respects the daily LLM budget: no call starts once it is spent, and the cases fail naming it', async () => {
    const { stateDir, flags, out } = await setUp(2);
    fake.onChat(judgeResponder({ judge: firstSlotJudge }));
    const ctx = testContext(stateDir, fake.url, { dailyUsd: 0 });
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(1);
    expect(fake.chatRequests()).toHaveLength(0);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await store.list();
    const runId = listing?.ok ? listing.manifest.runId : '';
    expect(listing?.ok && listing.manifest.counts.failed).toBe(2);
    const failed = await store.readCase(runId, 'case-000');
    expect(failed.error).toMatchObject({ stage: 'generation', kind: 'budget' });
    expect(failed.error?.message).toContain('daily LLM budget reached');
  });

  it('marks a run left running by a dead process as failed, so its key runs again', async () => {
    const { stateDir, ctx, flags, lines, out } = await setUp(2);
    fake.onChat(judgeResponder({ judge: firstSlotJudge }));
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    const store = createFileStores(stateDir).evals.generation.runs;
    const [first] = await store.list();
    if (!first?.ok) throw new Error('no run');
    // As if the process had been killed mid-run: the manifest still says running.
    await store.writeManifest({ ...first.manifest, status: 'running' });
    expect(await runEvalGenerationCompare(ctx, flags, out)).toBe(0);
    expect(lines).toContain(`run ${first.runId} was interrupted (its process died): marked failed`);
    const after = await store.readRun(first.runId);
    expect(after?.manifest).toMatchObject({
      status: 'failed',
      error: 'interrupted: the process running it died',
    });
    expect(after?.events.at(-1)?.type).toBe('run_failed');
    expect(await store.list()).toHaveLength(2);
  });
});
