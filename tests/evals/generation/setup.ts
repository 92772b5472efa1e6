/** Wiring for the generation benchmark tests: a state dir, the OpenAI fake with the scripted judge, two candidates, a case set. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../../../src/cli/context.ts';
import { readEnv } from '../../../src/config/env.ts';
import { RadarConfig } from '../../../src/config/schema.ts';
import { makeCandidate } from '../../../src/evals/generation/candidate.ts';
import { silentLogger } from '../../../src/log/logger.ts';
import { createCandidatesStore } from '../../../src/store/eval-generation-candidates-store.ts';
import { createFileStores } from '../../../src/store/stores.ts';
import { testLlmConfig } from '../../helpers/llm.ts';

export const MODEL_A = 'gpt-4o-mini';
export const MODEL_B = 'local-json';
export const JUDGE = 'local-text';

export const TEMPLATE_A = `Title: {{title}}
Categories: {{categories}}

Abstract:
{{abstract}}

{{full_text}}`;

export const TEMPLATE_B = `Title: {{title}}
Reader interests:
{{user_interests}}

Abstract:
{{abstract}}
{{missing_thing}}`;

export function testContext(
  stateDir: string,
  openaiUrl: string,
  options: { dailyUsd?: number; concurrency?: number } = {},
): CommandContext {
  const llm = testLlmConfig({
    baseUrl: `${openaiUrl}/v1`,
    concurrency: options.concurrency ?? 10,
    maxRetries: 0,
  });
  const config = RadarConfig.parse({
    llm: { ...llm.llm, tasks: { ...llm.llm.tasks, 'eval-judge': `default/${JUDGE}` } },
    budgets: { dailyUsd: options.dailyUsd ?? 5 },
    ranking: { seedInterests: ['evaluation you can trust'] },
  });
  return {
    env: readEnv({ TEST_LLM_KEY: 'sk-test-key' }),
    loaded: { config, file: undefined, overridden: [] },
    stateDir,
    logger: silentLogger(),
    cwd: stateDir,
    stores: createFileStores(stateDir),
  };
}

export async function addCandidates(stateDir: string): Promise<void> {
  const store = createCandidatesStore(stateDir);
  const now = new Date('2026-12-01T00:00:00Z');
  await store.add(
    makeCandidate(
      { id: 'cand-a', model: `default/${MODEL_A}`, promptName: 'full', generationPromptTemplate: TEMPLATE_A },
      now,
    ),
  );
  await store.add(
    makeCandidate(
      {
        id: 'cand-b',
        model: `default/${MODEL_B}`,
        promptName: 'short',
        generationPromptTemplate: TEMPLATE_B,
        options: { temperature: '0.2' },
      },
      now,
    ),
  );
}

/** A JSONL case set of `n` cases; even cases carry a full text and a reference. */
export function writeCases(dir: string, n: number, name = 'cases.jsonl'): string {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: `case-${String(i).padStart(3, '0')}`,
      title: `Paper number ${i}`,
      abstract: `We study problem ${i} and report results.`,
      categories: ['cs.CL'],
      ...(i % 2 === 0
        ? { full_text: `# Introduction\nFull text of paper ${i}.`, reference: `Reference ${i}.` }
        : {}),
    }),
  );
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
