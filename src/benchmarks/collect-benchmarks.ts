/**
 * The benchmark job: every collector at once (one failing never stops the others), the
 * candidates stored, the new ones scored (cache by content hash), all of them merged across
 * sources, and the run's quality recorded: per-source success and counts, the score
 * distribution, a source-health file, and alerts when a source failed N runs in a row or when
 * LLM scoring succeeded for too few candidates.
 */
import { errorMessage } from '../core/errors.ts';
import { updateSourceHealth } from '../core/source-health.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import type { BenchmarksStore, CandidateUpsert } from '../store/benchmarks-store.ts';
import type { BenchmarkSource, SourceCollection } from './benchmark-source.ts';
import type { BenchmarkCandidate } from './candidate.ts';
import { mergeCandidates, mergeText, type Vector } from './merge.ts';
import { scoreCandidates, scoreDistribution } from './score.ts';

export type AlertFn = (kind: string, component: string, error: unknown) => unknown;

export interface CollectBenchmarksDeps {
  sources: readonly BenchmarkSource[];
  store: BenchmarksStore;
  llm: LlmClient;
  embed: (texts: readonly string[]) => Promise<Vector[]>;
  alert: AlertFn;
  now: () => Date;
  logger: Logger;
}

export interface CollectBenchmarksOptions {
  ttlDays: number;
  interests: readonly string[];
  mergeThreshold: number;
  failuresBeforeAlert: number;
  minLlmSuccessRate: number;
  signal?: AbortSignal;
}

export interface SourceReport {
  name: string;
  ok: boolean;
  candidates: number;
  durationMs: number;
  counts: Record<string, number>;
  error: string | null;
  consecutiveFailures: number;
}

export interface ScoringReport {
  cached: number;
  attempted: number;
  scored: number;
  failed: number;
  /** scored / attempted; null when nothing needed the LLM (or none is configured). */
  successRate: number | null;
  llmAvailable: boolean;
  distribution: Record<string, number>;
}

export interface CollectBenchmarksResult {
  sources: SourceReport[];
  upsert: CandidateUpsert;
  scoring: ScoringReport;
  merged: { benchmarks: number; multiSource: number };
  alerts: Array<{ kind: string; component: string; message: string }>;
}

async function runSource(
  source: BenchmarkSource,
  signal?: AbortSignal,
): Promise<SourceCollection & { durationMs: number }> {
  const started = performance.now();
  const collection = await source.collect(signal);
  return { ...collection, durationMs: Math.round(performance.now() - started) };
}

async function collectAll(deps: CollectBenchmarksDeps, options: CollectBenchmarksOptions) {
  const started = performance.now();
  const settled = await Promise.allSettled(deps.sources.map((s) => runSource(s, options.signal)));
  const health = await deps.store.readHealth();
  const at = deps.now().toISOString();
  const candidates: BenchmarkCandidate[] = [];
  const reports = deps.sources.map((source, i): SourceReport => {
    const outcome = settled[i];
    const ok = outcome?.status === 'fulfilled';
    const error = ok ? null : errorMessage(outcome?.status === 'rejected' ? outcome.reason : 'not run');
    if (ok) candidates.push(...outcome.value.candidates);
    else deps.logger.warn({ source: source.name, error }, 'benchmark source failed');
    return {
      name: source.name,
      ok,
      candidates: ok ? outcome.value.candidates.length : 0,
      durationMs: ok ? outcome.value.durationMs : Math.round(performance.now() - started),
      counts: ok ? outcome.value.counts : {},
      error,
      consecutiveFailures: updateSourceHealth(health, source.name, error, at),
    };
  });
  await deps.store.writeHealth(health);
  return { reports, candidates };
}

export async function collectBenchmarks(
  deps: CollectBenchmarksDeps,
  options: CollectBenchmarksOptions,
): Promise<CollectBenchmarksResult> {
  const { reports, candidates } = await collectAll(deps, options);
  const upsert = await deps.store.upsertCandidates(candidates);
  const stored = await deps.store.readCandidates();
  const collectedIds = new Set(candidates.map((c) => c.id));
  const outcome = await scoreCandidates(
    { llm: deps.llm, now: deps.now, logger: deps.logger },
    stored.filter((c) => collectedIds.has(c.id)),
    await deps.store.readScores(),
    { ttlDays: options.ttlDays, interests: options.interests },
  );
  if (outcome.fresh.length > 0) await deps.store.writeScores(outcome.fresh);
  const allScores = new Map((await deps.store.readScores()).map((r) => [r.id, r]));
  const vectors = await deps.embed(stored.map(mergeText));
  const vectorById = new Map(stored.map((c, i): [string, Vector] => [c.id, vectors[i] ?? []]));
  const merged = mergeCandidates(stored, vectorById, allScores, options.mergeThreshold);
  await deps.store.writeMerged(merged);
  const scoring: ScoringReport = {
    cached: outcome.cached,
    attempted: outcome.attempted,
    scored: outcome.fresh.length,
    failed: outcome.failed.length,
    successRate: outcome.attempted > 0 ? outcome.fresh.length / outcome.attempted : null,
    llmAvailable: outcome.llmAvailable,
    distribution: scoreDistribution([...outcome.byId.values()].map((r) => r.rubric.overall)),
  };
  const result: CollectBenchmarksResult = {
    sources: reports,
    upsert,
    scoring,
    merged: { benchmarks: merged.length, multiSource: merged.filter((m) => m.sources.length > 1).length },
    alerts: [],
  };
  await raiseAlerts(deps, options, result);
  return result;
}

async function raiseAlerts(
  deps: CollectBenchmarksDeps,
  options: CollectBenchmarksOptions,
  result: CollectBenchmarksResult,
) {
  const raise = async (kind: string, component: string, message: string) => {
    result.alerts.push({ kind, component, message });
    try {
      await deps.alert(kind, component, new Error(message));
    } catch (error) {
      deps.logger.error({ kind, error: errorMessage(error) }, 'alert delivery failed');
    }
  };
  for (const source of result.sources) {
    if (source.consecutiveFailures >= options.failuresBeforeAlert) {
      const message = `benchmark source ${source.name} failed ${source.consecutiveFailures} runs in a row; last error: ${source.error ?? 'unknown'}`;
      await raise('benchmark-source-failing', `benchmarks/${source.name}`, message);
    }
  }
  const rate = result.scoring.successRate;
  if (rate !== null && rate < options.minLlmSuccessRate) {
    const { scored, attempted } = result.scoring;
    const message = `LLM scoring succeeded for ${scored} of ${attempted} benchmark candidates (${Math.round(rate * 100)}%, below ${Math.round(options.minLlmSuccessRate * 100)}%)`;
    await raise('benchmark-llm-success-rate', 'benchmarks/score', message);
  }
}
