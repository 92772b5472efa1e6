import { describe, expect, it } from 'vitest';
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
