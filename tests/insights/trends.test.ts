/**
 * Paper trends on the real publication dates of tests/fixtures/insights-papers.jsonl (2026-05-27 …
 * 2026-06-30): the week ending 2026-06-30 against the 28 days before. The expected figures are
 * counted here, straight from the fixture, and compared with the report. Keyed by the papers'
 * categories standing in for summary tags (plus one planted tag), and by keyphrases when untagged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trends as trendsCommand } from '../../src/chat/commands/trends.ts';
import { plainText } from '../../src/chat/message-format.ts';
import { parseDays } from '../../src/cli/commands/trends.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { logLikelihoodRatio } from '../../src/insights/significance.ts';
import { computeTrends } from '../../src/insights/trends.ts';
import {
  buildTrendReport,
  DEFAULT_TREND_SETTINGS,
  keyPapers,
  runTrendsJob,
} from '../../src/insights/trends-job.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { StoredTrendReport } from '../../src/store/insights-store.ts';
import { checkState } from '../../src/store/state-check.ts';
import { createFileStores, type Stores } from '../../src/store/stores.ts';
import { readFixture, toPaper } from './proxy-state.ts';

const rows = readFixture();
const WINDOW = { from: '2026-06-24', to: '2026-06-30' };
const BASELINE = { from: '2026-05-27', to: '2026-06-23' };

function counted(category: string) {
  const inRange = (r: { published: string }, w: { from: string; to: string }) =>
    r.published >= w.from && r.published <= w.to;
  const window = rows.filter((r) => inRange(r, WINDOW));
  const baseline = rows.filter((r) => inRange(r, BASELINE));
  const windowCount = window.filter((r) => r.categories.includes(category)).length;
  const baselineCount = baseline.filter((r) => r.categories.includes(category)).length;
  const windowShare = windowCount / window.length;
  const baselineShare = baselineCount / baseline.length;
  const growth = windowShare / Math.max(baselineShare, 0.5 / baseline.length);
  return {
    windowItems: window.length,
    baselineItems: baseline.length,
    windowCount,
    baselineCount,
    windowShare,
    baselineShare,
    growth,
  };
}

describe('radar trends on the real dates of the fixture', () => {
  let stateDir: string;
  // On files: the saved report is checked as `radar state check` reads it.
  let stores: Stores;
  let report: StoredTrendReport;
  // Tags: the real categories, and a planted topic on every 4th window paper and every 40th baseline one.
  const windowIds = new Set(
    rows.filter((r) => r.published >= WINDOW.from && r.published <= WINDOW.to).map((r) => r.id),
  );
  const tagged = new Map(
    rows.map((r, i) => {
      const planted = windowIds.has(r.id) ? i % 4 === 0 : i % 40 === 0;
      return [r.id, [...r.categories, ...(planted ? ['planted topic'] : [])]];
    }),
  );
  const tagReport = buildTrendReport(rows.map(toPaper), tagged, {
    end: '2026-06-30',
    createdAt: '2026-07-01T08:00:00.000Z',
    settings: DEFAULT_TREND_SETTINGS,
  });
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'radar-trends-'));
    stores = createFileStores(stateDir);
    await stores.papers.upsert(rows.map(toPaper));
    const run = await runTrendsJob(
      { stores, logger: silentLogger(), now: () => new Date('2026-07-01T08:00:00Z') },
      { end: '2026-06-30' },
    );
    report = run.report;
  }, 60_000);
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('ranks the planted topic first as significant; cs.IT grows 1.85× but is not significant after correction', () => {
    expect(tagReport.keySources).toEqual({ tags: rows.length, keyphrases: 0 });
    expect(tagReport.trends[0]?.key).toBe('planted topic');
    expect(tagReport.trends[0]?.qValue).toBeLessThan(0.001);
    const expected = counted('cs.IT');
    // Counted: 12 of 179 papers in the window against 44 of 1,211 in the baseline: 1.85×.
    expect(expected.growth).toBeGreaterThanOrEqual(1.5);
    expect(tagReport.windowItems).toBe(expected.windowItems);
    expect(tagReport.baselineItems).toBe(expected.baselineItems);
    expect(tagReport.trends.map((t) => t.key)).not.toContain('cs.it');
    const tested = computeTrends(keyPapers(rows.map(toPaper), tagged).items, {
      ...DEFAULT_TREND_SETTINGS,
      end: '2026-06-30',
      maxFdr: 1,
    });
    const trend = tested.find((t) => t.key === 'cs.it');
    expect(trend?.windowCount).toBe(expected.windowCount);
    expect(trend?.baselineCount).toBe(expected.baselineCount);
    expect(trend?.growth).toBeCloseTo(expected.growth, 10);
    expect(trend?.llr).toBeCloseTo(
      logLikelihoodRatio(
        expected.windowCount,
        expected.windowItems,
        expected.baselineCount,
        expected.baselineItems,
      ),
      10,
    );
    expect(trend?.qValue).toBeGreaterThan(0.05);
    for (const example of tagReport.trends[0]?.examples ?? []) {
      expect(tagged.get(example.id)).toContain('planted topic');
      expect(windowIds.has(example.id)).toBe(true);
    }
  });

  it('leaves out a key whose share did not grow 1.5×', () => {
    const expected = counted('cs.CV');
    expect(expected.windowCount).toBeGreaterThan(5);
    expect(expected.growth).toBeLessThan(1.5);
    const keys = [...tagReport.trends, ...(tagReport.watch ?? [])].map((t) => t.key);
    expect(keys).not.toContain('cs.cv');
    expect(tagReport.trends.every((t) => t.growth >= 1.5 && t.windowCount >= 5)).toBe(true);
  });

  it('keys untagged papers by shared keyphrases, not categories, and reports no noise as a trend', () => {
    expect(report.keySources).toEqual({ tags: 0, keyphrases: rows.length });
    const keys = [...report.trends, ...(report.watch ?? [])].map((t) => t.key);
    expect(keys.some((k) => /^cs\./.test(k))).toBe(false);
    expect(report.trends.every((t) => (t.qValue ?? 1) <= 0.05)).toBe(true);
    expect((report.watch ?? []).length).toBeGreaterThan(0);
  });

  it('saves a report that state check accepts and that /trends answers from', async () => {
    const reports = await checkState(stateDir);
    expect(reports.find((r) => r.file === 'trends/2026-06-30.json')?.status).toBe('ok');
    const message = await trendsCommand(
      {
        stores,
        stateDir,
        config: RadarConfig.parse({}),
        clock: { now: () => new Date('2026-07-01T08:00:00Z') },
        labels: { direct: async () => ({ kind: 'ignored', why: 'not a paper message' }) },
        resendDigest: async () => 0,
      },
      { platform: 'slack', chatId: 'C1', userId: 'U1', args: '', at: '2026-07-01T08:00:00Z' },
    );
    expect(plainText(message)).toContain('Trends, week ending 2026-06-30');
  });
});

describe('trend keys', () => {
  it('are the summary tags when a paper has some, else keyphrases several papers share', () => {
    const papers = Array.from({ length: 6 }, (_, i) => ({
      id: `2606.0000${i}`,
      title: `Speculative decoding at scale, part ${i}`,
      abstract: `We study speculative decoding for robot grasping number ${i}.`,
      categories: ['cs.CL'],
      published: '2026-06-01T00:00:00Z',
    }));
    const { items, keySources } = keyPapers(
      papers,
      new Map([['2606.00000', ['LLM Inference', 'efficiency']]]),
    );
    expect(items[0]).toEqual({ id: '2606.00000', date: '2026-06-01', keys: ['llm inference', 'efficiency'] });
    expect(items[1]?.keys).toContain('speculative decoding');
    expect(items[1]?.keys).not.toContain('cs.CL');
    expect(keySources).toEqual({ tags: 1, keyphrases: 5 });
  });

  it('fit the windows to papers that span fewer days than asked, and say so', async () => {
    const { fitToSpan } = await import('../../src/insights/trends-job.ts');
    const fitted = fitToSpan(
      ['2026-06-29', '2026-06-30', '2026-07-01'],
      DEFAULT_TREND_SETTINGS,
      '2026-12-02',
    );
    expect(fitted.end).toBe('2026-07-01');
    expect(fitted.settings).toMatchObject({ windowDays: 1, baselineDays: 2, minWindowCount: 3 });
    expect(fitted.note).toMatch(/span only 3 days/);
    const long = fitToSpan(['2026-10-01', '2026-12-02'], DEFAULT_TREND_SETTINGS, '2026-12-02');
    expect(long).toEqual({ end: '2026-12-02', settings: DEFAULT_TREND_SETTINGS });
  });

  it('windows parse from 7d, 4w or a bare number', () => {
    expect(parseDays('7d', '--window')).toBe(7);
    expect(parseDays('4w', '--baseline')).toBe(28);
    expect(parseDays('10', '--window')).toBe(10);
    expect(() => parseDays('a week', '--window')).toThrow(/--window/);
  });
});
