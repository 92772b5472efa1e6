/**
 * `radar run --once [--steps …] [--offline | --online]`: the daily pipeline, once. With no
 * keys at all it runs offline (bundled sample, hashing embedder, extractive summaries, local
 * markdown + HTML) and ends by printing where the HTML digest is.
 */
import { systemClock } from '../../core/clock.ts';
import { UsageError } from '../../core/errors.ts';
import { buildPipeline } from '../../pipeline/build-pipeline.ts';
import { STEP_NAMES, type StepName } from '../../pipeline/pipeline-step.ts';
import { runPipeline } from '../../pipeline/run-pipeline.ts';
import { formatRunSummary } from '../../pipeline/run-summary.ts';
import { markRunCancelledSync, newRunId } from '../../store/runs-store.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress } from '../progress.ts';

export interface RunFlags {
  once?: boolean;
  steps?: string;
  offline?: boolean;
  online?: boolean;
  shutdownTimeout?: string;
}

/** Exit code of a run stopped by a signal (128 + SIGINT). */
const CANCELLED_EXIT = 130;

function parseShutdownTimeout(raw: string | undefined): number {
  if (raw === undefined) return 10_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--shutdown-timeout takes seconds > 0, got "${raw}"`);
  return seconds * 1000;
}

/**
 * Ctrl-C / SIGTERM: the first aborts the run's signal (every step, HTTP and LLM call takes it);
 * a second one, or the shutdown timeout, marks the run cancelled at once and exits (the lock
 * is released on exit).
 */
function stopOnSignals(ctx: CommandContext, runId: string, timeoutMs: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let received: string | undefined;
  const force = (why: string): void => {
    markRunCancelledSync(ctx.stateDir, runId, `cancelled: ${why}`, new Date());
    process.stderr.write(`radar: run ${runId} cancelled (${why})\n`);
    process.exit(CANCELLED_EXIT);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received !== undefined) {
      force(`${signal} again while stopping`);
      return;
    }
    received = signal;
    controller.abort(new Error(`stopped by ${signal}`));
    process.stderr.write(
      `radar: stopping (${signal}); the run is marked cancelled. Press Ctrl-C again to stop at once.\n`,
    );
    timer = setTimeout(() => force(`still stopping after ${timeoutMs / 1000}s`), timeoutMs);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    received: () => received,
    dispose(): void {
      if (timer) clearTimeout(timer);
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      // The run is already marked cancelled: a signal during the last of the shutdown exits as
      // cancelled too, instead of falling to Node's default kill.
      if (received !== undefined) {
        const exitCancelled = (): void => process.exit(CANCELLED_EXIT);
        process.once('SIGINT', exitCancelled);
        process.once('SIGTERM', exitCancelled);
      }
    },
  };
}

export function parseSteps(raw: string | undefined): StepName[] {
  if (raw === undefined) return [...STEP_NAMES];
  const wanted = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((s) => !(STEP_NAMES as readonly string[]).includes(s));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--steps takes a comma-separated list of ${STEP_NAMES.join(', ')}; unknown: ${unknown.join(', ') || raw}`,
    );
  }
  // Always in pipeline order, whatever order they were given in.
  return STEP_NAMES.filter((s) => wanted.includes(s));
}

/** Offline when asked, or when no service key at all is set (a fresh machine). */
export function isOffline(ctx: CommandContext, flags: RunFlags): boolean {
  if (flags.offline && flags.online) throw new UsageError('--offline and --online exclude each other');
  if (flags.offline) return true;
  if (flags.online) return false;
  return Object.keys(ctx.env.secrets).length === 0;
}

export async function runOnce(
  ctx: CommandContext,
  flags: RunFlags,
  out: (line: string) => void,
): Promise<number> {
  if (!flags.once) throw new UsageError('radar run needs --once (the scheduled version is `radar daemon`)');
  const steps = parseSteps(flags.steps);
  const offline = isOffline(ctx, flags);
  const timeoutMs = parseShutdownTimeout(flags.shutdownTimeout);
  const runId = newRunId(systemClock.now());
  const code = await withStateLock(ctx, 'run --once', async () => {
    const deps = {
      config: ctx.loaded.config,
      env: ctx.env,
      stateDir: ctx.stateDir,
      cwd: ctx.cwd,
      stores: ctx.stores,
      logger: ctx.logger,
      clock: systemClock,
    };
    const stopper = stopOnSignals(ctx, runId, timeoutMs);
    const built = await buildPipeline(deps, { offline, steps, runId, signal: stopper.signal });
    const progress = await createProgress(ctx.logger, 'items');
    if (offline)
      out('running offline: bundled sample papers, hashing embedder, extractive summaries, local output');
    try {
      const manifest = await runPipeline(
        {
          runs: ctx.stores.runs,
          steps: built.steps,
          clock: systemClock,
          logger: ctx.logger,
          timezone: ctx.loaded.config.schedule.timezone,
          alert: built.alert,
          spentUsd: built.spentUsd,
          onProgress: (step, done, total) => progress.update(step, done, total),
        },
        { offline, runId, signal: stopper.signal, recorded: { once: true } },
      );
      progress.stop();
      for (const line of formatRunSummary(manifest)) out(line);
      const digest = manifest.outputs.digest;
      if (digest) out(`\nthe digest: ${digest}`);
      if (manifest.status === 'cancelled') {
        out(`\nrun ${runId} cancelled (stopped by ${stopper.received() ?? 'a signal'})`);
        // A step that ignored the stop may still hold a socket; it must not keep the process up.
        setTimeout(() => process.exit(CANCELLED_EXIT), 2_000).unref();
        return CANCELLED_EXIT;
      }
      return manifest.status === 'completed' ? 0 : 1;
    } finally {
      stopper.dispose();
      await built.close();
    }
  });
  // A cancelled run exits now, with the lock released and the manifest written: left to drain
  // naturally, a further Ctrl-C during Node's teardown (signal handlers already gone) would
  // kill the process by signal instead of exiting as cancelled.
  if (code === CANCELLED_EXIT) process.exit(CANCELLED_EXIT);
  return code;
}
