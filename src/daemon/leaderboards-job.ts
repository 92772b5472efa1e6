/**
 * The leaderboard job: every `schedule.leaderboards` the daemon collects every enabled board
 * (runLeaderboardsJob), sends confirmed new tops to the configured chats and alerts a board that
 * keeps failing. Offline it stays off the network.
 */
import { plainMessage } from '../chat/message-format.ts';
import { runLeaderboardsJob } from '../cli/commands/leaderboards-job.ts';
import type { Job, JobOutcome } from './job-runner.ts';
import { type JobAlert, type JobDeps, sendToChats } from './jobs.ts';

export function createLeaderboardsJob(deps: JobDeps, alert: JobAlert): Job {
  return {
    name: 'leaderboards',
    async run(ctx): Promise<JobOutcome> {
      if (deps.offline) return { status: 'ok', detail: 'skipped: offline' };
      const run = await runLeaderboardsJob({
        config: deps.config,
        env: deps.env,
        stores: deps.stores,
        logger: ctx.logger,
        alert,
        notify: (messages) => sendToChats(deps, plainMessage(...messages)),
        now: () => deps.clock.now(),
        signal: ctx.signal,
      });
      const boards = run.result.boards;
      const failed = boards.filter((b) => b.status === 'failed');
      const events = boards.reduce((n, b) => n + b.events.length, 0);
      const detail = `${boards.length - failed.length} of ${boards.length} boards, ${events} new change(s), ${run.result.alertsSent} chat message(s)${run.notion ? `; ${run.notion}` : ''}`;
      if (ctx.signal.aborted) return { status: 'cancelled', detail };
      return failed.length === 0
        ? { status: 'ok', detail }
        : {
            status: 'failed',
            detail,
            error: failed.map((b) => `${b.board}: ${b.error ?? 'failed'}`).join('; '),
          };
    },
  };
}
