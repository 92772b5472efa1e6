/**
 * The measures of one query, each exactly as trec_eval 10 computes it (m_*.c), so a run can be
 * checked against the standard tool. Where the original search benchmark's formulas differ,
 * trec_eval wins:
 * - precision@k divides by k (a short ranking is padded with non-relevant documents); the
 *   original divided by the number returned — that figure is `set_P` here;
 * - recall@k and AP divide by R = every judged relevant document, retrieved or not;
 * - nDCG uses linear gain (the grade) and discount log2(rank + 1) from rank 1 on; the original
 *   added rank 1 undiscounted and discounted from rank 2 (log2(rank)). The ideal list is every
 *   judged document with grade > 0, sorted by grade, cut at k;
 * - F1@k (not a trec_eval measure) is the harmonic mean of the padded P@k and recall@k.
 * `relLevel` decides "relevant" for every measure but nDCG, which uses the grades.
 */
import type { JudgedRanking } from './judged-ranking.ts';

export interface QueryMeasures {
  num_ret: number;
  num_rel: number;
  num_rel_ret: number;
  map: number;
  recip_rank: number;
  /** Keyed by cutoff. */
  P: Record<number, number>;
  recall: Record<number, number>;
  F1: Record<number, number>;
  ndcg: number;
  ndcg_cut: Record<number, number>;
  set_P: number;
  set_recall: number;
  set_F: number;
}

export interface MeasureOptions {
  relLevel: number;
  cutoffs: readonly number[];
}

function dcgAt(grades: Int32Array, k: number): number {
  let sum = 0;
  const n = Math.min(k, grades.length);
  for (let i = 0; i < n; i += 1) {
    const gain = grades[i] ?? 0;
    if (gain > 0) sum += gain / Math.log2(i + 2);
  }
  return sum;
}

/** DCG of the ideal list (every judged document with grade > 0, best first), cut at k. */
function idealDcgAt(gradeCounts: readonly number[], k: number): number {
  let sum = 0;
  let rank = 0;
  for (let grade = gradeCounts.length - 1; grade > 0 && rank < k; grade -= 1) {
    const count = gradeCounts[grade] ?? 0;
    for (let j = 0; j < count && rank < k; j += 1, rank += 1) sum += grade / Math.log2(rank + 2);
  }
  return sum;
}

function harmonic(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export function computeMeasures(judged: JudgedRanking, options: MeasureOptions): QueryMeasures {
  const { grades, gradeCounts } = judged;
  const { relLevel } = options;
  let numRel = 0;
  gradeCounts.forEach((count, grade) => {
    if (grade >= relLevel) numRel += count;
  });
  const numRet = grades.length;
  const relSoFar = new Int32Array(numRet + 1);
  let apSum = 0;
  let firstRel = 0;
  for (let i = 0; i < numRet; i += 1) {
    const relevant = (grades[i] ?? 0) >= relLevel;
    relSoFar[i + 1] = (relSoFar[i] ?? 0) + (relevant ? 1 : 0);
    if (relevant) {
      apSum += (relSoFar[i + 1] ?? 0) / (i + 1);
      if (firstRel === 0) firstRel = i + 1;
    }
  }
  const numRelRet = relSoFar[numRet] ?? 0;
  const measures: QueryMeasures = {
    num_ret: numRet,
    num_rel: numRel,
    num_rel_ret: numRelRet,
    map: numRelRet > 0 ? apSum / numRel : 0,
    recip_rank: firstRel > 0 ? 1 / firstRel : 0,
    P: {},
    recall: {},
    F1: {},
    ndcg: 0,
    ndcg_cut: {},
    set_P: numRet > 0 ? numRelRet / numRet : 0,
    set_recall: numRel > 0 ? numRelRet / numRel : 0,
    set_F: 0,
  };
  const setP = measures.set_P;
  const setR = measures.set_recall;
  measures.set_F = numRelRet > 0 ? (2 * setP * setR) / (setP + setR) : 0;
  const idealAll = idealDcgAt(gradeCounts, Number.POSITIVE_INFINITY);
  measures.ndcg = idealAll > 0 ? dcgAt(grades, numRet) / idealAll : 0;
  for (const k of options.cutoffs) {
    const hits = relSoFar[Math.min(k, numRet)] ?? 0;
    const p = hits / k;
    const r = numRel > 0 ? hits / numRel : 0;
    measures.P[k] = p;
    measures.recall[k] = r;
    measures.F1[k] = harmonic(p, r);
    const ideal = idealDcgAt(gradeCounts, k);
    measures.ndcg_cut[k] = ideal > 0 ? dcgAt(grades, k) / ideal : 0;
  }
  return measures;
}
