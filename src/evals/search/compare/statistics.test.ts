import { describe, expect, it } from 'vitest';
import { bootstrapCi, holm, randomizationTest } from './statistics.ts';

describe('paired statistics', () => {
  it('Holm adjusts step-down and keeps order', () => {
    expect(holm([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holm([0.5, 0.001])).toEqual([0.5, 0.002]);
  });

  it('randomization test: a consistent gain is significant, noise is not, both reproducible', () => {
    const gain = Array.from({ length: 30 }, (_, i) => 0.1 + (i % 3) * 0.01);
    expect(randomizationTest(gain)).toBeLessThan(0.001);
    const noise = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? 0.1 : -0.1));
    expect(randomizationTest(noise)).toBeGreaterThan(0.5);
    expect(randomizationTest(gain, 10_000, 7)).toBe(randomizationTest(gain, 10_000, 7));
  });

  it('bootstrap CI brackets the mean difference', () => {
    const diffs = Array.from({ length: 40 }, (_, i) => 0.05 + ((i % 5) - 2) * 0.02);
    const [low, high] = bootstrapCi(diffs);
    expect(low).toBeLessThan(0.05);
    expect(high).toBeGreaterThan(0.05);
    expect(low).toBeGreaterThan(0);
  });
});
