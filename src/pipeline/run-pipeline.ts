/**
 * The orchestrator: runs the steps in order, records each one in the run's manifest and
 * events, and isolates failures: a failed step is recorded and alerted, and the next steps
 * still run (every step works from the state, so it can use what earlier runs stored).
 */
import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import { localDay } from '../core/local-day.ts';
import type { Logger } from '../log/logger.ts';
import {
  newRunId,
  type RunEvent,
  type RunManifest,
  type RunsStore,
  type StepRecord,
} from '../store/runs-store.ts';
import { isProcessAlive } from '../store/state-lock.ts';
import { markInterruptedRuns } from './interrupted-runs.ts';
import type { PipelineStep, StepContext } from './pipeline-step.ts';

export interface PipelineDeps {
  runs: RunsStore;
  steps: readonly PipelineStep[];
  clock: Clock;
  logger: Logger;
  timezone: string;
  /** Raised for a failed step (the alerter applies storm suppression). */
  alert?: (kind: string, component: string, error: unknown) => void;
  /** What this run's LLM calls cost so far, for the manifest. */
  spentUsd?: () => Promise<number>;
  onProgress?: (step: string, done: number, total: number) => void;
  /** Whether a process is alive, to settle the manifests of runs whose process died; default a pid check. */
  isAlive?: (pid: number) => boolean;
}

export interface PipelineOptions {
  offline: boolean;
  signal?: AbortSignal;
  runId?: string;
  /** Recorded in the manifest as given. */
  recorded?: Record<string, unknown>;
}

export async function runPipeline(deps: PipelineDeps, options: PipelineOptions): Promise<RunManifest> {
  const started = deps.clock.now();
  const runId = options.runId ?? newRunId(started);
  const signal = options.signal ?? new AbortController().signal;
  const manifest: RunManifest = {
    runId,
    kind: 'pipeline',
    status: 'running',
    options: { offline: options.offline, steps: deps.steps.map((s) => s.name), ...options.recorded },
    startedAt: started.toISOString(),
    steps: deps.steps.map((s) => ({ name: s.name, status: 'pending', counts: {}, errors: [] })),
    costUsd: 0,
    pid: process.pid,
    outputs: {},
  };
  const event = async (e: Omit<RunEvent, 'at'>): Promise<void> => {
    await deps.runs.appendEvents(runId, [{ at: deps.clock.now().toISOString(), ...e }]);
  };
  const interrupted = await markInterruptedRuns(
    { runs: deps.runs, clock: deps.clock, isAlive: deps.isAlive ?? isProcessAlive },
    runId,
  );
  if (interrupted.length > 0)
    deps.logger.warn({ runs: interrupted }, 'marked runs whose process died as failed (interrupted)');
  await deps.runs.write(manifest);
  await event({ type: 'run_start' });

  let degraded = false;
  for (const [index, step] of deps.steps.entries()) {
    const record = manifest.steps[index];
    if (!record) continue;
    if (signal.aborted) {
      record.status = 'skipped';
      await event({ type: 'step_skipped', step: step.name, message: 'the run was stopped' });
      continue;
    }
    // One day per run, taken at its start: a run crossing midnight does not mix two days.
    const day = localDay(started, deps.timezone);
    if (await runStep(deps, manifest, record, step, { runId, signal, offline: options.offline, event, day }))
      degraded = true;
  }

  const finished = deps.clock.now();
  manifest.finishedAt = finished.toISOString();
  manifest.durationMs = finished.getTime() - started.getTime();
  manifest.costUsd = (await deps.spentUsd?.()) ?? 0;
  const failed = manifest.steps.filter((s) => s.status === 'failed').length;
  manifest.status = signal.aborted
    ? 'cancelled'
    : failed === 0 && !degraded
      ? 'completed'
      : failed === manifest.steps.length
        ? 'failed'
        : 'partial';
  await deps.runs.write(manifest);
  await event({
    type:
      manifest.status === 'completed'
        ? 'run_completed'
        : manifest.status === 'cancelled'
          ? 'run_cancelled'
          : 'run_failed',
    message: manifest.status,
  });
  return manifest;
}

export const CANCELLED_MESSAGE = 'cancelled: the run was stopped';

/** The work's result, or a rejection as soon as `signal` aborts (the work is left to end by itself). */
function untilStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error(CANCELLED_MESSAGE));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error(CANCELLED_MESSAGE));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

interface RunState {
  runId: string;
  signal: AbortSignal;
  offline: boolean;
  event: (e: Omit<RunEvent, 'at'>) => Promise<void>;
  day: string;
}

async function runStep(
  deps: PipelineDeps,
  manifest: RunManifest,
  record: StepRecord,
  step: PipelineStep,
  run: RunState,
): Promise<boolean> {
  const start = deps.clock.now();
  record.status = 'running';
  record.startedAt = start.toISOString();
  await deps.runs.write(manifest);
  await run.event({ type: 'step_started', step: step.name });
  const itemEvents: Array<Omit<RunEvent, 'at'>> = [];
  let degraded = false;
  const ctx: StepContext = {
    runId: run.runId,
    day: run.day,
    offline: run.offline,
    signal: run.signal,
    logger: deps.logger.child({ step: step.name }),
    itemFailed: (item, error) => {
      record.errors.push(`${item}: ${error}`);
      itemEvents.push({ type: 'item_failed', step: step.name, item, message: error });
    },
    progress: (done, total) => deps.onProgress?.(step.name, done, total),
  };
  try {
    // A step that does not stop by itself is not waited for once the run is stopped.
    const outcome = await untilStopped(step.run(ctx), run.signal);
    record.status = 'ok';
    record.counts = outcome.counts;
    if (outcome.note !== undefined) record.note = outcome.note;
    Object.assign(manifest.outputs, outcome.outputs ?? {});
    degraded = outcome.degraded === true;
  } catch (error) {
    record.status = 'failed';
    if (run.signal.aborted) {
      record.errors.push(CANCELLED_MESSAGE);
      await run.event({ type: 'step_failed', step: step.name, message: CANCELLED_MESSAGE });
      await deps.runs.write(manifest);
      return false;
    }
    record.errors.push(errorMessage(error));
    deps.logger.error({ step: step.name, error: errorMessage(error) }, 'step failed');
    deps.alert?.(`step-failed:${step.name}`, `pipeline ${step.name}`, error);
  }
  const end = deps.clock.now();
  record.finishedAt = end.toISOString();
  record.durationMs = end.getTime() - start.getTime();
  if (itemEvents.length > 0)
    await deps.runs.appendEvents(
      run.runId,
      itemEvents.map((e) => ({ at: end.toISOString(), ...e })),
    );
  await run.event({
    type: record.status === 'ok' ? 'step_finished' : 'step_failed',
    step: step.name,
    counts: record.counts,
    ...(record.status === 'failed' ? { message: record.errors.at(-1) ?? '' } : {}),
  });
  await deps.runs.write(manifest);
  return degraded;
}
