/**
 * The orchestrator of a pairwise run: writes the manifest (`running`), queues every case, runs
 * them on `workers` workers (the LLM layer still caps calls per provider), appends the
 * orchestrator events and the cases index as cases finish, and ends with the statistics in the
 * manifest. An aborted signal (Ctrl-C) stops taking cases, lets the ones in flight finish or
 * stop between stages, and marks the run `cancelled`; every file is whole at every moment.
 */
import type { LlmClient } from '../../llm/llm-client.ts';
import { manifestPaths } from '../run-layout/paths.ts';
import type {
  BenchmarkKeyRecord,
  CaseIndexEntry,
  OrchestratorEvent,
  RunCounts,
} from '../run-layout/schemas.ts';
import { RUN_LAYOUT_SCHEMA_VERSION } from '../run-layout/schemas.ts';
import type { CaseWriter } from './case-files.ts';
import type { EvalCase } from './case-set.ts';
import { type CaseRunResult, type PairSpec, runCase } from './compare-case.ts';
import type { GenerationCache } from './generate.ts';
import type { GenerationRunManifest, GenerationRunMetrics, GenerationRunOptions } from './run-schemas.ts';
import { pairwiseSummary } from './statistics.ts';

export interface RunWriter extends CaseWriter {
  writeManifest(manifest: GenerationRunManifest): Promise<void>;
  appendEvents(runId: string, events: readonly OrchestratorEvent[]): Promise<void>;
  appendCaseIndex(runId: string, entries: readonly CaseIndexEntry[]): Promise<void>;
}

export interface CompareRunDeps {
  writer: RunWriter;
  llm: Pick<LlmClient, 'structured' | 'complete'>;
  cache: GenerationCache;
  now: () => Date;
  signal: AbortSignal;
  onCaseDone?: (result: CaseRunResult, done: number, total: number) => void;
}

export interface ComparePlan {
  runId: string;
  cases: readonly EvalCase[];
  excluded: ReadonlyArray<{ case_id: string; reason: string }>;
  pair: PairSpec;
  workers: number;
  options: GenerationRunOptions;
  benchmarkKey: BenchmarkKeyRecord;
  codeVersion: string;
  defaultSystem: string;
  userInterests: readonly string[];
  pid?: number;
}

function baseManifest(plan: ComparePlan, startedAt: Date): GenerationRunManifest {
  return {
    schemaVersion: RUN_LAYOUT_SCHEMA_VERSION,
    runId: plan.runId,
    task: 'generation',
    status: 'running',
    startedAt: startedAt.toISOString(),
    ...(plan.pid !== undefined ? { pid: plan.pid } : {}),
    codeVersion: plan.codeVersion,
    benchmarkKey: plan.benchmarkKey,
    options: plan.options,
    counts: {
      total: plan.cases.length + plan.excluded.length,
      finished: 0,
      failed: 0,
      excluded: plan.excluded.length,
    },
    metrics: { llmCalls: 0, cachedGenerations: 0, costUsd: 0, wallMs: 0, excludedCases: [...plan.excluded] },
    paths: manifestPaths(),
  };
}

function indexEntry(result: CaseRunResult, dir: string, endedMs: number): CaseIndexEntry {
  return {
    case_id: result.caseId,
    status: result.status,
    dir,
    ended_ms: endedMs,
    summary: {
      overall: result.decision?.overall ?? null,
      length_a: result.lengthA,
      length_b: result.lengthB,
      llm_calls: result.calls,
      ...(result.error !== undefined ? { error: result.error } : {}),
    },
  };
}

async function runOne(deps: CompareRunDeps, plan: ComparePlan, c: EvalCase, caseDir: (id: string) => string) {
  const ms = () => deps.now().getTime();
  const { runId } = plan;
  await deps.writer.appendEvents(runId, [
    { type: 'case_started', run_id: runId, case_id: c.id, recorded_ms: ms() },
  ]);
  let result: CaseRunResult;
  try {
    result = await runCase(
      {
        generation: {
          llm: deps.llm,
          cache: deps.cache,
          defaultSystem: plan.defaultSystem,
          userInterests: plan.userInterests,
          runId,
          now: deps.now,
        },
        judge: { llm: deps.llm, runId },
        writer: deps.writer,
        nowMs: ms,
        signal: deps.signal,
      },
      plan.pair,
      c,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = {
      caseId: c.id,
      status: 'failed',
      lengthA: 0,
      lengthB: 0,
      calls: 0,
      cached: 0,
      costUsd: 0,
      error: `unexpected: ${message}`,
    };
  }
  const type = result.status === 'failed' ? 'case_failed' : 'case_finished';
  await deps.writer.appendEvents(runId, [
    {
      type,
      run_id: runId,
      case_id: c.id,
      recorded_ms: ms(),
      data: { status: result.status },
      ...(result.error ? { message: result.error } : {}),
    },
  ]);
  await deps.writer.appendCaseIndex(runId, [indexEntry(result, caseDir(c.id), ms())]);
  return result;
}

/** Runs `task` over `items` on `workers` workers; stops taking items once `signal` aborts. */
async function pool<T, R>(
  items: readonly T[],
  workers: number,
  signal: AbortSignal,
  task: (item: T) => Promise<R>,
) {
  const results: R[] = [];
  const queue = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = queue.next(); !next.done && !signal.aborted; next = queue.next())
      results.push(await task(next.value));
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, worker));
  return results;
}

function finalCounts(plan: ComparePlan, results: readonly CaseRunResult[]): RunCounts {
  return {
    total: plan.cases.length + plan.excluded.length,
    finished: results.filter((r) => r.status === 'ok' || r.status === 'excluded').length,
    failed: results.filter((r) => r.status === 'failed').length,
    excluded: plan.excluded.length + results.filter((r) => r.status === 'excluded').length,
  };
}

function finalMetrics(
  plan: ComparePlan,
  results: readonly CaseRunResult[],
  wallMs: number,
): GenerationRunMetrics {
  const judged = results.filter(
    (r) => r.decision !== undefined && (r.status === 'ok' || r.status === 'excluded'),
  );
  return {
    pairwiseSummary: pairwiseSummary(
      judged.flatMap((r) =>
        r.decision ? [{ decision: r.decision, lengthA: r.lengthA, lengthB: r.lengthB }] : [],
      ),
    ),
    llmCalls: results.reduce((s, r) => s + r.calls, 0),
    cachedGenerations: results.reduce((s, r) => s + r.cached, 0),
    costUsd: results.reduce((s, r) => s + r.costUsd, 0),
    wallMs,
    excludedCases: [
      ...plan.excluded,
      ...results
        .filter((r) => r.status === 'excluded')
        .map((r) => ({ case_id: r.caseId, reason: r.error ?? 'excluded' })),
    ],
  };
}

export async function runCompare(
  deps: CompareRunDeps,
  plan: ComparePlan,
  caseDir: (id: string) => string,
): Promise<GenerationRunManifest> {
  const startedAt = deps.now();
  const { runId } = plan;
  const manifest = baseManifest(plan, startedAt);
  await deps.writer.writeManifest(manifest);
  const ms = () => deps.now().getTime();
  await deps.writer.appendEvents(runId, [
    {
      type: 'run_start',
      run_id: runId,
      recorded_ms: ms(),
      data: { cases: plan.cases.length, workers: plan.workers },
    },
    ...plan.cases.map(
      (c): OrchestratorEvent => ({ type: 'case_queued', run_id: runId, case_id: c.id, recorded_ms: ms() }),
    ),
  ]);
  let done = 0;
  try {
    const results = await pool(plan.cases, plan.workers, deps.signal, async (c) => {
      const result = await runOne(deps, plan, c, caseDir);
      done += 1;
      deps.onCaseDone?.(result, done, plan.cases.length);
      return result;
    });
    const wallMs = deps.now().getTime() - startedAt.getTime();
    const cancelled = deps.signal.aborted;
    const final: GenerationRunManifest = {
      ...manifest,
      status: cancelled ? 'cancelled' : 'completed',
      finishedAt: deps.now().toISOString(),
      durationMs: wallMs,
      counts: finalCounts(plan, results),
      metrics: finalMetrics(plan, results, wallMs),
      ...(cancelled ? { error: `cancelled after ${done} of ${plan.cases.length} cases` } : {}),
    };
    await deps.writer.writeManifest(final);
    await deps.writer.appendEvents(runId, [
      {
        type: cancelled ? 'run_cancelled' : 'run_completed',
        run_id: runId,
        recorded_ms: ms(),
        data: { ...final.counts },
      },
    ]);
    return final;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed: GenerationRunManifest = {
      ...manifest,
      status: 'failed',
      finishedAt: deps.now().toISOString(),
      error: message,
    };
    await deps.writer.writeManifest(failed);
    await deps.writer.appendEvents(runId, [
      { type: 'run_failed', run_id: runId, recorded_ms: ms(), message },
    ]);
    return failed;
  }
}

/** A completed run with no failed case: what the benchmark key's skip looks for. */
export function isSuccessfulRun(manifest: Pick<GenerationRunManifest, 'status' | 'counts'>): boolean {
  return manifest.status === 'completed' && manifest.counts.failed === 0;
}
