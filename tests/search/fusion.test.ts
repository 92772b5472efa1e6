import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, weightedScoreFusion } from '../../src/search/fusion.ts';

const a = [
  { id: 'x', score: 10 },
  { id: 'y', score: 5 },
  { id: 'z', score: 0 },
];
const b = [
  { id: 'z', score: 0.9 },
  { id: 'x', score: 0.5 },
];

describe('fusion', () => {
  it('sums weighted reciprocal ranks', () => {
    const fused = reciprocalRankFusion(
      [
        { hits: a, weight: 1 },
        { hits: b, weight: 2 },
      ],
      60,
      10,
    );
    expect(fused.map((h) => h.id)).toEqual(['z', 'x', 'y']);
    expect(fused[0]?.score).toBeCloseTo(1 / 63 + 2 / 61, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 61 + 2 / 62, 12);
  });

  it('min-max normalizes each list before weighting', () => {
    const fused = weightedScoreFusion(
      [
        { hits: a, weight: 0.5 },
        { hits: b, weight: 0.5 },
      ],
      'minmax',
      10,
    );
    // a: x 1, y 0.5, z 0; b: z 1, x 0.
    expect(fused).toEqual([
      { id: 'x', score: 0.5 },
      { id: 'z', score: 0.5 },
      { id: 'y', score: 0.25 },
    ]);
  });

  it('z-score normalization keeps the order inside one list', () => {
    const fused = weightedScoreFusion([{ hits: a, weight: 1 }], 'zscore', 2);
    expect(fused.map((h) => h.id)).toEqual(['x', 'y']);
    expect(fused[1]?.score).toBeGreaterThan(0);
  });
});
