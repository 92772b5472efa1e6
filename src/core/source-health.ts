/** One run's outcome folded into a source's health record (benchmark sources, leaderboards). */
import type { SourceHealth } from '../benchmarks/schemas.ts';

/** Records success (`error` null) or failure of `name` at `at`; returns its failures in a row. */
export function updateSourceHealth(
  health: SourceHealth,
  name: string,
  error: string | null,
  at: string,
): number {
  const before = health.sources[name] ?? {
    consecutiveFailures: 0,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
  };
  const after =
    error === null
      ? { ...before, consecutiveFailures: 0, lastSuccessAt: at }
      : {
          ...before,
          consecutiveFailures: before.consecutiveFailures + 1,
          lastFailureAt: at,
          lastError: error,
        };
  health.sources[name] = after;
  return after.consecutiveFailures;
}
