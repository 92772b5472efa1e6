/**
 * `radar status`: whether a daemon runs, each job's last run, outcome, next run and failures, the
 * last pipeline run's failures and today's LLM spend. Reads the state only: no lock needed.
 */

import { pollerStatusLines } from '../../chat/poller-status.ts';
import { systemClock } from '../../core/clock.ts';
import { healthLines } from '../../daemon/health-report.ts';
import type { CommandContext } from '../context.ts';

export async function runStatus(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  const health = { stores: ctx.stores, stateDir: ctx.stateDir, config: ctx.loaded.config };
  for (const line of await healthLines(health, systemClock.now())) out(line);
  for (const line of await pollerStatusLines(ctx.stateDir)) out(line);
  return 0;
}
