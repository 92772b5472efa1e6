/**
 * The LLM question of `bank generate --llm`: a question a user would ask whose answer is in the
 * given paper, written by the model from `prompts/bank-question.md` and validated by zod. Each
 * answer is cached by content (paper id + hash of its text + the prompt's hash), so a re-run asks
 * nothing; a paper whose call fails is recorded and skipped; a spent daily budget stops the run
 * (the papers left are recorded as skipped). Every case starts `validated: false`.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type PromptTemplate, renderPrompt } from '../../digest/prompt-template.ts';
import type { LlmClient } from '../../llm/llm-client.ts';
import { type BankCase, BankCase as BankCaseSchema } from './bank-schema.ts';

export const BANK_QUESTION_PURPOSE = 'eval-bank';

export const GeneratedQuestion = z.object({
  question: z.string().min(8).max(400),
  question_type: z.enum(['fact', 'method', 'comparison', 'dataset', 'application']),
  difficulty: z.enum(['easy', 'medium', 'hard']),
});
export type GeneratedQuestion = z.infer<typeof GeneratedQuestion>;

export interface QuestionPaper {
  id: string;
  title: string;
  abstract: string;
  categories?: readonly string[];
}

export const CachedQuestion = z.object({ key: z.string(), model: z.string(), value: GeneratedQuestion });
export type CachedQuestion = z.infer<typeof CachedQuestion>;

export interface QuestionCache {
  get(key: string): CachedQuestion | undefined;
  set(entry: CachedQuestion): Promise<void>;
}

export interface QuestionGeneratorDeps {
  llm: Pick<LlmClient, 'structured'>;
  template: PromptTemplate;
  cache: QuestionCache;
}

export interface GenerationFailure {
  paperId: string;
  kind: string;
  message: string;
}

export interface GenerationResult {
  cases: BankCase[];
  failures: GenerationFailure[];
  calls: number;
  cached: number;
  costUsd: number;
}

/** The cache key of one paper under one prompt. */
export function questionCacheKey(paper: QuestionPaper, promptHash: string): string {
  const text = createHash('sha256').update(`${paper.title}\n${paper.abstract}`).digest('hex').slice(0, 16);
  return `${paper.id}:${text}:${promptHash}`;
}

export function llmCase(paper: QuestionPaper, q: GeneratedQuestion, model: string): BankCase {
  return BankCaseSchema.parse({
    id: `gen-${paper.id}`,
    question: q.question,
    question_type: q.question_type,
    difficulty: q.difficulty,
    category: paper.categories?.[0] ?? 'general',
    expected_document_ids: [paper.id],
    source: `generated:llm:${model}`,
    validated: false,
  });
}

export async function generateQuestions(
  deps: QuestionGeneratorDeps,
  papers: readonly QuestionPaper[],
): Promise<GenerationResult> {
  const result: GenerationResult = { cases: [], failures: [], calls: 0, cached: 0, costUsd: 0 };
  let stopped: string | undefined;
  for (const paper of papers) {
    const key = questionCacheKey(paper, deps.template.hash);
    const hit = deps.cache.get(key);
    if (hit !== undefined) {
      result.cached += 1;
      result.cases.push(llmCase(paper, hit.value, hit.model));
      continue;
    }
    if (stopped !== undefined) {
      result.failures.push({ paperId: paper.id, kind: 'budget', message: `skipped: ${stopped}` });
      continue;
    }
    const answer = await deps.llm.structured({
      purpose: BANK_QUESTION_PURPOSE,
      schema: GeneratedQuestion,
      schemaName: 'bank_question',
      messages: renderPrompt(deps.template, {
        paper_id: paper.id,
        title: paper.title,
        categories: (paper.categories ?? []).join(', '),
        abstract: paper.abstract,
      }),
    });
    result.costUsd += answer.costUsd;
    if (answer.ok) {
      result.calls += 1;
      await deps.cache.set({ key, model: answer.model, value: answer.value });
      result.cases.push(llmCase(paper, answer.value, answer.model));
    } else {
      result.failures.push({ paperId: paper.id, kind: answer.error.kind, message: answer.error.message });
      if (answer.error.kind === 'budget') stopped = answer.error.message;
      else result.calls += 1;
    }
  }
  return result;
}
