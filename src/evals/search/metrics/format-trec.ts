/** Prints an evaluation the way `trec_eval -q` does: `name<TAB>qid<TAB>value`, queries then `all`. */
import type { RunEvaluation } from './evaluate-run.ts';
import type { QueryMeasures } from './measures.ts';

function pad(name: string): string {
  return name.padEnd(22, ' ');
}

/**
 * `%.4f` as C's printf writes it: the exact binary value rounded, halfway cases to even
 * (0.03125 → 0.0312, where toFixed(4) gives 0.0313).
 */
export function formatFixed4(v: number): string {
  const exact = Math.abs(v).toFixed(40);
  const dot = exact.indexOf('.');
  const rest = exact.slice(dot + 5);
  const downToEven = /^50*$/.test(rest) && Number(exact[dot + 4]) % 2 === 0;
  const text = downToEven ? exact.slice(0, dot + 5) : Math.abs(v).toFixed(4);
  return v < 0 && Number(text) !== 0 ? `-${text}` : text;
}

const value = formatFixed4;

/** The measures in trec_eval's own order (measures.c), with their trec_eval names. */
export function measureRows(m: QueryMeasures, cutoffs: readonly number[]): [string, number, boolean][] {
  const cut = (name: string, values: Record<number, number>) =>
    cutoffs.map((k): [string, number, boolean] => [`${name}_${k}`, values[k] ?? 0, false]);
  return [
    ['num_ret', m.num_ret, true],
    ['num_rel', m.num_rel, true],
    ['num_rel_ret', m.num_rel_ret, true],
    ['map', m.map, false],
    ['recip_rank', m.recip_rank, false],
    ...cut('P', m.P),
    ...cut('recall', m.recall),
    ['ndcg', m.ndcg, false],
    ...cut('ndcg_cut', m.ndcg_cut),
    ['set_P', m.set_P, false],
    ['set_recall', m.set_recall, false],
    ['set_F', m.set_F, false],
    ...cut('F1', m.F1),
  ];
}

function block(qid: string, m: QueryMeasures, cutoffs: readonly number[]): string[] {
  return measureRows(m, cutoffs).map(
    ([name, v, integer]) => `${pad(name)}\t${qid}\t${integer ? String(Math.round(v)) : value(v)}`,
  );
}

export function formatTrecEval(evaluation: RunEvaluation, perQuery: boolean): string {
  const lines: string[] = [];
  if (perQuery) for (const [qid, m] of evaluation.perQuery) lines.push(...block(qid, m, evaluation.cutoffs));
  lines.push(`${pad('runid')}\tall\t${evaluation.runId}`, `${pad('num_q')}\tall\t${evaluation.numQueries}`);
  lines.push(...block('all', evaluation.mean, evaluation.cutoffs));
  return `${lines.join('\n')}\n`;
}

/** The same figures as plain JSON (per query when asked). */
export function evaluationJson(evaluation: RunEvaluation, perQuery: boolean): unknown {
  const flat = (m: QueryMeasures) =>
    Object.fromEntries(measureRows(m, evaluation.cutoffs).map(([n, v]) => [n, v]));
  return {
    runid: evaluation.runId,
    num_q: evaluation.numQueries,
    all: flat(evaluation.mean),
    ...(perQuery
      ? { queries: Object.fromEntries([...evaluation.perQuery].map(([q, m]) => [q, flat(m)])) }
      : {}),
  };
}
