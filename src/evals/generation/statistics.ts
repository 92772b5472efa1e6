/**
 * The statistics of a pairwise run, from candidate A's side: wins / ties / losses overall and
 * per axis, win rate (W + T/2)/N with a 95 % percentile bootstrap interval (seeded, so a report
 * is reproducible), an exact two-sided sign test on W vs L, position consistency, first-slot
 * preference, tie and error rates and the mean output length ratio (verbosity bias).
 * These few formulas are written here rather than pulled from a statistics package: each is
 * a handful of lines and needs the seeded resampling the report relies on.
 */

import { createRandom } from '../../rank/prng.ts';
import type { CaseDecision, Outcome } from './decision.ts';
import { AXES, type Axis } from './verdict.ts';

export interface CaseResult {
  decision: CaseDecision;
  /** Characters of each candidate's output. */
  lengthA: number;
  lengthB: number;
}

export interface OutcomeStats {
  wins: number;
  ties: number;
  losses: number;
  n: number;
  winRate: number | null;
  ci95: [number, number] | null;
  /** Two-sided exact sign test p-value on wins vs losses (ties dropped); 1 with no decisive case. */
  signTestP: number;
}

export interface PairwiseSummary {
  cases: number;
  judged: number;
  errors: number;
  overall: OutcomeStats;
  axes: Record<Axis, OutcomeStats & { positionConsistency: number | null }>;
  /** Share of axis judgments whose two rounds name the same candidate (or both a tie). */
  positionConsistency: number | null;
  /** Share of decisive slot verdicts (A or B, not C) that picked the first slot shown. */
  firstSlotPreference: number | null;
  tieRate: number | null;
  errorRate: number | null;
  /** Mean of length(A) / length(B) over the judged cases. */
  meanLengthRatio: number | null;
  bootstrap: { resamples: number; seed: number };
}

const RESAMPLES = 2000;
const SEED = 20251;

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

export function bootstrapCi(
  scores: readonly number[],
  resamples = RESAMPLES,
  seed = SEED,
): [number, number] | null {
  if (scores.length === 0) return null;
  const random = createRandom(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < scores.length; i++) sum += scores[Math.floor(random() * scores.length)] ?? 0;
    means.push(sum / scores.length);
  }
  means.sort((x, y) => x - y);
  return [quantile(means, 0.025), quantile(means, 0.975)];
}

/** Exact two-sided sign test: P(X ≤ min(W, L)) × 2 for X ~ Binomial(W + L, 1/2), capped at 1. */
export function signTest(wins: number, losses: number): number {
  const n = wins + losses;
  if (n === 0) return 1;
  const k = Math.min(wins, losses);
  let logPmf = -n * Math.LN2;
  let tail = Math.exp(logPmf);
  for (let i = 1; i <= k; i++) {
    logPmf += Math.log((n - i + 1) / i);
    tail += Math.exp(logPmf);
  }
  return Math.min(1, 2 * tail);
}

export function outcomeStats(outcomes: readonly Outcome[]): OutcomeStats {
  const wins = outcomes.filter((o) => o === 'A').length;
  const losses = outcomes.filter((o) => o === 'B').length;
  const ties = outcomes.length - wins - losses;
  const n = outcomes.length;
  const scores = outcomes.map((o) => (o === 'A' ? 1 : o === 'tie' ? 0.5 : 0));
  return {
    wins,
    ties,
    losses,
    n,
    winRate: n === 0 ? null : (wins + ties / 2) / n,
    ci95: bootstrapCi(scores),
    signTestP: signTest(wins, losses),
  };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function slotCounts(results: readonly CaseResult[]): { first: number; decisive: number } {
  let first = 0;
  let decisive = 0;
  for (const r of results)
    for (const axis of AXES) {
      const { round1, round2 } = r.decision.axes[axis];
      for (const v of [round1, round2]) {
        if (v === 'A' || v === 'B') decisive += 1;
        if (v === 'A') first += 1;
      }
    }
  return { first, decisive };
}

function consistency(results: readonly CaseResult[], axis: Axis): { consistent: number; judged: number } {
  const judged = results.filter((r) => r.decision.axes[axis].winner !== 'error');
  return { consistent: judged.filter((r) => r.decision.axes[axis].consistent).length, judged: judged.length };
}

function axisStats(results: readonly CaseResult[], judged: readonly CaseResult[], axis: Axis) {
  const outcomes = judged.map((r) => r.decision.axes[axis].winner).filter((w): w is Outcome => w !== 'error');
  const c = consistency(results, axis);
  return { ...outcomeStats(outcomes), positionConsistency: share(c.consistent, c.judged) };
}

export function pairwiseSummary(results: readonly CaseResult[]): PairwiseSummary {
  const judged = results.filter((r) => r.decision.overall !== 'error');
  const overall = outcomeStats(
    judged.map((r) => r.decision.overall).filter((o): o is Outcome => o !== 'error'),
  );
  const perAxis = AXES.map((axis) => consistency(results, axis));
  const consistent = perAxis.reduce((s, c) => s + c.consistent, 0);
  const axisJudged = perAxis.reduce((s, c) => s + c.judged, 0);
  const slots = slotCounts(results);
  const ratios = judged.filter((r) => r.lengthB > 0).map((r) => r.lengthA / r.lengthB);
  return {
    cases: results.length,
    judged: judged.length,
    errors: results.length - judged.length,
    overall,
    axes: {
      faithfulness: axisStats(results, judged, 'faithfulness'),
      coverage: axisStats(results, judged, 'coverage'),
      usefulness: axisStats(results, judged, 'usefulness'),
    },
    positionConsistency: share(consistent, axisJudged),
    firstSlotPreference: share(slots.first, slots.decisive),
    tieRate: share(overall.ties, overall.n),
    errorRate: share(results.length - judged.length, results.length),
    meanLengthRatio: ratios.length === 0 ? null : ratios.reduce((s, x) => s + x, 0) / ratios.length,
    bootstrap: { resamples: RESAMPLES, seed: SEED },
  };
}
