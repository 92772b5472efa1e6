/** Stored summaries for tests that need some in the state directory. */
import type { StoredSummary } from '../../src/core/summary.ts';

export function storedSummary(id: string, overrides: Partial<StoredSummary> = {}): StoredSummary {
  return {
    id,
    one_sentence_summary: `Paper ${id} in one sentence.`,
    problem_background: 'A problem.',
    method: `The method of ${id}.`,
    experiment: 'Numbers.',
    key_contributions: ['one'],
    datasets_and_benchmarks: [],
    limitations: [],
    further_thoughts: '',
    institutions: [],
    code_and_data_links: [],
    tags: ['a', 'b', 'c'],
    slug: 'paper',
    model: 'default/gpt-4o-mini',
    promptHash: '0123456789abcdef',
    source: 'llm',
    textRoute: 'latex',
    at: '2026-05-07T12:00:00.000Z',
    ...overrides,
  };
}
