/** Wiring for the summarize tests: the arXiv fake (full text), the OpenAI fake (LLM), a state dir. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { DEFAULT_PROMPTS_DIR } from '../../src/digest/prompt-files.ts';
import type { DigestWiring } from '../../src/digest/summarize-deps.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createFileStores } from '../../src/store/stores.ts';
import type { ChatReply, ChatRequest } from '../fakes/openai-fake.ts';
import { testLlmConfig } from '../helpers/llm.ts';

export function digestWiring(options: {
  openaiUrl: string;
  arxivUrl: string;
  stateDir: string;
  promptsDir?: string;
  withKey?: boolean;
  /** Calls in flight at once to the fake provider (default 10). */
  concurrency?: number;
}): DigestWiring {
  const llm = testLlmConfig({
    baseUrl: `${options.openaiUrl}/v1`,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
  const config = RadarConfig.parse({
    llm: llm.llm,
    budgets: llm.budgets,
    arxiv: { siteUrl: options.arxivUrl, requestIntervalSeconds: 0 },
    embedding: { active: ['hashing-64'], models: { 'hashing-64': { backend: 'hashing', dims: 64 } } },
  });
  return {
    config,
    env: readEnv(options.withKey === false ? {} : { TEST_LLM_KEY: 'sk-test-key' }),
    stores: createFileStores(options.stateDir),
    stateDir: options.stateDir,
    logger: silentLogger(),
    cwd: options.stateDir,
    clock: { now: () => new Date('2026-05-07T12:00:00Z') },
    ...(options.promptsDir ? { promptsDir: options.promptsDir } : {}),
  };
}

/** A copy of the project's prompts, to edit in a test. */
export function copyPrompts(dir: string): string {
  const target = join(dir, 'prompts');
  cpSync(DEFAULT_PROMPTS_DIR, target, { recursive: true });
  return target;
}

function userText(request: ChatRequest): string {
  const content = request.messages.findLast((m) => m.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}

/** The paper title of a summary request (the first user message; a retry adds more). */
export function titleOf(request: ChatRequest): string {
  const first = request.messages.find((m) => m.role === 'user')?.content;
  return /^Title: (.*)$/m.exec(typeof first === 'string' ? first : '')?.[1] ?? '';
}

export function isSummaryRequest(request: ChatRequest): boolean {
  return (
    request.response_format?.type === 'json_schema' &&
    request.response_format.json_schema.name === 'paper_summary'
  );
}

/** A valid summary answer for the paper of the request, with the given tags. */
export function summaryReply(request: ChatRequest, tags: string[]): ChatReply {
  const title = titleOf(request);
  return {
    json: {
      one_sentence_summary: `${title} in one sentence.`,
      problem_background: 'A problem.',
      method: 'A method.',
      experiment: 'Accuracy rises from 71.2% to 78.9%.',
      key_contributions: ['one'],
      datasets_and_benchmarks: ['MMLU'],
      limitations: ['small scale'],
      further_thoughts: 'More data.',
      institutions: [],
      code_and_data_links: [],
      tags,
      slug: 'a-paper',
    },
  };
}

export { userText };
