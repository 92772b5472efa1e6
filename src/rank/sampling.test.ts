import { describe, expect, it } from 'vitest';
import { medianScore, type Scored, samplePicks } from './sampling.ts';

const candidates: Scored[] = Array.from({ length: 100 }, (_, i) => ({
  id: `2611.${String(i).padStart(5, '0')}`,
  score: i / 100,
}));
const base = { model: 'm', count: 10, exploreShare: 0.2, seed: 7 };

describe('samplePicks', () => {
  it('takes the best scores as top picks and the explore share from uncertain papers', () => {
    const picks = samplePicks(candidates, base);
    const top = picks.filter((p) => p.reason === 'top');
    const explore = picks.filter((p) => p.reason === 'explore');
    expect(top.map((p) => p.score)).toEqual([0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.93, 0.92]);
    expect(explore).toHaveLength(2);
    for (const p of explore) expect(Math.abs(p.score - 0.5)).toBeLessThanOrEqual(0.03);
    expect(picks.every((p) => p.model === 'm')).toBe(true);
  });

  it('is deterministic under a seed and varies with it', () => {
    const again = samplePicks(candidates, base);
    expect(again).toEqual(samplePicks(candidates, base));
    const draws = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        samplePicks(candidates, { ...base, seed })
          .filter((p) => p.reason === 'explore')
          .map((p) => p.id)
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(1);
  });

  it('never picks an excluded (already shown) paper', () => {
    const shown = new Set(
      candidates.filter((c) => c.score > 0.9 || (c.score > 0.4 && c.score < 0.6)).map((c) => c.id),
    );
    const picks = samplePicks(candidates, { ...base, exclude: shown });
    expect(picks).toHaveLength(10);
    for (const p of picks) expect(shown.has(p.id)).toBe(false);
    expect(picks[0]?.score).toBe(0.9);
  });

  it('honours an explore share of 0 and 1 and a short candidate list', () => {
    expect(samplePicks(candidates, { ...base, exploreShare: 0 }).every((p) => p.reason === 'top')).toBe(true);
    expect(samplePicks(candidates, { ...base, exploreShare: 1 }).every((p) => p.reason === 'explore')).toBe(
      true,
    );
    expect(samplePicks(candidates.slice(0, 3), base)).toHaveLength(3);
  });

  it('uses the median as the uncertainty center when asked', () => {
    const shifted = candidates.map((c) => ({ ...c, score: c.score * 0.2 }));
    const center = medianScore(shifted);
    const explore = samplePicks(shifted, { ...base, uncertainCenter: center }).filter(
      (p) => p.reason === 'explore',
    );
    for (const p of explore) expect(Math.abs(p.score - center)).toBeLessThan(0.01);
  });
});
