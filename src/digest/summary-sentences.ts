/**
 * The sentences each prose field of a summary shows, for the check that no sentence appears in
 * two fields (the digest, the markdown page and the quality bench use it). Pure.
 */
import type { SummaryFields } from '../core/summary.ts';
import { splitSentences } from './sentence-roles.ts';

export type ProseField = 'tldr' | 'problem' | 'method' | 'experiment' | 'key_contributions' | 'limitations';

export function summarySentences(summary: SummaryFields): Record<ProseField, string[]> {
  const of = (text: string): string[] => splitSentences(text);
  return {
    tldr: of(summary.one_sentence_summary),
    problem: of(summary.problem_background),
    method: of(summary.method),
    experiment: of(summary.experiment),
    key_contributions: summary.key_contributions.flatMap(of),
    limitations: summary.limitations.flatMap(of),
  };
}

/** Sentences that appear in more than one field (empty when every field has its own). */
export function repeatedSentences(summary: SummaryFields): string[] {
  const seen = new Map<string, ProseField>();
  const repeated = new Set<string>();
  for (const [field, sentences] of Object.entries(summarySentences(summary)) as Array<
    [ProseField, string[]]
  >) {
    for (const sentence of new Set(sentences)) {
      const key = sentence.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== field) repeated.add(sentence);
      else seen.set(key, field);
    }
  }
  return [...repeated];
}
