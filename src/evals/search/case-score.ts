/**
 * One bank case scored from the hits a search version returned, with the trec_eval measures
 * (src/evals/search/metrics) at the run's k: a case is one TREC topic whose ranking is the hits.
 * passed ⇔ at least min_required_matches of the returned ids are expected or acceptable.
 */
import { type BankCase, caseJudgments } from './bank-schema.ts';
import { judgeRanking } from './metrics/judged-ranking.ts';
import { computeMeasures } from './metrics/measures.ts';
import { QueryRanking } from './metrics/query-ranking.ts';

export interface ReturnedHit {
  id: string;
  score: number;
}

export interface CaseScore {
  precision: number;
  recall: number;
  f1: number;
  ndcg: number;
  ndcg5: number;
  rr: number;
  ap: number;
  tp: number;
  fp: number;
  fn: number;
  latency_ms: number;
  speed: number;
  passed: boolean;
  reason: string;
}

/** max(0, (maxMs − t) / maxMs). */
export function speedScore(latencyMs: number, maxMs = 1000): number {
  return Math.max(0, (maxMs - latencyMs) / maxMs);
}

export function scoreCase(
  c: BankCase,
  hits: readonly ReturnedHit[],
  k: number,
  latencyMs: number,
  maxMs = 1000,
): CaseScore {
  const ranking = new QueryRanking();
  const seen = new Set<string>();
  for (const hit of hits.slice(0, k)) {
    if (seen.has(hit.id)) continue; // an engine returning a doc twice must not fail the whole run
    seen.add(hit.id);
    ranking.add(hit.id, hit.score);
  }
  const judged = judgeRanking(c.id, ranking, caseJudgments(c), k);
  const m = computeMeasures(judged, { relLevel: 1, cutoffs: [5, k] });
  const right = new Set([...c.expected_document_ids, ...c.acceptable_document_ids]);
  const matches = [...seen].filter((id) => right.has(id)).length;
  const passed = matches >= c.min_required_matches;
  return {
    precision: m.P[k] ?? 0,
    recall: m.recall[k] ?? 0,
    f1: m.F1[k] ?? 0,
    ndcg: m.ndcg_cut[k] ?? 0,
    ndcg5: m.ndcg_cut[5] ?? 0,
    rr: m.recip_rank,
    ap: m.map,
    tp: m.num_rel_ret,
    fp: m.num_ret - m.num_rel_ret,
    fn: m.num_rel - m.num_rel_ret,
    latency_ms: latencyMs,
    speed: speedScore(latencyMs, maxMs),
    passed,
    reason: passed
      ? `${matches} of the returned documents are expected or acceptable (needs ${c.min_required_matches})`
      : `only ${matches} expected or acceptable documents returned, needs ${c.min_required_matches}`,
  };
}
