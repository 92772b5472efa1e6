import { describe, expect, it } from 'vitest';
import { decideCase } from './decision.ts';
import { bootstrapCi, outcomeStats, pairwiseSummary, signTest } from './statistics.ts';

describe('pairwise statistics', () => {
  it('computes the exact two-sided sign test', () => {
    expect(signTest(8, 2)).toBeCloseTo(0.109375, 12);
    expect(signTest(5, 0)).toBeCloseTo(0.0625, 12);
    expect(signTest(3, 3)).toBe(1);
    expect(signTest(0, 0)).toBe(1);
    expect(signTest(600, 400)).toBeLessThan(1e-9);
  });

  it('gives the win rate (W + T/2)/N with a reproducible bootstrap interval around it', () => {
    const s = outcomeStats(['A', 'A', 'A', 'tie', 'B', 'A', 'tie', 'A', 'B', 'A']);
    expect(s).toMatchObject({ wins: 6, ties: 2, losses: 2, n: 10, winRate: 0.7 });
    expect(s.ci95?.[0]).toBeLessThan(0.7);
    expect(s.ci95?.[1]).toBeGreaterThan(0.7);
    expect(bootstrapCi([1, 0, 0.5, 1])).toEqual(bootstrapCi([1, 0, 0.5, 1]));
    expect(bootstrapCi([1, 1, 1])).toEqual([1, 1]);
    expect(outcomeStats([]).winRate).toBeNull();
  });

  it('measures position consistency, first-slot preference, tie, error and length ratio', () => {
    const biased = { round1: 'A', round2: 'A' } as const;
    const fair = { round1: 'A', round2: 'B' } as const;
    const results = [
      {
        decision: decideCase({ faithfulness: biased, coverage: biased, usefulness: biased }),
        lengthA: 200,
        lengthB: 100,
      },
      {
        decision: decideCase({ faithfulness: fair, coverage: fair, usefulness: fair }),
        lengthA: 100,
        lengthB: 100,
      },
      {
        decision: decideCase({
          faithfulness: fair,
          coverage: fair,
          usefulness: { round1: 'error', round2: 'A' },
        }),
        lengthA: 1,
        lengthB: 1,
      },
    ];
    const s = pairwiseSummary(results);
    expect(s).toMatchObject({ cases: 3, judged: 2, errors: 1 });
    expect(s.overall).toMatchObject({ wins: 1, ties: 1, losses: 0 });
    // 5 consistent of 8 judged axis pairs (the errored axis is left out).
    expect(s.positionConsistency).toBeCloseTo(5 / 8);
    // Decisive verdicts: 6 + 6 + 5 = 17, of which slot A: 6 + 3 + 3 = 12.
    expect(s.firstSlotPreference).toBeCloseTo(12 / 17);
    expect(s.tieRate).toBe(0.5);
    expect(s.errorRate).toBeCloseTo(1 / 3);
    expect(s.meanLengthRatio).toBeCloseTo(1.5);
  });
});
