/** A question-bank case, as stored one per line in `state/evals/search/banks/<hash>.jsonl`. */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const BankCase = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  question_type: z.string().default('fact'),
  difficulty: z.enum(['easy', 'medium', 'hard']).default('medium'),
  category: z.string().default('general'),
  tags: z.array(z.string()).default([]),
  /** The documents that answer the question. */
  expected_document_ids: z.array(z.string()).default([]),
  /** Partially right documents: they count towards `passed`, not towards P/R. */
  acceptable_document_ids: z.array(z.string()).default([]),
  /** doc id → grade, where known (BEIR/TREC qrels); otherwise expected documents are grade 1. */
  graded_relevance: z.record(z.string(), z.int()).optional(),
  min_required_matches: z.int().min(0).default(1),
  expected_keywords: z.array(z.string()).default([]),
  expected_answer_summary: z.string().default(''),
  source: z.string().default('manual'),
  active: z.boolean().default(true),
  validated: z.boolean().default(true),
});
export type BankCase = z.infer<typeof BankCase>;

/** The bank's version: a hash of its canonical JSONL content (12 hex digits). */
export function bankHash(cases: readonly BankCase[]): string {
  const hash = createHash('sha256');
  for (const c of cases) hash.update(`${JSON.stringify(c)}\n`);
  return hash.digest('hex').slice(0, 12);
}

/** Judgments of one case: graded relevance when known, else expected → 1; acceptable → 0 (judged). */
export function caseJudgments(c: BankCase): Map<string, number> {
  const judgments = new Map<string, number>();
  for (const id of c.acceptable_document_ids) judgments.set(id, 0);
  for (const id of c.expected_document_ids) judgments.set(id, 1);
  for (const [id, grade] of Object.entries(c.graded_relevance ?? {})) judgments.set(id, grade);
  return judgments;
}
