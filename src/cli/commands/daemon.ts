/**
 * `radar daemon [--offline | --online]`: the scheduler in the foreground until SIGINT/SIGTERM.
 * A second signal while stopping exits at once; a stop that outlasts the bound exits anyway.
 */
import { systemClock } from '../../core/clock.ts';
import { UsageError } from '../../core/errors.ts';
import { startDaemon } from '../../daemon/daemon.ts';
import { healthLines } from '../../daemon/health-report.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';
import { untilSignal } from '../until-signal.ts';
import { isOffline } from './run.ts';

export interface DaemonFlags {
  offline?: boolean;
  online?: boolean;
  shutdownTimeout?: string;
}

function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return 30_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--shutdown-timeout takes seconds > 0, got "${raw}"`);
  return seconds * 1000;
}

/** A second SIGINT/SIGTERM while stopping: the user wants out now. */
function forceOnSecondSignal(out: Out): () => void {
  const force = (signal: string): void => {
    out(`radar daemon: ${signal} again, exiting without waiting`);
    process.exit(130);
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  return () => {
    process.off('SIGINT', force);
    process.off('SIGTERM', force);
  };
}

export async function runDaemon(
  ctx: CommandContext,
  flags: DaemonFlags,
  out: Out,
  until: () => Promise<string> = untilSignal,
): Promise<number> {
  const offline = isOffline(ctx, flags);
  const timeoutMs = parseTimeout(flags.shutdownTimeout);
  const { config } = ctx.loaded;
  const signal = until();
  const daemon = await startDaemon({
    config,
    env: ctx.env,
    stateDir: ctx.stateDir,
    cwd: ctx.cwd,
    stores: ctx.stores,
    logger: ctx.logger,
    clock: systemClock,
    offline,
    shutdownTimeoutMs: timeoutMs,
  });
  out(
    `radar daemon: running${offline ? ' offline' : ''} (pid ${process.pid}); bots: ${daemon.bots.join(', ') || 'none'}`,
  );
  if (daemon.caughtUp.length > 0)
    out(`catch-up: ${daemon.caughtUp.join(', ')} missed a scheduled run; running once now`);
  const health = { stores: ctx.stores, stateDir: ctx.stateDir, config };
  for (const line of await healthLines(health, systemClock.now())) out(`  ${line}`);
  const received = await signal;
  out(`radar daemon: ${received}, stopping (at most ${timeoutMs / 1000} s)`);
  const unforce = forceOnSecondSignal(out);
  const result = await daemon.stop(received);
  unforce();
  if (result === 'timeout') {
    out(
      `radar daemon: the running job did not stop within ${timeoutMs / 1000} s; exiting anyway (the next start catches it up)`,
    );
    process.exit(1);
  }
  out('radar daemon: stopped');
  // Whatever a library left open (keep-alive sockets) must not keep a stopped daemon alive.
  setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
  return 0;
}
