/**
 * The offline question of `bank generate`: a question a user might type, made from a paper's
 * title by rule (no LLM): the title's content words after "papers about". Such a case starts
 * `validated: false` until someone reviews it with `bank validate`.
 */
import { type BankCase, BankCase as BankCaseSchema } from './bank-schema.ts';

const SKIP = new Set([
  'a',
  'an',
  'the',
  'of',
  'for',
  'and',
  'in',
  'on',
  'with',
  'to',
  'via',
  'by',
  'from',
  'towards',
  'toward',
  'is',
  'are',
  'we',
  'our',
]);

export function ruleQuestion(title: string): string {
  const words = title
    .replace(/[:;,.!?()[\]{}"]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !SKIP.has(w.toLowerCase()));
  return `papers about ${words.slice(0, 6).join(' ').toLowerCase()}`;
}

export function generatedCase(paper: {
  id: string;
  title: string;
  categories?: readonly string[];
}): BankCase {
  return BankCaseSchema.parse({
    id: `gen-${paper.id}`,
    question: ruleQuestion(paper.title),
    question_type: 'fact',
    category: paper.categories?.[0] ?? 'general',
    expected_document_ids: [paper.id],
    source: 'generated:rule',
    validated: false,
  });
}
