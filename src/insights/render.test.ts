import { describe, expect, it } from 'vitest';
import type { StoredProfile, StoredTrendReport } from '../store/insights-store.ts';
import { profileShortLines, renderProfileMarkdown } from './render-profile.ts';
import { renderTrendsMarkdown, trendsShortLines } from './render-trends.ts';

const report: StoredTrendReport = {
  version: 1,
  end: '2026-06-30',
  createdAt: '2026-07-01T00:00:00Z',
  windowStart: '2026-06-24',
  baselineStart: '2026-05-27',
  windowDays: 7,
  baselineDays: 28,
  minGrowth: 1.5,
  minWindowCount: 5,
  minBaselineCount: 0,
  windowItems: 100,
  baselineItems: 400,
  keySources: { tags: 60, keyphrases: 440 },
  trends: [
    {
      key: 'world models',
      windowCount: 8,
      baselineCount: 4,
      windowShare: 0.08,
      baselineShare: 0.01,
      growth: 8,
      examples: [{ id: '2606.00001', title: 'A World Model' }],
    },
  ],
  notionUrl: null,
};

const profile: StoredProfile = {
  version: 1,
  date: '2026-07-01',
  createdAt: '2026-07-01T00:00:00Z',
  model: 'hashing-384',
  labels: { liked: 10, disliked: 4, likedClustered: 10, dislikedClustered: 4 },
  clustering: { k: 1, silhouette: 0, tried: [] },
  naming: { by: 'llm', model: 'default/gpt-4o-mini', error: null },
  interests: [
    {
      name: 'Making inference cheaper',
      description: 'Cuts the cost of serving models.',
      namedBy: 'llm',
      size: 10,
      recentLikes: 3,
      terms: ['quantization'],
      tags: ['efficiency'],
      evidence: [{ id: '2606.00002', title: 'Low-bit LLMs' }],
    },
  ],
  avoids: [{ name: 'theorem · prove', size: 4, terms: ['theorem'], tags: [], evidence: [] }],
  crossCutting: {
    signal: 'classifier',
    keys: [{ key: '#efficiency', correlation: 0.41, support: 6, clusters: 1 }],
  },
  drift: {
    since: '2026-06-02',
    recentLikes: 3,
    earlierLikes: 7,
    rising: [{ key: 'kv cache', recentShare: 0.67, earlierShare: 0.14, change: 0.52 }],
    falling: [],
  },
  notionUrl: null,
};

describe('renderTrendsMarkdown', () => {
  it('tabulates counts, shares, growth and significance, and lists examples', () => {
    const significant = {
      ...report,
      maxFdr: 0.05,
      trends: report.trends.map((t) => ({ ...t, llr: 12.34, pValue: 0.0004, qValue: 0.0123 })),
    };
    const md = renderTrendsMarkdown(significant);
    expect(md).toContain('| world models | 8 / 4 | 8.0% / 1.0% | 8.0× | 12.3 | 0.012 |');
    expect(md).toContain('false discovery rate q ≤ 0.05');
    expect(md).toContain('- A World Model (arXiv 2606.00001)');
    expect(trendsShortLines(significant)).toEqual([
      '• world models: 8.0× (8 vs 4 papers, 8.0% vs 1.0%, q 0.012)',
    ]);
  });

  it('says so when nothing grew significantly, and lists the growing keys as a watch list', () => {
    const none = { ...report, trends: [], watch: report.trends.map((t) => ({ ...t, qValue: 0.4 })) };
    const md = renderTrendsMarkdown({ ...none, note: 'the papers span only 3 days' });
    expect(md).toContain('No key grew significantly this week.');
    expect(md).toContain('Note: the papers span only 3 days.');
    expect(md).toContain('- world models: 8 / 4 papers, 8.0% vs 1.0%, 8.0×, q 0.400');
  });
});

describe('renderProfileMarkdown', () => {
  it('shows interests with evidence, cross-cutting keys, avoidances and drift', () => {
    const md = renderProfileMarkdown(profile);
    expect(md).toContain('### Making inference cheaper');
    expect(md).toContain('- Low-bit LLMs (arXiv 2606.00002)');
    expect(md).toContain("correlated with the classifier's score");
    expect(md).toContain('- theorem · prove (4 disliked)');
    expect(md).toContain('Rising: kv cache (14% → 67%)');
    expect(md).not.toContain('Cross-cutting: it joins');
    const spanning = {
      ...profile,
      interests: profile.interests.map((i) => ({ ...i, spans: ['quantization', 'retrieval'] })),
    };
    expect(renderProfileMarkdown(spanning)).toContain(
      'Cross-cutting: it joins two groups of papers, on quantization and on retrieval.',
    );
    expect(profileShortLines(profile)).toEqual([
      '• Making inference cheaper (10)',
      'Across them: #efficiency',
      'Rising lately: kv cache',
      'You avoid: theorem · prove',
    ]);
  });
});
