/** Ctrl-C on a real `radar eval generation compare`: the run ends cancelled, every file whole. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCandidate } from '../../../src/evals/generation/candidate.ts';
import { createCandidatesStore } from '../../../src/store/eval-generation-candidates-store.ts';
import { checkState, isClean } from '../../../src/store/state-check.ts';
import { createFileStores } from '../../../src/store/stores.ts';
import { type OpenAIFake, startOpenAIFake } from '../../fakes/openai-fake.ts';
import { firstSlotJudge, judgeResponder } from '../../fakes/openai-judge.ts';
import { RADAR_BIN } from '../../helpers/run-cli.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import { TEMPLATE_A, TEMPLATE_B, writeCases } from './setup.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeAll(async () => {
  fake = await startOpenAIFake();
});
afterAll(async () => {
  await fake.close();
});

describe('Ctrl-C during radar eval generation compare', () => {
  it('marks the run cancelled, exits 130 and leaves a state that checks clean', async () => {
    const dir = tempDir();
    const stateDir = join(dir, 'state');
    writeFileSync(
      join(dir, 'radar.config.yaml'),
      `llm:\n  providers:\n    default:\n      baseUrl: ${fake.url}/v1\n      apiKeyEnv: TEST_LLM_KEY\n      maxRetries: 0\n      models:\n        gpt-4o-mini: { structuredOutput: true }\n        local-json: { jsonMode: true }\n        local-text: {}\n`,
    );
    const now = new Date();
    const store = createCandidatesStore(stateDir);
    await store.add(
      makeCandidate(
        { id: 'a', model: 'default/gpt-4o-mini', promptName: 'a', generationPromptTemplate: TEMPLATE_A },
        now,
      ),
    );
    await store.add(
      makeCandidate(
        { id: 'b', model: 'default/local-json', promptName: 'b', generationPromptTemplate: TEMPLATE_B },
        now,
      ),
    );
    writeCases(dir, 30);

    const child = spawn(
      process.execPath,
      [
        RADAR_BIN,
        'eval',
        'generation',
        'compare',
        '--cases',
        'cases.jsonl',
        '--candidate',
        'a',
        '--candidate',
        'b',
        '--workers',
        '2',
      ],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: dir, RADAR_LOG_LEVEL: 'warn', TEST_LLM_KEY: 'sk-test' },
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    const judge = judgeResponder({ judge: firstSlotJudge, latencyMs: () => 50 });
    let received = 0;
    fake.onChat((request) => {
      received += 1;
      // Interrupt once a few cases are done and others are in flight.
      if (received === 20) child.kill('SIGINT');
      return judge(request);
    });
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (status) => resolve(status)),
    );
    expect(stdout).toContain('cancelling: no new case starts');
    expect(code).toBe(130);

    const runs = createFileStores(stateDir).evals.generation.runs;
    const [listing] = await runs.list();
    expect(listing?.ok && listing.manifest.status).toBe('cancelled');
    const run = await runs.readRun(listing?.runId ?? '');
    expect(run?.events.at(-1)?.type).toBe('run_cancelled');
    expect(run?.cases.length).toBeLessThan(30);
    expect(isClean(await checkState(stateDir))).toBe(true);
  }, 120_000);
});
