/**
 * From two judge rounds to a case decision. Round 1 shows candidate A first, round 2 shows B
 * first; a slot verdict is mapped back to a candidate. Per axis the winner is kept only when
 * both rounds name the same candidate; otherwise (or both tie) it is a tie. The overall winner
 * is the candidate that wins more axes; equal counts are a tie. An axis with no verdict after
 * the retry makes the case an `error`, excluded from the statistics and counted.
 */
import { AXES, type Axis, type SlotVerdict } from './verdict.ts';

export type Outcome = 'A' | 'B' | 'tie';
export type AxisOutcome = Outcome | 'error';

export interface AxisRounds {
  round1: SlotVerdict | 'error';
  round2: SlotVerdict | 'error';
}

export interface AxisDecision extends AxisRounds {
  /** Round 1 and round 2 mapped to candidates. */
  round1Candidate: AxisOutcome;
  round2Candidate: AxisOutcome;
  winner: AxisOutcome;
  /** The judgment survived the swap (both rounds name the same candidate, or both a tie). */
  consistent: boolean;
}

export interface CaseDecision {
  axes: Record<Axis, AxisDecision>;
  overall: AxisOutcome;
}

/** Round 1: slot A = candidate A. Round 2: slot A = candidate B. */
function toCandidate(verdict: SlotVerdict | 'error', round: 1 | 2): AxisOutcome {
  if (verdict === 'error') return 'error';
  if (verdict === 'C') return 'tie';
  if (round === 1) return verdict;
  return verdict === 'A' ? 'B' : 'A';
}

export function decideAxis(rounds: AxisRounds): AxisDecision {
  const round1Candidate = toCandidate(rounds.round1, 1);
  const round2Candidate = toCandidate(rounds.round2, 2);
  const failed = round1Candidate === 'error' || round2Candidate === 'error';
  const consistent = !failed && round1Candidate === round2Candidate;
  const winner: AxisOutcome = failed ? 'error' : consistent ? round1Candidate : 'tie';
  return { ...rounds, round1Candidate, round2Candidate, winner, consistent };
}

export function decideCase(rounds: Record<Axis, AxisRounds>): CaseDecision {
  const axes: Record<Axis, AxisDecision> = {
    faithfulness: decideAxis(rounds.faithfulness),
    coverage: decideAxis(rounds.coverage),
    usefulness: decideAxis(rounds.usefulness),
  };
  const winners = AXES.map((axis) => axes[axis].winner);
  if (winners.includes('error')) return { axes, overall: 'error' };
  const a = winners.filter((w) => w === 'A').length;
  const b = winners.filter((w) => w === 'B').length;
  return { axes, overall: a > b ? 'A' : b > a ? 'B' : 'tie' };
}
