/**
 * Runs one search version over a question bank: each case is searched by `workers` concurrent
 * workers, scored with the trec_eval measures, and written in the shared run layout (manifest,
 * orchestrator events, cases index, per-case manifest and metrics). A case whose search throws
 * is recorded as failed with its error and scores 0; the run goes on.
 */
import PQueue from 'p-queue';
import type { Clock } from '../../core/clock.ts';
import type { SearchEngine } from '../../search/search-port.ts';
import type { EvalRunStore } from '../../store/eval-run-store.ts';
import { caseDirName, manifestPaths } from '../run-layout/paths.ts';
import { RUN_LAYOUT_SCHEMA_VERSION } from '../run-layout/schemas.ts';
import type { BankCase } from './bank-schema.ts';
import { type CaseScore, scoreCase } from './case-score.ts';
import { DEFAULT_METRICS, type MetricDefinition, meanScores, overallScore } from './metrics-registry.ts';
import type {
  SearchCaseMetrics,
  SearchRunManifest,
  SearchRunMetrics,
  SearchRunOptions,
} from './run-schemas.ts';

export interface RunBankDeps {
  engine: SearchEngine;
  store: EvalRunStore<SearchRunManifest, SearchCaseMetrics>;
  clock: Clock;
  /** Monotonic milliseconds for latencies. */
  now?: () => number;
  /** Receives every case's ranking as TREC run lines (qid = case id), in bank order. */
  writeRunFile?: (lines: readonly TrecRunLine[]) => Promise<void>;
}

export interface TrecRunLine {
  qid: string;
  docno: string;
  score: number;
}

export interface RunBankInput {
  runId: string;
  cases: readonly BankCase[];
  options: SearchRunOptions;
  codeVersion: string;
  metrics?: readonly MetricDefinition[];
  /** The latency that scores 0 on speed (default 1000 ms). */
  speedMaxMs?: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function runCase(
  deps: RunBankDeps,
  input: RunBankInput,
  c: BankCase,
): Promise<{ score: CaseScore; failed: boolean; returned: readonly { id: string; score: number }[] }> {
  const { store } = deps;
  const now = deps.now ?? (() => performance.now());
  const runId = input.runId;
  const startedMs = deps.clock.now().getTime();
  await store.appendEvents(runId, [
    { type: 'case_started', run_id: runId, case_id: c.id, recorded_ms: startedMs },
  ]);
  const t0 = now();
  let hits: { id: string; score: number }[] = [];
  let error: string | undefined;
  try {
    hits = (await deps.engine.search(c.question, { k: input.options.k })).hits.map((h) => ({
      id: h.id,
      score: h.score,
    }));
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const latency = now() - t0;
  const score = scoreCase(c, hits, input.options.k, latency, input.speedMaxMs);
  const endedMs = deps.clock.now().getTime();
  const metrics: SearchCaseMetrics = {
    query: c.question,
    category: c.category,
    difficulty: c.difficulty,
    expected: c.expected_document_ids,
    returned: hits.slice(0, input.options.k),
    ...score,
    ...(error === undefined ? {} : { passed: false, reason: `search failed: ${error}` }),
  };
  const status = error === undefined ? 'ok' : 'failed';
  await store.writeCaseMetrics(runId, c.id, metrics);
  await store.writeCaseManifest({
    schemaVersion: RUN_LAYOUT_SCHEMA_VERSION,
    run_id: runId,
    case_id: c.id,
    status,
    started_ms: startedMs,
    ended_ms: endedMs,
    inputs: { question: c.question, bank_case: c.id },
    io: [],
    ...(error === undefined ? {} : { error }),
  });
  await store.appendCaseIndex(runId, [
    {
      case_id: c.id,
      status,
      dir: `cases/${caseDirName(c.id)}`,
      ended_ms: endedMs,
      summary: {
        f1: metrics.f1,
        passed: metrics.passed,
        category: c.category,
        latency_ms: Math.round(latency),
      },
    },
  ]);
  await store.appendEvents(runId, [
    {
      type: error === undefined ? 'case_finished' : 'case_failed',
      run_id: runId,
      case_id: c.id,
      recorded_ms: endedMs,
      ...(error === undefined ? {} : { message: error }),
    },
  ]);
  return {
    score: error === undefined ? score : { ...score, passed: false },
    failed: error !== undefined,
    returned: metrics.returned,
  };
}

export async function runBank(deps: RunBankDeps, input: RunBankInput): Promise<SearchRunManifest> {
  const { store, clock } = deps;
  const started = clock.now();
  const base: SearchRunManifest = {
    schemaVersion: RUN_LAYOUT_SCHEMA_VERSION,
    runId: input.runId,
    task: 'search',
    status: 'running',
    startedAt: started.toISOString(),
    pid: process.pid,
    codeVersion: input.codeVersion,
    options: input.options,
    benchmarkKey: {
      hash: `${input.options.version}:${input.options.bankHash}`,
      parts: { version: input.options.version, bank: input.options.bankHash },
    },
    counts: { total: input.cases.length, finished: 0, failed: 0, excluded: 0 },
    metrics: {},
    paths: manifestPaths(),
  };
  await store.writeManifest(base);
  await store.appendEvents(input.runId, [
    { type: 'run_start', run_id: input.runId, recorded_ms: started.getTime() },
  ]);
  const queue = new PQueue({ concurrency: input.options.workers });
  const results = await Promise.all(input.cases.map((c) => queue.add(() => runCase(deps, input, c))));
  const scores = results.map((r) => r.score);
  const means = meanScores(scores);
  const overall = overallScore(means, input.metrics ?? DEFAULT_METRICS);
  const metrics: SearchRunMetrics = {
    overall,
    means,
    passRate: scores.length === 0 ? 0 : scores.filter((s) => s.passed).length / scores.length,
    latencyP50: percentile(
      scores.map((s) => s.latency_ms),
      50,
    ),
    latencyP95: percentile(
      scores.map((s) => s.latency_ms),
      95,
    ),
    ...(input.options.minScore === undefined ? {} : { gatePassed: overall >= input.options.minScore }),
  };
  if (deps.writeRunFile !== undefined)
    await deps.writeRunFile(
      input.cases.flatMap((c, i) =>
        (results[i]?.returned ?? []).map((h) => ({ qid: c.id, docno: h.id, score: h.score })),
      ),
    );
  const finished = clock.now();
  const failed = results.filter((r) => r.failed).length;
  const manifest: SearchRunManifest = {
    ...base,
    status: 'completed',
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    counts: { total: input.cases.length, finished: results.length - failed, failed, excluded: 0 },
    metrics,
  };
  await store.writeManifest(manifest);
  await store.appendEvents(input.runId, [
    { type: 'run_completed', run_id: input.runId, recorded_ms: finished.getTime(), data: { overall } },
  ]);
  return manifest;
}
