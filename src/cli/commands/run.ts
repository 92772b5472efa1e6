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
import { createRunsStore, newRunId } from '../../store/runs-store.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress } from '../progress.ts';

export interface RunFlags {
  once?: boolean;
  steps?: string;
  offline?: boolean;
  online?: boolean;
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
  const runId = newRunId(systemClock.now());
  return withStateLock(ctx, 'run --once', async () => {
    const deps = {
      config: ctx.loaded.config,
      env: ctx.env,
      stateDir: ctx.stateDir,
      cwd: ctx.cwd,
      logger: ctx.logger,
      clock: systemClock,
    };
    const built = await buildPipeline(deps, { offline, steps, runId });
    const progress = await createProgress(ctx.logger, 'items');
    const controller = new AbortController();
    const stop = (): void => controller.abort(new Error('interrupted'));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (offline)
      out('running offline: bundled sample papers, hashing embedder, extractive summaries, local output');
    try {
      const manifest = await runPipeline(
        {
          runs: createRunsStore(ctx.stateDir),
          steps: built.steps,
          clock: systemClock,
          logger: ctx.logger,
          timezone: ctx.loaded.config.schedule.timezone,
          alert: built.alert,
          spentUsd: built.spentUsd,
          onProgress: (step, done, total) => progress.update(step, done, total),
        },
        { offline, runId, signal: controller.signal, recorded: { once: true } },
      );
      progress.stop();
      for (const line of formatRunSummary(manifest)) out(line);
      const digest = manifest.outputs.digest;
      if (digest) out(`\nthe digest: ${digest}`);
      return manifest.status === 'completed' ? 0 : 1;
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      await built.close();
    }
  });
}
