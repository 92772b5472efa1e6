import { describe, expect, it } from 'vitest';
import { type CaseValues, compareRuns } from './compare-runs.ts';

const values = (f1: number, precision = f1): CaseValues => ({
  precision,
  recall: f1,
  f1,
  ndcg5: f1,
  rr: f1,
  ap: f1,
  speed: 0.9,
});

describe('compareRuns', () => {
  it('counts wins/ties/losses, lists F1 drops over 0.05 largest first, and tests each metric', () => {
    const a = new Map(Array.from({ length: 20 }, (_, i) => [`c${i}`, values(0.5)]));
    const b = new Map(
      Array.from({ length: 20 }, (_, i) => [
        `c${i}`,
        values(i < 16 ? 0.8 : i === 16 ? 0.3 : i === 17 ? 0.47 : 0.5),
      ]),
    );
    b.set('only-b', values(1));
    const result = compareRuns(a, b);
    expect(result.cases).toBe(20);
    const f1 = result.metrics.find((m) => m.metric === 'f1');
    expect([f1?.wins, f1?.ties, f1?.losses]).toEqual([16, 2, 2]);
    expect(f1?.delta).toBeCloseTo((16 * 0.3 - 0.2 - 0.03) / 20, 12);
    expect(f1?.pHolm).toBeLessThan(0.01);
    const speed = result.metrics.find((m) => m.metric === 'speed');
    expect(speed?.pHolm).toBe(1);
    expect(result.regressions.map((r) => r.caseId)).toEqual(['c16']);
  });
});
