/**
 * The eval run layout (schemaVersion 5), shared by the generation and the search benchmarks:
 *
 * ```
 * runs/<run_id>/manifest.json              status, options, benchmark key, summary metrics, paths (the source of truth)
 * runs/<run_id>/orchestrator_events.jsonl  run_start, case_queued/started/finished/failed, run_completed/failed/cancelled
 * runs/<run_id>/cases_index.jsonl          one light line per finished case, for listings
 * runs/<run_id>/cases/<case_dir>/          manifest.json, metrics.json, events.jsonl, io/…, artifacts/error.json
 * ```
 *
 * Each benchmark plugs its own options, metrics and case metrics schemas into the generic
 * schemas below; the envelope (ids, status, times, counts, paths) is the same for all.
 */
import { z } from 'zod';

export const RUN_LAYOUT_SCHEMA_VERSION = 5;

const isoDateTime = z.iso.datetime({ offset: true });
/** Epoch milliseconds. */
const ms = z.number().int().min(0);

export const EvalRunStatus = z.enum(['running', 'completed', 'failed', 'cancelled']);
export type EvalRunStatus = z.infer<typeof EvalRunStatus>;

/** What a benchmark key is made of, and its hash (the cache key of a whole run). */
export const BenchmarkKeyRecord = z.object({
  hash: z.string().min(1),
  parts: z.record(z.string(), z.string()),
});
export type BenchmarkKeyRecord = z.infer<typeof BenchmarkKeyRecord>;

export const RunCounts = z.object({
  total: z.int().min(0),
  finished: z.int().min(0),
  failed: z.int().min(0),
  /** Cases left out by the integrity exclusions or because their evaluation errored. */
  excluded: z.int().min(0),
});
export type RunCounts = z.infer<typeof RunCounts>;

/** Paths inside the run directory, relative to it (so a copied run stays readable). */
export const RunPaths = z.object({
  manifest: z.string(),
  orchestratorEvents: z.string(),
  casesIndex: z.string(),
  casesDir: z.string(),
});
export type RunPaths = z.infer<typeof RunPaths>;

/** The run manifest with a benchmark's own `options` and `metrics` schemas. */
export function evalRunManifestSchema<O extends z.ZodType, M extends z.ZodType>(options: O, metrics: M) {
  return z.object({
    schemaVersion: z.literal(RUN_LAYOUT_SCHEMA_VERSION),
    runId: z.string().min(1),
    /** The benchmark: `generation`, `search`… */
    task: z.string().min(1),
    status: EvalRunStatus,
    startedAt: isoDateTime,
    finishedAt: isoDateTime.optional(),
    durationMs: z.number().min(0).optional(),
    pid: z.int().optional(),
    codeVersion: z.string(),
    benchmarkKey: BenchmarkKeyRecord.optional(),
    options,
    counts: RunCounts,
    metrics,
    paths: RunPaths,
    /** Why the run failed or was cancelled. */
    error: z.string().optional(),
  });
}

/** Any benchmark's manifest: options and metrics read as plain JSON (for listings). */
export const AnyEvalRunManifest = evalRunManifestSchema(
  z.record(z.string(), z.json()),
  z.record(z.string(), z.json()),
);
export type AnyEvalRunManifest = z.infer<typeof AnyEvalRunManifest>;

export const OrchestratorEventType = z.enum([
  'run_start',
  'case_queued',
  'case_started',
  'case_finished',
  'case_failed',
  'run_completed',
  'run_failed',
  'run_cancelled',
]);
export type OrchestratorEventType = z.infer<typeof OrchestratorEventType>;

export const OrchestratorEvent = z.object({
  type: OrchestratorEventType,
  run_id: z.string(),
  case_id: z.string().optional(),
  recorded_ms: ms,
  message: z.string().optional(),
  data: z.record(z.string(), z.json()).optional(),
});
export type OrchestratorEvent = z.infer<typeof OrchestratorEvent>;

export const CaseStatus = z.enum(['ok', 'failed', 'excluded', 'cancelled']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** A scalar for listings: the few numbers or labels a case index line shows. */
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const CaseIndexEntry = z.object({
  case_id: z.string(),
  status: CaseStatus,
  /** The case directory, relative to the run directory. */
  dir: z.string(),
  ended_ms: ms,
  summary: z.record(z.string(), Scalar).default({}),
});
export type CaseIndexEntry = z.infer<typeof CaseIndexEntry>;

/** The stage names every benchmark shares; each adds its own (`generation`, `judge`, `retrieval`…). */
export const COMMON_STAGES = ['load_case', 'cache', 'aggregate', 'error', 'artifact_write_failed'] as const;

export const CaseEventStatus = z.enum(['started', 'ok', 'cached', 'skipped', 'failed']);
export type CaseEventStatus = z.infer<typeof CaseEventStatus>;

export const CaseEvent = z.object({
  run_id: z.string(),
  case_id: z.string(),
  stage: z.string().regex(/^[a-z][a-z0-9_]*$/),
  status: CaseEventStatus,
  started_ms: ms,
  ended_ms: ms,
  recorded_ms: ms,
  message: z.string().optional(),
  data: z.record(z.string(), z.json()).optional(),
});
export type CaseEvent = z.infer<typeof CaseEvent>;

export const CaseManifest = z.object({
  schemaVersion: z.literal(RUN_LAYOUT_SCHEMA_VERSION),
  run_id: z.string(),
  case_id: z.string(),
  status: CaseStatus,
  started_ms: ms,
  ended_ms: ms,
  /** What the case was run on (ids, hashes of inputs): plain JSON. */
  inputs: z.record(z.string(), z.json()).default({}),
  /** The files written under io/, by name. */
  io: z.array(z.string()).default([]),
  error: z.string().optional(),
});
export type CaseManifest = z.infer<typeof CaseManifest>;

/** `artifacts/error.json`: written only when a case failed. */
export const CaseError = z.object({
  run_id: z.string(),
  case_id: z.string(),
  stage: z.string(),
  kind: z.string().optional(),
  message: z.string(),
  recorded_ms: ms,
  details: z.array(z.string()).optional(),
});
export type CaseError = z.infer<typeof CaseError>;
