import { describe, expect, it } from 'vitest';
import { crossCuttingKeys, pointBiserial } from './cross-cutting.ts';
import { interestDrift } from './drift.ts';

describe('pointBiserial', () => {
  it('equals the Pearson correlation of the 0/1 indicator with the values', () => {
    const present = [true, true, false, false, true, false];
    const values = [0.9, 0.7, 0.2, 0.4, 0.8, 0.1];
    const x = present.map((p) => (p ? 1 : 0));
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const mx = mean(x);
    const my = mean(values);
    const cov = mean(x.map((v, i) => (v - mx) * ((values[i] ?? 0) - my)));
    const sx = Math.sqrt(mean(x.map((v) => (v - mx) ** 2)));
    const sy = Math.sqrt(mean(values.map((v) => (v - my) ** 2)));
    expect(pointBiserial(present, values)).toBeCloseTo(cov / (sx * sy), 10);
  });

  it('is 0 without variation', () => {
    expect(pointBiserial([true, false], [1, 1])).toBe(0);
    expect(pointBiserial([true, true], [1, -1])).toBe(0);
  });
});

describe('crossCuttingKeys', () => {
  it('ranks keys of liked papers first and counts the clusters they span', () => {
    const rows = [
      { keys: ['#efficiency', 'cache'], value: 1, cluster: 0 },
      { keys: ['#efficiency', 'quantization'], value: 1, cluster: 0 },
      { keys: ['#efficiency', 'robot'], value: 1, cluster: 1 },
      { keys: ['robot'], value: 1, cluster: 1 },
      { keys: ['theorem'], value: -1 },
      { keys: ['theorem', 'robot'], value: -1 },
      { keys: ['theorem'], value: -1 },
    ];
    const keys = crossCuttingKeys(rows, { minSupport: 3 });
    expect(keys[0]).toMatchObject({ key: '#efficiency', support: 3, clusters: 2 });
    expect(keys.map((k) => k.key)).not.toContain('theorem');
  });
});

describe('interestDrift', () => {
  it('finds the keys whose share among likes rose and fell', () => {
    const likes = [
      { at: '2026-05-01T00:00:00Z', keys: ['vision'] },
      { at: '2026-05-02T00:00:00Z', keys: ['vision'] },
      { at: '2026-05-03T00:00:00Z', keys: ['vision', 'agents'] },
      { at: '2026-06-20T00:00:00Z', keys: ['agents'] },
      { at: '2026-06-21T00:00:00Z', keys: ['agents'] },
    ];
    const drift = interestDrift(likes, { since: '2026-06-01', minSupport: 2 });
    expect(drift).toMatchObject({ recentLikes: 2, earlierLikes: 3 });
    expect(drift.rising[0]).toMatchObject({ key: 'agents', recentShare: 1 });
    expect(drift.rising[0]?.earlierShare).toBeCloseTo(1 / 3);
    expect(drift.falling[0]).toMatchObject({ key: 'vision', recentShare: 0, earlierShare: 1 });
  });

  it('reports nothing when one side has no likes', () => {
    const drift = interestDrift([{ at: '2026-06-20', keys: ['a'] }], { since: '2026-06-01' });
    expect(drift.rising).toEqual([]);
    expect(drift.falling).toEqual([]);
  });
});
