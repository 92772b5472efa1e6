import { describe, expect, it } from 'vitest';
import { decideAxis, decideCase } from './decision.ts';
import { parseVerdict } from './verdict.ts';

describe('strict verdict parsing', () => {
  it('takes the last [[A]], [[B]] or [[C]] of the answer', () => {
    expect(parseVerdict('first [[B]] then on reflection\n[[A]]')).toBe('A');
    expect(parseVerdict('Equal. [[C]]')).toBe('C');
  });
  it('finds no verdict in near misses', () => {
    for (const answer of ['[A]', '[[a]]', '[[D]]', '[[ A ]]', 'A is better', ''])
      expect(parseVerdict(answer)).toBeUndefined();
  });
});

describe('pairwise decisions', () => {
  it('keeps a winner only when both orders agree', () => {
    // Round 2 shows B first: its "A" is candidate B.
    expect(decideAxis({ round1: 'A', round2: 'B' })).toMatchObject({ winner: 'A', consistent: true });
    expect(decideAxis({ round1: 'B', round2: 'A' })).toMatchObject({ winner: 'B', consistent: true });
    expect(decideAxis({ round1: 'A', round2: 'A' })).toMatchObject({ winner: 'tie', consistent: false });
    expect(decideAxis({ round1: 'C', round2: 'C' })).toMatchObject({ winner: 'tie', consistent: true });
    expect(decideAxis({ round1: 'A', round2: 'C' })).toMatchObject({ winner: 'tie', consistent: false });
    expect(decideAxis({ round1: 'error', round2: 'B' })).toMatchObject({
      winner: 'error',
      consistent: false,
    });
  });

  it('takes the majority of axes overall, a tie on equal counts, an error when any axis errs', () => {
    const win = { round1: 'A', round2: 'B' } as const;
    const lose = { round1: 'B', round2: 'A' } as const;
    const tie = { round1: 'C', round2: 'C' } as const;
    expect(decideCase({ faithfulness: win, coverage: tie, usefulness: tie }).overall).toBe('A');
    expect(decideCase({ faithfulness: win, coverage: lose, usefulness: lose }).overall).toBe('B');
    expect(decideCase({ faithfulness: win, coverage: lose, usefulness: tie }).overall).toBe('tie');
    expect(
      decideCase({ faithfulness: win, coverage: win, usefulness: { round1: 'error', round2: 'A' } }).overall,
    ).toBe('error');
  });
});
