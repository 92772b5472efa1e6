import { describe, expect, it } from 'vitest';
import { averagePrecision, precisionAtK, rocAuc } from './metrics.ts';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('matches a hand-computed case: 3 of 4 positive/negative pairs ordered', () => {
    // pairs (pos, neg): (0.8,0.6) ok, (0.8,0.3) ok, (0.4,0.6) wrong, (0.4,0.3) ok → 3/4
    expect(rocAuc([0.8, 0.6, 0.4, 0.3], [1, 0, 1, 0])).toBeCloseTo(0.75, 12);
  });

  it('counts tied positive/negative pairs as one half', () => {
    // pairs: (0.5,0.5) tie → 0.5, (0.5,0.1) ok, (0.9,0.5) ok, (0.9,0.1) ok → 3.5/4
    expect(rocAuc([0.5, 0.5, 0.9, 0.1], [1, 0, 1, 0])).toBeCloseTo(0.875, 12);
    expect(rocAuc([0.3, 0.3, 0.3], [1, 0, 0])).toBeCloseTo(0.5, 12);
  });

  it('is NaN when a class is missing', () => {
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('precisionAtK', () => {
  it('counts relevant items among the k best', () => {
    expect(precisionAtK([0.9, 0.1, 0.8, 0.7], [1, 1, 0, 1], 2)).toBe(0.5);
    expect(precisionAtK([0.9, 0.1, 0.8, 0.7], [1, 1, 0, 1], 3)).toBeCloseTo(2 / 3, 12);
  });

  it('caps k at the number of items', () => {
    expect(precisionAtK([0.2, 0.1], [1, 0], 10)).toBe(0.5);
  });
});

describe('averagePrecision', () => {
  it('averages the precision at each relevant item of the ranking', () => {
    // Ranking: 0.9 (rel), 0.8, 0.7 (rel), 0.1 (rel) → (1/1 + 2/3 + 3/4) / 3.
    expect(averagePrecision([0.9, 0.1, 0.8, 0.7], [1, 1, 0, 1])).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 3, 12);
    expect(averagePrecision([0.2, 0.1], [0, 0])).toBeNaN();
  });
});
