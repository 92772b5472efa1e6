import { describe, expect, it } from 'vitest';
import { evaluateRun } from './evaluate-run.ts';
import { formatFixed4 } from './format-trec.ts';
import { parseQrels } from './trec-qrels.ts';
import { parseRun } from './trec-run-parser.ts';

const qrels = parseQrels('q 0 a 2\nq 0 b 1\nq 0 c 0\nq 0 d 1\n');

describe('measures as trec_eval computes them', () => {
  it('pads P@k, divides recall and AP by every judged relevant document', () => {
    const m = evaluateRun(qrels, parseRun('q Q0 b 1 3 r\nq Q0 x 2 2 r\nq Q0 a 3 1 r\n')).perQuery.get('q');
    expect(m?.P[5]).toBeCloseTo(2 / 5, 12);
    expect(m?.set_P).toBeCloseTo(2 / 3, 12);
    expect(m?.recall[5]).toBeCloseTo(2 / 3, 12);
    expect(m?.map).toBeCloseTo((1 + 2 / 3) / 3, 12);
    expect(m?.F1[5]).toBeCloseTo((2 * 0.4 * (2 / 3)) / (0.4 + 2 / 3), 12);
  });

  it('nDCG: linear gain, log2(rank + 1) from rank 1, ideal list of all graded documents', () => {
    const m = evaluateRun(qrels, parseRun('q Q0 b 1 3 r\nq Q0 a 2 2 r\n')).perQuery.get('q');
    const dcg = 1 / Math.log2(2) + 2 / Math.log2(3);
    const ideal = 2 / Math.log2(2) + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(m?.ndcg).toBeCloseTo(dcg / ideal, 12);
    expect(m?.ndcg_cut[5]).toBeCloseTo(dcg / ideal, 12);
  });

  it('rel_level decides relevance for all but nDCG', () => {
    const m = evaluateRun(qrels, parseRun('q Q0 b 1 3 r\nq Q0 a 2 2 r\n'), { relLevel: 2 }).perQuery.get('q');
    expect(m?.num_rel).toBe(1);
    expect(m?.recip_rank).toBe(0.5);
    const base = evaluateRun(qrels, parseRun('q Q0 b 1 3 r\nq Q0 a 2 2 r\n')).perQuery.get('q');
    expect(m?.ndcg).toBe(base?.ndcg);
  });

  it('refuses a document twice in one ranking', () => {
    expect(() => evaluateRun(qrels, parseRun('q Q0 a 1 1 r\nq Q0 a 2 0.5 r\n'))).toThrow(
      /duplicate document a/,
    );
  });

  it('prints %.4f like C, halfway cases to even', () => {
    expect([0.03125, 0.03135, 2 / 3, 0].map(formatFixed4)).toEqual(['0.0312', '0.0314', '0.6667', '0.0000']);
  });
});
