/** The benchmark job's result as run-manifest steps: per-source success and counts, scoring quality, merge. */
import type { StepRecord } from '../store/runs-store.ts';
import type { CollectBenchmarksResult } from './collect-benchmarks.ts';

export function benchmarkRunSteps(result: CollectBenchmarksResult): StepRecord[] {
  const sources = result.sources.map(
    (s): StepRecord => ({
      name: `benchmarks:${s.name}`,
      status: s.ok ? 'ok' : 'failed',
      durationMs: s.durationMs,
      counts: { ...s.counts, candidates: s.candidates, consecutiveFailures: s.consecutiveFailures },
      errors: s.error === null ? [] : [s.error],
    }),
  );
  const { scoring } = result;
  const bins = Object.fromEntries(
    Object.entries(scoring.distribution).map(([bin, n]) => [`overall ${bin}`, n]),
  );
  const ok = result.sources.filter((s) => s.ok).length;
  return [
    ...sources,
    {
      name: 'benchmarks:score',
      status: scoring.llmAvailable ? 'ok' : 'skipped',
      counts: {
        cached: scoring.cached,
        attempted: scoring.attempted,
        scored: scoring.scored,
        failed: scoring.failed,
        ...(scoring.successRate === null ? {} : { successRate: scoring.successRate }),
        ...bins,
      },
      errors: [],
      ...(scoring.llmAvailable
        ? {}
        : { note: 'no LLM configured for "benchmarks": candidates left unscored' }),
    },
    {
      name: 'benchmarks:merge',
      status: 'ok',
      counts: {
        sourceSuccessRate: result.sources.length === 0 ? 1 : ok / result.sources.length,
        added: result.upsert.added,
        updated: result.upsert.updated,
        unchanged: result.upsert.unchanged,
        benchmarks: result.merged.benchmarks,
        multiSource: result.merged.multiSource,
        alerts: result.alerts.length,
      },
      errors: result.alerts.map((a) => a.message),
    },
  ];
}
