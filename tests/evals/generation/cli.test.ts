/** The `radar eval generation` commands as a user runs them: the real CLI in a child process. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationPromptHash } from '../../../src/evals/generation/candidate.ts';
import { type OpenAIFake, startOpenAIFake } from '../../fakes/openai-fake.ts';
import { firstSlotJudge, judgeResponder } from '../../fakes/openai-judge.ts';
import { runCliAsync } from '../../helpers/run-cli.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import { TEMPLATE_A, TEMPLATE_B, writeCases } from './setup.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeAll(async () => {
  fake = await startOpenAIFake();
  fake.onChat(judgeResponder({ judge: firstSlotJudge }));
});
afterAll(async () => {
  await fake.close();
});

function setUp() {
  const dir = tempDir();
  writeFileSync(
    join(dir, 'radar.config.yaml'),
    `llm:
  providers:
    default:
      baseUrl: ${fake.url}/v1
      apiKeyEnv: TEST_LLM_KEY
      maxRetries: 0
      models:
        gpt-4o-mini: { structuredOutput: true }
        local-json: { jsonMode: true }
        local-text: {}
  tasks:
    eval-judge: default/local-text
`,
  );
  writeFileSync(join(dir, 'a.md'), TEMPLATE_A);
  writeFileSync(join(dir, 'b.md'), TEMPLATE_B);
  const env = { TEST_LLM_KEY: 'sk-test' };
  const radar = (...args: string[]) => runCliAsync(args, { cwd: dir, env });
  return { dir, radar };
}

describe('radar eval generation (CLI)', () => {
  it('adds, lists and shows candidates, and names what is wrong with exit 2', async () => {
    const { radar } = setUp();
    const added = await radar(
      'eval',
      'generation',
      'candidates',
      'add',
      '--id',
      'full',
      '--model',
      'default/gpt-4o-mini',
      '--template',
      'a.md',
      '--option',
      'temperature=0',
    );
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(
      `added candidate full (default/gpt-4o-mini, prompt ${generationPromptHash(TEMPLATE_A).slice(0, 12)})`,
    );
    const second = await radar(
      'eval',
      'generation',
      'candidates',
      'add',
      '--id',
      'short',
      '--model',
      'default/local-json',
      '--template',
      'b.md',
    );
    expect(second.stdout).toContain('{{missing_thing}} not known; they render empty');
    const listed = await radar('eval', 'generation', 'candidates', 'list');
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[0]),
    ).toEqual(['full', 'short']);
    const shown = await radar('eval', 'generation', 'candidates', 'show', 'full');
    expect(JSON.parse(shown.stdout)).toMatchObject({
      id: 'full',
      options: { temperature: '0' },
      generationPromptHash: generationPromptHash(TEMPLATE_A),
    });

    const duplicate = await radar(
      'eval',
      'generation',
      'candidates',
      'add',
      '--id',
      'full',
      '--model',
      'default/gpt-4o-mini',
      '--template',
      'a.md',
    );
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toContain('candidate "full" exists already');
    const badModel = await radar(
      'eval',
      'generation',
      'candidates',
      'add',
      '--id',
      'x',
      '--model',
      'default/nope',
      '--template',
      'a.md',
    );
    expect(badModel.status).toBe(2);
    expect(badModel.stderr).toContain('model "nope" is not declared under llm.providers.default.models');
    const oneCandidate = await radar(
      'eval',
      'generation',
      'compare',
      '--cases',
      'missing.jsonl',
      '--candidate',
      'full',
    );
    expect(oneCandidate.status).toBe(2);
    expect(oneCandidate.stderr).not.toContain('    at ');
  }, 120_000);

  it('scans integrity, compares, skips the same key, lists runs and writes the report', async () => {
    const { dir, radar } = setUp();
    await radar(
      'eval',
      'generation',
      'candidates',
      'add',
      '--id',
      'full',
      '--model',
      'default/gpt-4o-mini',
      '--template',
      'a.md',
    );
    await radar(
      'eval',
      'generation',
      'candidates',
      'add',
      '--id',
      'short',
      '--model',
      'default/local-json',
      '--template',
      'b.md',
    );
    writeCases(dir, 4);
    const scan = await radar('eval', 'generation', 'scan-integrity', '--cases', 'cases.jsonl');
    expect(scan.status).toBe(0);
    expect(scan.stdout).toContain('scanned 4 cases: 4 issues');
    expect(scan.stdout).toContain('missing_full_text: 2');

    const compare = await radar(
      'eval',
      'generation',
      'compare',
      '--cases',
      'cases.jsonl',
      '--candidate',
      'full',
      '--candidate',
      'short',
      '--workers',
      '2',
    );
    expect(compare.status).toBe(0);
    expect(compare.stdout).toContain('overall       W/T/L 0/4/0  win rate 50.0%');
    expect(compare.stdout).toContain('position consistency 0.0%  first-slot preference 100.0%');
    const again = await radar(
      'eval',
      'generation',
      'compare',
      '--cases',
      'cases.jsonl',
      '--candidate',
      'full',
      '--candidate',
      'short',
    );
    expect(again.stdout).toMatch(/^skipped: run \S+ already has benchmark key/);
    const runs = await radar('eval', 'generation', 'runs');
    expect(runs.stdout.trim().split('\n')).toHaveLength(1);
    const report = await radar('eval', 'generation', 'report', 'latest');
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/report: .*evals\/generation\/runs\/\S+\/report\.html/);
    // Every file the benchmark wrote is one `radar state check` knows and finds whole.
    const check = await radar('state', 'check');
    expect(check.stdout).not.toContain('unknown');
    expect(check.status).toBe(0);
  }, 120_000);
});
