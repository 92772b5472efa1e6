/**
 * A pipeline run whose process died (SIGKILL, power loss) leaves its manifest at 'running'
 * forever. The next run settles such manifests: status 'failed', the step that was running
 * marked failed with "interrupted", the steps that never started marked skipped.
 */
import type { Clock } from '../core/clock.ts';
import type { RunManifest, RunsStore } from '../store/runs-store.ts';

export interface InterruptedRunsDeps {
  runs: RunsStore;
  clock: Clock;
  /** Whether a process with this pid is alive (on this machine). */
  isAlive: (pid: number) => boolean;
}

export function interruptedMessage(manifest: RunManifest): string {
  return `interrupted: the process${manifest.pid === undefined ? '' : ` (pid ${manifest.pid})`} ended before the run finished`;
}

/** Marks the dead runs among the recent ones; returns their ids. */
export async function markInterruptedRuns(
  deps: InterruptedRunsDeps,
  currentRunId: string,
): Promise<string[]> {
  const stale = (await deps.runs.list()).filter(
    (m) =>
      m.kind === 'pipeline' &&
      m.status === 'running' &&
      m.runId !== currentRunId &&
      (m.pid === undefined || !deps.isAlive(m.pid)),
  );
  const at = deps.clock.now().toISOString();
  for (const manifest of stale) {
    const message = interruptedMessage(manifest);
    for (const step of manifest.steps) {
      if (step.status === 'running') {
        step.status = 'failed';
        step.errors.push(message);
      } else if (step.status === 'pending') step.status = 'skipped';
    }
    manifest.status = 'failed';
    manifest.finishedAt ??= at;
    await deps.runs.write(manifest);
    await deps.runs.appendEvents(manifest.runId, [{ at, type: 'run_failed', message }]);
  }
  return stale.map((m) => m.runId);
}
