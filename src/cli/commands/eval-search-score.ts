/**
 * `radar eval search score --qrels FILE --run FILE [--rel-level L] [--cutoff M]
 * [--missing-as-empty] [--per-query] [--json]`: scores any TREC run file against TREC qrels and
 * prints what `trec_eval -q -l L -M M [-c]` prints for the same measures (plus F1@k).
 */
import { UsageError } from '../../core/errors.ts';
import { evaluateRun } from '../../evals/search/metrics/evaluate-run.ts';
import { evaluationJson, formatTrecEval } from '../../evals/search/metrics/format-trec.ts';
import { readQrelsFile, readRunFile } from '../../store/eval-search-trec-files.ts';
import type { Out } from '../action.ts';

export interface ScoreFlags {
  qrels?: string;
  run?: string;
  relLevel?: string;
  cutoff?: string;
  missingAsEmpty?: boolean;
  perQuery?: boolean;
  json?: boolean;
}

function integerFlag(raw: string | undefined, flag: string, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^[+-]?\d+$/.test(raw.trim()) || value < min)
    throw new UsageError(
      `${flag} takes an integer${min > Number.MIN_SAFE_INTEGER ? ` ≥ ${min}` : ''}, got "${raw}"`,
    );
  return value;
}

export async function runEvalSearchScore(flags: ScoreFlags, out: Out): Promise<number> {
  if (flags.qrels === undefined) throw new UsageError('--qrels FILE is required');
  if (flags.run === undefined) throw new UsageError('--run FILE is required');
  const relLevel = integerFlag(flags.relLevel, '--rel-level', Number.MIN_SAFE_INTEGER);
  const cutoff = integerFlag(flags.cutoff, '--cutoff', 1);
  const [qrels, run] = await Promise.all([readQrelsFile(flags.qrels), readRunFile(flags.run)]);
  const evaluation = evaluateRun(qrels, run, {
    ...(relLevel === undefined ? {} : { relLevel }),
    ...(cutoff === undefined ? {} : { cutoff }),
    missingAsEmpty: flags.missingAsEmpty === true,
  });
  if (evaluation.numQueries === 0) {
    process.stderr.write('radar: no query has both results and judgments\n');
    return 1;
  }
  const perQuery = flags.perQuery === true;
  out(
    flags.json === true
      ? JSON.stringify(evaluationJson(evaluation, perQuery), null, 2)
      : formatTrecEval(evaluation, perQuery).trimEnd(),
  );
  return 0;
}
