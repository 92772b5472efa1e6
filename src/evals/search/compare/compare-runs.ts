/**
 * Two runs compared on the cases both scored: per metric the means, Δ = B − A with a 95 %
 * bootstrap CI, a paired two-sided randomization test (10,000 seeded sign flips) with Holm's
 * correction across metrics, wins/ties/losses per case; and the largest per-case regressions
 * (F1 dropping by more than 0.05).
 */
import { bootstrapCi, holm, randomizationTest } from './statistics.ts';

export const COMPARED_METRICS = ['precision', 'recall', 'f1', 'ndcg5', 'rr', 'ap', 'speed'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

export type CaseValues = Record<ComparedMetric, number>;

export interface MetricComparison {
  metric: ComparedMetric;
  meanA: number;
  meanB: number;
  delta: number;
  ci95: [number, number];
  p: number;
  pHolm: number;
  wins: number;
  ties: number;
  losses: number;
}

export interface Regression {
  caseId: string;
  f1A: number;
  f1B: number;
  drop: number;
}

export interface RunComparison {
  cases: number;
  metrics: MetricComparison[];
  regressions: Regression[];
}

const TIE = 1e-9;

export function compareRuns(
  a: ReadonlyMap<string, CaseValues>,
  b: ReadonlyMap<string, CaseValues>,
  options: { permutations?: number; seed?: number; regressionDrop?: number } = {},
): RunComparison {
  const ids = [...a.keys()].filter((id) => b.has(id)).sort();
  const n = ids.length;
  const rows = COMPARED_METRICS.map((metric) => {
    const va = ids.map((id) => a.get(id)?.[metric] ?? 0);
    const vb = ids.map((id) => b.get(id)?.[metric] ?? 0);
    const diffs = vb.map((v, i) => v - (va[i] ?? 0));
    const meanA = n === 0 ? 0 : va.reduce((s, v) => s + v, 0) / n;
    const meanB = n === 0 ? 0 : vb.reduce((s, v) => s + v, 0) / n;
    return {
      metric,
      meanA,
      meanB,
      delta: meanB - meanA,
      ci95: bootstrapCi(diffs, 10_000, options.seed ?? 1),
      p: randomizationTest(diffs, options.permutations ?? 10_000, options.seed ?? 1),
      pHolm: 1,
      wins: diffs.filter((d) => d > TIE).length,
      ties: diffs.filter((d) => Math.abs(d) <= TIE).length,
      losses: diffs.filter((d) => d < -TIE).length,
    };
  });
  const adjusted = holm(rows.map((r) => r.p));
  rows.forEach((r, i) => {
    r.pHolm = adjusted[i] ?? 1;
  });
  const drop = options.regressionDrop ?? 0.05;
  const regressions = ids
    .map((caseId) => {
      const f1A = a.get(caseId)?.f1 ?? 0;
      const f1B = b.get(caseId)?.f1 ?? 0;
      return { caseId, f1A, f1B, drop: f1A - f1B };
    })
    .filter((r) => r.drop > drop)
    .sort((x, y) => y.drop - x.drop);
  return { cases: n, metrics: rows, regressions };
}
