import { describe, expect, it } from 'vitest';
import type { MergedBenchmark } from './schemas.ts';
import { buildWeeklyReport, trendKeys } from './weekly-report.ts';

function bench(id: string, day: string, task: string[]): MergedBenchmark {
  return {
    id,
    name: id,
    title: id,
    description: '',
    sources: ['github'],
    memberIds: [id],
    urls: { arxiv: [], github: [`https://github.com/o/${id}`], huggingface: [] },
    links: [],
    task,
    modality: [],
    metrics: [],
    license: null,
    popularity: {},
    firstSeenAt: `${day}T10:00:00.000Z`,
    score: null,
    rubric: null,
    keywords: ['benchmark'],
  };
}

const day = (offset: number): string =>
  new Date(Date.UTC(2026, 10, 20) - offset * 86_400_000).toISOString().slice(0, 10);

describe('buildWeeklyReport', () => {
  it('finds a planted growing task and leaves steady ones out', () => {
    const items: MergedBenchmark[] = [];
    // Baseline (days 7..34): steady code and math, one agent benchmark.
    for (let i = 0; i < 28; i += 2) items.push(bench(`code-${i}`, day(7 + i), ['code generation']));
    for (let i = 0; i < 28; i += 2) items.push(bench(`math-${i}`, day(8 + i), ['math']));
    items.push(bench('agent-old', day(20), ['web agents']));
    // This week: the same pace of code and math, and five agent benchmarks.
    for (let i = 0; i < 4; i++) items.push(bench(`code-w${i}`, day(i), ['code generation']));
    for (let i = 0; i < 3; i++) items.push(bench(`math-w${i}`, day(i), ['math']));
    for (let i = 0; i < 5; i++) items.push(bench(`agent-w${i}`, day(i), ['web agents']));
    const report = buildWeeklyReport(items, { end: day(0) });
    expect(report.trends.map((t) => t.key)).toEqual(['web agents']);
    expect(report.trends[0]?.windowCount).toBe(5);
    expect(report.newThisWeek).toBe(12);
    expect(report.markdown).toMatch(/## web agents — ×\d+\.\d \(5 this week, 1 in the baseline\)/);
    expect(report.markdown).toContain('https://github.com/o/agent-w0');
  });

  it('ignores generic keywords', () => {
    expect(trendKeys({ task: ['Math'], keywords: ['benchmark', 'cs.cl', 'math'] })).toEqual([
      'math',
      'cs.cl',
    ]);
  });
});
