import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, chiSquare1PValue, erfc, logLikelihoodRatio } from './significance.ts';
import { computeTrends, type TrendItem, trendWindows } from './trends.ts';

function items(date: string, count: number, keys: string[], prefix: string): TrendItem[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${date}-${i}`, date, keys }));
}

const base = { end: '2026-03-14', windowDays: 7, baselineDays: 28, minGrowth: 1.5, minWindowCount: 2 };

describe('trendWindows', () => {
  it('places the baseline right before the window, end inclusive', () => {
    expect(trendWindows('2026-03-14', 7, 28)).toEqual({
      windowStart: '2026-03-08',
      baselineEnd: '2026-03-07',
      baselineStart: '2026-02-08',
    });
  });
});

describe('computeTrends', () => {
  it('reports a key whose share grows and computes shares per window', () => {
    const data = [
      ...items('2026-03-10', 6, ['agents'], 'w'),
      ...items('2026-03-10', 4, ['vision'], 'w'),
      ...items('2026-02-20', 4, ['agents'], 'b'),
      ...items('2026-02-20', 36, ['vision'], 'b'),
    ];
    const trends = computeTrends(data, base);
    expect(trends.map((t) => t.key)).toEqual(['agents']);
    const [agents] = trends;
    expect(agents?.windowCount).toBe(6);
    expect(agents?.baselineCount).toBe(4);
    expect(agents?.windowShare).toBeCloseTo(0.6);
    expect(agents?.baselineShare).toBeCloseTo(0.1);
    expect(agents?.growth).toBeCloseTo(6);
    expect(agents?.examples).toHaveLength(3);
  });

  it('with slices, drops a key that was as frequent in one earlier week as in the window', () => {
    const data = [
      ...items('2026-03-10', 3, ['agents', 'steady'], 'w'),
      ...items('2026-03-10', 7, ['vision'], 'w'),
      // Four baseline weeks of 10 items: "steady" at 30% in the week of 2026-02-10, absent after.
      ...items('2026-03-03', 10, ['vision'], 'b1'),
      ...items('2026-02-24', 10, ['vision'], 'b2'),
      ...items('2026-02-17', 10, ['vision'], 'b3'),
      ...items('2026-02-10', 3, ['steady'], 'b4'),
      ...items('2026-02-10', 7, ['vision'], 'b4'),
    ];
    const keysOf = (sliceDays?: number) =>
      computeTrends(data, { ...base, ...(sliceDays ? { sliceDays } : {}) }).map((t) => t.key);
    expect(keysOf()).toEqual(['agents', 'steady']);
    expect(keysOf(7)).toEqual(['agents']);
  });

  it('smooths keys absent from the baseline with half an item', () => {
    const data = [...items('2026-03-14', 2, ['new'], 'w'), ...items('2026-02-10', 10, ['old'], 'b')];
    const [trend] = computeTrends(data, { ...base, minWindowCount: 1 });
    expect(trend?.key).toBe('new');
    expect(trend?.growth).toBeCloseTo(1 / (0.5 / 10));
  });

  it('honours the minimum counts and ignores items outside both windows', () => {
    const data = [
      ...items('2026-03-14', 1, ['rare'], 'w'),
      ...items('2026-03-14', 3, ['fresh'], 'w'),
      ...items('2026-03-15', 50, ['future'], 'x'),
      ...items('2026-01-01', 50, ['fresh'], 'old'),
      ...items('2026-02-10', 10, ['other'], 'b'),
    ];
    expect(computeTrends(data, base).map((t) => t.key)).toEqual(['fresh']);
    expect(computeTrends(data, { ...base, minBaselineCount: 1 })).toEqual([]);
  });

  it('counts an item once per key and gives newest examples first', () => {
    const data = [
      { id: 'a', date: '2026-03-09', keys: ['k', 'k'] },
      { id: 'b', date: '2026-03-13', keys: ['k'] },
      { id: 'c', date: '2026-02-15', keys: ['z'] },
    ];
    const [trend] = computeTrends(data, base);
    expect(trend?.windowCount).toBe(2);
    expect(trend?.examples).toEqual(['b', 'a']);
  });

  it('returns nothing without a baseline and rejects bad options', () => {
    expect(computeTrends(items('2026-03-14', 5, ['k'], 'w'), base)).toEqual([]);
    expect(() => computeTrends([], { ...base, end: '14/03/2026' })).toThrow(RangeError);
    expect(() => computeTrends([], { ...base, windowDays: 0 })).toThrow(RangeError);
  });
});

describe('significance', () => {
  it('computes G² of a 2×2 table and its χ² p-value', () => {
    // 2·Σ O·ln(O/E) over [30 70; 20 180] with E = [16.67 83.33; 33.33 166.67] → 18.13.
    expect(logLikelihoodRatio(30, 100, 20, 200)).toBeCloseTo(18.13, 2);
    expect(logLikelihoodRatio(10, 100, 20, 200)).toBeCloseTo(0, 10);
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(1)).toBeCloseTo(0.157299, 5);
    expect(chiSquare1PValue(3.841)).toBeCloseTo(0.05, 3);
  });

  it('adjusts p-values by Benjamini–Hochberg, monotone in p', () => {
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.2])).toEqual(
      [0.04, 0.04 * (4 / 3), 0.04 * (4 / 3), 0.2].map((q) => expect.closeTo(q, 10)),
    );
  });

  it('ranks a common rising key above a rare one with a larger growth, and drops the rare one under an FDR bar', () => {
    const filler = (date: string, n: number, prefix: string) => items(date, n, ['filler'], prefix);
    const data = [
      ...items('2026-03-10', 30, ['agents'], 'wa'),
      ...items('2026-03-10', 2, ['rare'], 'wr'),
      ...filler('2026-03-10', 68, 'wf'),
      ...items('2026-02-20', 40, ['agents'], 'ba'),
      ...items('2026-02-20', 1, ['rare'], 'br'),
      ...filler('2026-02-20', 359, 'bf'),
    ];
    const all = computeTrends(data, { ...base, minWindowCount: 2 });
    expect(all.map((t) => t.key)).toEqual(['agents', 'rare']);
    const [agents, rare] = all;
    expect((rare?.growth ?? 0) > (agents?.growth ?? 0)).toBe(true);
    expect(agents?.qValue).toBeLessThan(0.001);
    expect(rare?.qValue).toBeGreaterThan(0.05);
    expect(computeTrends(data, { ...base, maxFdr: 0.05 }).map((t) => t.key)).toEqual(['agents']);
  });
});
