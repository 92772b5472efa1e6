/** Helpers for tests of the Notion adapter against the Notion fake. */
import {
  createNotionApi,
  type NotionApi,
  type NotionApiOptions,
} from '../../src/adapters/notion/notion-client.ts';
import type { StoredSummary } from '../../src/core/summary.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { PublishItem } from '../../src/publish/publisher.ts';
import type { NotionFake } from '../fakes/notion-fake.ts';
import { makePaper } from './papers.ts';

/** A client against the fake, unpaced and with short retry delays unless told otherwise. */
export function fakeApi(fake: NotionFake, options: Partial<NotionApiOptions> = {}): NotionApi {
  return createNotionApi({
    token: 'secret_test',
    baseUrl: fake.url,
    requestsPerSecond: 1000,
    burst: 1000,
    timeoutMs: 5_000,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    logger: silentLogger(),
    ...options,
  });
}

export function makeSummary(id: string, overrides: Partial<StoredSummary> = {}): StoredSummary {
  return {
    id,
    one_sentence_summary: `Paper ${id} makes attention $O(n \\log n)$ cheaper.`,
    problem_background: 'Attention is quadratic.\n\nLong contexts are expensive.',
    method: 'A sparse kernel:\n- block sparsity\n- a learned router',
    experiment: 'On LongBench the method keeps 99% of quality at 30% of the cost.',
    key_contributions: ['A kernel', 'A router'],
    datasets_and_benchmarks: ['LongBench'],
    limitations: ['Only decoder models'],
    further_thoughts: 'Could apply to vision.',
    institutions: ['Example University'],
    code_and_data_links: [`https://github.com/example/${id}`],
    tags: ['efficient attention', 'long context', 'sparsity'],
    slug: 'sparse-attention',
    model: 'fake/summarizer-1',
    promptHash: 'abc123',
    source: 'llm',
    textRoute: 'latex',
    at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function makeItem(id: string, overrides: Partial<PublishItem> = {}): PublishItem {
  return {
    paper: makePaper(id),
    summary: makeSummary(id),
    pick: { score: 0.8123456, reason: 'top', model: 'hashing' },
    related: [],
    ...overrides,
  };
}

/** `2611.00001`, `2611.00002`, … */
export const paperIds = (count: number, start = 1): string[] =>
  Array.from({ length: count }, (_, i) => `2611.${String(start + i).padStart(5, '0')}`);
