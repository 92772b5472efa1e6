import { describe, expect, it } from 'vitest';
import { plainText } from '../chat/message-format.ts';
import { benchmarksDigestMessage } from './digest-section.ts';
import type { MergedBenchmark } from './schemas.ts';
import { benchmarkLine, recentBest } from './select.ts';

const now = new Date('2026-11-20T12:00:00Z');
function bench(id: string, firstSeenAt: string, score: number | null): MergedBenchmark {
  return {
    id,
    name: id,
    title: id,
    description: '',
    sources: ['arxiv'],
    memberIds: [id],
    urls: { arxiv: [`https://arxiv.org/abs/${id}`], github: [], huggingface: [] },
    links: [],
    task: ['math'],
    modality: [],
    metrics: [],
    license: null,
    popularity: {},
    firstSeenAt,
    score,
    rubric: null,
    keywords: [],
  };
}
const all = [
  bench('old-great', '2026-11-01T00:00:00.000Z', 9.5),
  bench('new-good', '2026-11-20T06:00:00.000Z', 8),
  bench('new-weak', '2026-11-20T07:00:00.000Z', 4),
  bench('new-unscored', '2026-11-19T07:00:00.000Z', null),
  bench('week-best', '2026-11-16T07:00:00.000Z', 9),
];

describe('selection', () => {
  it("lists this week's best first, unscored last, without older ones", () => {
    expect(recentBest(all, now, 7, 10).map((b) => b.id)).toEqual([
      'week-best',
      'new-good',
      'new-weak',
      'new-unscored',
    ]);
    expect(benchmarkLine(all[1] as MergedBenchmark)).toBe(
      'new-good (8.0/10; arxiv) — math https://arxiv.org/abs/new-good',
    );
  });

  it("puts only the day's new high scorers in the digest", () => {
    const message = benchmarksDigestMessage(all, now, { minScore: 7 });
    expect(plainText(message ?? { blocks: [] })).toBe(
      'A new benchmark worth a look\n\nnew-good — 8.0/10, math',
    );
    expect(benchmarksDigestMessage(all, now, { minScore: 9.9 })).toBeUndefined();
  });
});

describe('candidates judged not a benchmark', () => {
  it('are left out of the list and the digest unless all are asked for', () => {
    const list = { ...bench('awesome-list', '2026-11-19T00:00:00.000Z', 9.9), isBenchmark: false };
    const withList = [...all, list];
    expect(recentBest(withList, now, 7, 10).map((b) => b.id)).not.toContain('awesome-list');
    expect(recentBest(withList, now, 7, 10, { all: true }).map((b) => b.id)[0]).toBe('awesome-list');
    expect(
      plainText(benchmarksDigestMessage(withList, now, { minScore: 7, days: 7 }) ?? { blocks: [] }),
    ).not.toMatch(/awesome-list/);
  });
});
