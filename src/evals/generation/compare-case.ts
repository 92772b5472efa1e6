/**
 * One case of a pairwise comparison: both outputs (cached), two judge rounds (A first, then B
 * first), the decision, and every file of the case directory. A failed step ends the case as
 * `failed` with artifacts/error.json; an axis with no verdict after the retry ends it as
 * `excluded` (counted, left out of the statistics).
 */

import type { CaseStatus } from '../run-layout/schemas.ts';
import { RUN_LAYOUT_SCHEMA_VERSION } from '../run-layout/schemas.ts';
import { type CaseRecorder, type CaseWriter, createCaseRecorder } from './case-files.ts';
import { caseVariables, type EvalCase } from './case-set.ts';
import { type CaseDecision, decideCase } from './decision.ts';
import { type GenerationContext, type GenerationOutcome, type GenerationSide, generate } from './generate.ts';
import {
  type JudgeContext,
  type JudgeSpec,
  judgeRound,
  type RoundOutcome,
  roundPromptText,
} from './judge.ts';
import type { GenerationCaseMetrics } from './run-schemas.ts';
import { AXES } from './verdict.ts';

/** Characters of the paper's text shown to the judge (enough to check the summary's claims). */
const JUDGE_TEXT_CHARS = 12_000;

export interface PairSpec {
  a: GenerationSide;
  b: GenerationSide;
  judge: JudgeSpec;
}

export interface CaseRunDeps {
  generation: GenerationContext;
  judge: JudgeContext;
  writer: CaseWriter;
  nowMs: () => number;
  signal: AbortSignal;
}

export interface CaseRunResult {
  caseId: string;
  status: CaseStatus;
  decision?: CaseDecision;
  lengthA: number;
  lengthB: number;
  calls: number;
  cached: number;
  costUsd: number;
  error?: string;
}

interface Tally {
  calls: number;
  costUsd: number;
}

function judgeValues(c: EvalCase, interests: readonly string[], first: string, second: string) {
  const vars = caseVariables(c, interests);
  return {
    ...vars,
    full_text: (c.full_text ?? '').slice(0, JUDGE_TEXT_CHARS),
    summary_a: first,
    summary_b: second,
  };
}

async function writeGeneration(
  rec: CaseRecorder,
  label: 'a' | 'b',
  outcome: GenerationOutcome,
): Promise<void> {
  await rec.io(`prompt_generation_${label}.txt`, outcome.ok ? outcome.entry.prompt : outcome.prompt);
  if (outcome.ok) await rec.io(`output_generation_${label}.txt`, outcome.entry.text);
}

async function generateSide(
  deps: CaseRunDeps,
  rec: CaseRecorder,
  side: GenerationSide,
  label: 'a' | 'b',
  c: EvalCase,
): Promise<GenerationOutcome> {
  const started = deps.nowMs();
  const outcome = await generate(deps.generation, side, c);
  const data = { candidate: side.candidate.id, slot: label };
  if (outcome.ok && outcome.cached)
    await rec.event('cache', 'cached', started, 'output from the generation cache', data);
  else if (outcome.ok) await rec.event('generation', 'ok', started, undefined, data);
  else await rec.event('generation', 'failed', started, `${outcome.kind}: ${outcome.message}`, data);
  await writeGeneration(rec, label, outcome);
  return outcome;
}

async function writeRound(rec: CaseRecorder, round: 1 | 2, order: [string, string], outcome: RoundOutcome) {
  const prompts = outcome.ok ? AXES.map((axis) => outcome.axes[axis].prompt) : outcome.prompts;
  await rec.io(`prompt_pairwise_round${round}.txt`, roundPromptText(prompts));
  const body = outcome.ok
    ? { round, slots: { A: order[0], B: order[1] }, axes: outcome.axes }
    : {
        round,
        slots: { A: order[0], B: order[1] },
        error: { axis: outcome.axis, kind: outcome.kind, message: outcome.message },
      };
  await rec.io(`pairwise_round${round}_response.json`, `${JSON.stringify(body, null, 2)}\n`);
}

export async function runCase(deps: CaseRunDeps, pair: PairSpec, c: EvalCase): Promise<CaseRunResult> {
  const { runId } = deps.generation;
  const started = deps.nowMs();
  const rec = createCaseRecorder(deps.writer, { runId, caseId: c.id }, deps.nowMs);
  const tally: Tally = { calls: 0, costUsd: 0 };
  await rec.event('load_case', 'ok', started, undefined, {
    source: c.source,
    full_text: Boolean(c.full_text),
  });
  const [a, b] = await Promise.all([
    generateSide(deps, rec, pair.a, 'a', c),
    generateSide(deps, rec, pair.b, 'b', c),
  ]);
  for (const o of [a, b]) {
    tally.calls += o.calls;
    tally.costUsd += o.ok ? (o.cached ? 0 : o.entry.costUsd) : o.costUsd;
  }
  const base = { deps, rec, c, started, tally, a, b };
  if (!a.ok || !b.ok) {
    const failed = !a.ok ? a : b;
    if (failed.ok) throw new Error('unreachable');
    return finishCase(base, 'failed', undefined, {
      stage: 'generation',
      kind: failed.kind,
      message: failed.message,
    });
  }
  if (deps.signal.aborted) return finishCase(base, 'cancelled');
  return judgeCase(base, pair);
}

interface CaseState {
  deps: CaseRunDeps;
  rec: CaseRecorder;
  c: EvalCase;
  started: number;
  tally: Tally;
  a: GenerationOutcome;
  b: GenerationOutcome;
  retries?: number;
}

async function judgeCase(state: CaseState, pair: PairSpec): Promise<CaseRunResult> {
  const { deps, rec, c, a, b, tally } = state;
  if (!a.ok || !b.ok) throw new Error('unreachable: both outputs exist');
  const interests = deps.generation.userInterests;
  const judgeStarted = deps.nowMs();
  const [round1, round2] = await Promise.all([
    judgeRound(deps.judge, pair.judge, judgeValues(c, interests, a.entry.text, b.entry.text)),
    judgeRound(deps.judge, pair.judge, judgeValues(c, interests, b.entry.text, a.entry.text)),
  ]);
  tally.calls += round1.calls + round2.calls;
  tally.costUsd += round1.costUsd + round2.costUsd;
  const ids = { a: pair.a.candidate.id, b: pair.b.candidate.id };
  await writeRound(rec, 1, [ids.a, ids.b], round1);
  await writeRound(rec, 2, [ids.b, ids.a], round2);
  if (!round1.ok || !round2.ok) {
    const failed = !round1.ok ? round1 : round2;
    if (failed.ok) throw new Error('unreachable');
    await rec.event('judge', 'failed', judgeStarted, `${failed.axis}: ${failed.kind}: ${failed.message}`);
    return finishCase(state, 'failed', undefined, {
      stage: 'judge',
      kind: failed.kind,
      message: failed.message,
    });
  }
  state.retries = round1.retries + round2.retries;
  await rec.event('judge', 'ok', judgeStarted, undefined, { retries: state.retries });
  const aggregateStarted = deps.nowMs();
  const decision = decideCase({
    faithfulness: { round1: round1.axes.faithfulness.verdict, round2: round2.axes.faithfulness.verdict },
    coverage: { round1: round1.axes.coverage.verdict, round2: round2.axes.coverage.verdict },
    usefulness: { round1: round1.axes.usefulness.verdict, round2: round2.axes.usefulness.verdict },
  });
  const winnerId = decision.overall === 'A' ? ids.a : decision.overall === 'B' ? ids.b : decision.overall;
  await rec.io(
    'pairwise_decision.json',
    `${JSON.stringify({ candidates: ids, ...decision, winner: winnerId }, null, 2)}\n`,
  );
  await rec.event('aggregate', 'ok', aggregateStarted, undefined, { overall: decision.overall });
  if (decision.overall === 'error')
    return finishCase(state, 'excluded', decision, {
      stage: 'judge',
      kind: 'verdict',
      message: 'no verdict after one retry',
    });
  return finishCase(state, 'ok', decision);
}

function metricsOf(state: CaseState, decision: CaseDecision | undefined): GenerationCaseMetrics {
  const { a, b } = state;
  const lengthA = a.ok ? a.entry.text.length : 0;
  const lengthB = b.ok ? b.entry.text.length : 0;
  return {
    ...(decision ? { decision } : {}),
    lengthA,
    lengthB,
    lengthRatio: lengthB > 0 && a.ok ? lengthA / lengthB : null,
    cached: { a: a.ok && a.cached, b: b.ok && b.cached },
    llmCalls: state.tally.calls,
    costUsd: state.tally.costUsd,
    missingVariables: { a: a.ok ? a.entry.missing : a.missing, b: b.ok ? b.entry.missing : b.missing },
    judgeRetries: state.retries ?? 0,
  };
}

async function finishCase(
  state: CaseState,
  status: CaseStatus,
  decision?: CaseDecision,
  error?: { stage: string; kind: string; message: string },
): Promise<CaseRunResult> {
  const { deps, rec, c } = state;
  const runId = deps.generation.runId;
  const metrics = metricsOf(state, decision);
  if (error && status === 'failed') {
    await deps.writer.writeCaseError({
      run_id: runId,
      case_id: c.id,
      stage: error.stage,
      kind: error.kind,
      message: error.message,
      recorded_ms: deps.nowMs(),
    });
    await rec.event('error', 'failed', deps.nowMs(), `${error.stage}: ${error.kind}: ${error.message}`);
  }
  await deps.writer.writeCaseMetrics(runId, c.id, metrics);
  await deps.writer.writeCaseManifest({
    schemaVersion: RUN_LAYOUT_SCHEMA_VERSION,
    run_id: runId,
    case_id: c.id,
    status,
    started_ms: state.started,
    ended_ms: deps.nowMs(),
    inputs: { title: c.title, source: c.source, full_text_chars: (c.full_text ?? '').length },
    io: rec.files(),
    ...(error ? { error: `${error.stage}: ${error.kind}: ${error.message}` } : {}),
  });
  const cached = Number(metrics.cached.a) + Number(metrics.cached.b);
  return {
    caseId: c.id,
    status,
    ...(decision ? { decision } : {}),
    lengthA: metrics.lengthA,
    lengthB: metrics.lengthB,
    calls: state.tally.calls,
    cached,
    costUsd: state.tally.costUsd,
    ...(error ? { error: `${error.stage}: ${error.kind}: ${error.message}` } : {}),
  };
}
