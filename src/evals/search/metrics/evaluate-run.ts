/**
 * Scores a whole run against qrels as `trec_eval -q [-l L] [-M M] [-c]` does: every query of
 * the qrels (in byte order) that the run answered; with `missingAsEmpty` (-c) a query the run
 * did not answer counts as an empty ranking. Queries only in the run are ignored. The mean of
 * num_ret, num_rel and num_rel_ret is their sum, as trec_eval prints it.
 */
import { judgeRanking } from './judged-ranking.ts';
import { computeMeasures, type QueryMeasures } from './measures.ts';
import type { QueryRanking } from './query-ranking.ts';
import type { Qrels } from './trec-qrels.ts';

export interface EvaluateOptions {
  /** Grade at or above which a document is relevant (trec_eval -l, default 1). */
  relLevel?: number;
  /** At most this many documents per query are read, best first (trec_eval -M). */
  cutoff?: number;
  /** Count queries that the run misses as empty rankings (trec_eval -c). */
  missingAsEmpty?: boolean;
  /** Cutoffs of P, recall, F1 and ndcg_cut (default 5 and 10). */
  cutoffs?: readonly number[];
}

export interface RunEvaluation {
  runId: string;
  perQuery: Map<string, QueryMeasures>;
  mean: QueryMeasures;
  numQueries: number;
  cutoffs: readonly number[];
}

export const DEFAULT_CUTOFFS: readonly number[] = [5, 10];

type Combine = (a: number, b: number) => number;

function combineCut(
  a: Record<number, number>,
  b: Record<number, number>,
  f: Combine,
): Record<number, number> {
  const out: Record<number, number> = {};
  for (const k of Object.keys(a).map(Number)) out[k] = f(a[k] ?? 0, b[k] ?? 0);
  return out;
}

/** Applies `f` field by field; `counts` is used for num_ret, num_rel and num_rel_ret. */
function combine(a: QueryMeasures, b: QueryMeasures, f: Combine, counts: Combine = f): QueryMeasures {
  return {
    num_ret: counts(a.num_ret, b.num_ret),
    num_rel: counts(a.num_rel, b.num_rel),
    num_rel_ret: counts(a.num_rel_ret, b.num_rel_ret),
    map: f(a.map, b.map),
    recip_rank: f(a.recip_rank, b.recip_rank),
    P: combineCut(a.P, b.P, f),
    recall: combineCut(a.recall, b.recall, f),
    F1: combineCut(a.F1, b.F1, f),
    ndcg: f(a.ndcg, b.ndcg),
    ndcg_cut: combineCut(a.ndcg_cut, b.ndcg_cut, f),
    set_P: f(a.set_P, b.set_P),
    set_recall: f(a.set_recall, b.set_recall),
    set_F: f(a.set_F, b.set_F),
  };
}

/** The mean over queries; num_ret, num_rel and num_rel_ret are summed, as trec_eval prints them. */
export function meanMeasures(all: Iterable<QueryMeasures>, cutoffs: readonly number[]): QueryMeasures {
  let total = emptyMeasures(cutoffs);
  let n = 0;
  for (const one of all) {
    total = combine(total, one, (x, y) => x + y);
    n += 1;
  }
  if (n === 0) return total;
  return combine(
    total,
    total,
    (x) => x / n,
    (x) => x,
  );
}

export function emptyMeasures(cutoffs: readonly number[]): QueryMeasures {
  const zeros = (): Record<number, number> => Object.fromEntries(cutoffs.map((k) => [k, 0]));
  return {
    num_ret: 0,
    num_rel: 0,
    num_rel_ret: 0,
    map: 0,
    recip_rank: 0,
    P: zeros(),
    recall: zeros(),
    F1: zeros(),
    ndcg: 0,
    ndcg_cut: zeros(),
    set_P: 0,
    set_recall: 0,
    set_F: 0,
  };
}

function countPositive(qrels: Qrels): number {
  let n = 0;
  for (const docs of qrels.byQuery.values()) for (const grade of docs.values()) if (grade > 0) n += 1;
  return n;
}

export function evaluateRun(
  qrels: Qrels,
  run: { byQuery: ReadonlyMap<string, QueryRanking>; runId: string },
  options: EvaluateOptions = {},
): RunEvaluation {
  const cutoffs = options.cutoffs ?? DEFAULT_CUTOFFS;
  const measureOptions = { relLevel: options.relLevel ?? 1, cutoffs };
  const cutoff = options.cutoff ?? Number.POSITIVE_INFINITY;
  const perQuery = new Map<string, QueryMeasures>();
  for (const qid of qrels.queryIds) {
    const ranking = run.byQuery.get(qid);
    if (ranking === undefined && options.missingAsEmpty !== true) continue;
    const judged = judgeRanking(qid, ranking, qrels.byQuery.get(qid) ?? new Map(), cutoff);
    const measures = computeMeasures(judged, measureOptions);
    perQuery.set(qid, measures);
  }
  const mean = meanMeasures(perQuery.values(), cutoffs);
  // trec_eval -c quirk (m_num_rel.c): the summary num_rel counts every qrels line with grade > 0,
  // whatever the relevance level.
  if (options.missingAsEmpty === true) mean.num_rel = countPositive(qrels);
  return { runId: run.runId, perQuery, mean, numQueries: perQuery.size, cutoffs };
}
