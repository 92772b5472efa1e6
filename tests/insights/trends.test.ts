/**
 * Paper trends on the real publication dates of tests/fixtures/insights-papers.jsonl (2026-05-27 …
 * 2026-06-30): the week ending 2026-06-30 against the 28 days before. The expected figures are
 * counted here, straight from the fixture, and compared with the saved report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trends as trendsCommand } from '../../src/chat/commands/trends.ts';
import { plainText } from '../../src/chat/message-format.ts';
import { parseDays } from '../../src/cli/commands/trends.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { keyPapers, runTrendsJob } from '../../src/insights/trends-job.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { StoredTrendReport } from '../../src/store/insights-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState } from '../../src/store/state-check.ts';
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
  let report: StoredTrendReport;
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'radar-trends-'));
    await createPapersStore(stateDir).upsert(rows.map(toPaper));
    const run = await runTrendsJob(
      { stateDir, logger: silentLogger(), now: () => new Date('2026-07-01T08:00:00Z') },
      { end: '2026-06-30' },
    );
    report = run.report;
  }, 60_000);
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('finds cs.IT growing, with the counts, shares and growth counted from the fixture', () => {
    const expected = counted('cs.IT');
    // Counted: 12 of 179 papers in the window against 44 of 1,211 in the baseline: 1.85×.
    expect(expected.growth).toBeGreaterThanOrEqual(1.5);
    expect(report.windowItems).toBe(expected.windowItems);
    expect(report.baselineItems).toBe(expected.baselineItems);
    const trend = report.trends.find((t) => t.key === 'cs.IT');
    expect(trend).toBeDefined();
    expect(trend?.windowCount).toBe(expected.windowCount);
    expect(trend?.baselineCount).toBe(expected.baselineCount);
    expect(trend?.windowShare).toBeCloseTo(expected.windowShare, 10);
    expect(trend?.baselineShare).toBeCloseTo(expected.baselineShare, 10);
    expect(trend?.growth).toBeCloseTo(expected.growth, 10);
    for (const example of trend?.examples ?? []) {
      const row = rows.find((r) => r.id === example.id);
      expect(row?.categories).toContain('cs.IT');
      expect((row?.published ?? '') >= WINDOW.from).toBe(true);
      expect(example.title).toBe(row?.title);
    }
    expect(trend?.examples).toHaveLength(3);
  });

  it('leaves out a key whose share did not grow 1.5×', () => {
    const expected = counted('cs.CV');
    expect(expected.windowCount).toBeGreaterThan(5);
    expect(expected.growth).toBeLessThan(1.5);
    expect(report.trends.map((t) => t.key)).not.toContain('cs.CV');
    expect(report.trends.every((t) => t.growth >= 1.5 && t.windowCount >= 5)).toBe(true);
  });

  it('saves a report that state check accepts and that /trends answers from', async () => {
    const reports = await checkState(stateDir);
    expect(reports.find((r) => r.file === 'trends/2026-06-30.json')?.status).toBe('ok');
    const message = await trendsCommand(
      {
        stateDir,
        config: RadarConfig.parse({}),
        clock: { now: () => new Date('2026-07-01T08:00:00Z') },
        labels: { direct: async () => ({ kind: 'ignored', why: 'not a paper message' }) },
        resendDigest: async () => 0,
      },
      { platform: 'slack', chatId: 'C1', userId: 'U1', args: '', at: '2026-07-01T08:00:00Z' },
    );
    const text = plainText(message);
    expect(text).toContain('Trends, week ending 2026-06-30');
    expect(text).toMatch(/cs\.IT: 1\.\d× \(12 papers/);
  });
});

describe('trend keys', () => {
  it('are the summary tags when a paper has some, else title keyphrases and categories', () => {
    const papers = [
      {
        id: '2606.00001',
        title: 'Speculative Decoding at Scale',
        categories: ['cs.CL'],
        published: '2026-06-01T00:00:00Z',
      },
      {
        id: '2606.00002',
        title: 'Robot Grasping in Clutter',
        categories: ['cs.RO'],
        published: '2026-06-02T00:00:00Z',
      },
    ];
    const { items, keySources } = keyPapers(
      papers,
      new Map([['2606.00001', ['LLM Inference', 'efficiency']]]),
    );
    expect(items[0]).toEqual({ id: '2606.00001', date: '2026-06-01', keys: ['llm inference', 'efficiency'] });
    expect(items[1]?.keys).toEqual(expect.arrayContaining(['robot grasping', 'cs.RO']));
    expect(keySources).toEqual({ tags: 1, keyphrases: 1 });
  });

  it('windows parse from 7d, 4w or a bare number', () => {
    expect(parseDays('7d', '--window')).toBe(7);
    expect(parseDays('4w', '--baseline')).toBe(28);
    expect(parseDays('10', '--window')).toBe(10);
    expect(() => parseDays('a week', '--window')).toThrow(/--window/);
  });
});
