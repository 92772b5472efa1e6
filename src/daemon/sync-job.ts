/**
 * The backup job: every `schedule.sync` the daemon pushes the state's changed files to the
 * Hugging Face dataset. Without a dataset or a token (or offline) it is skipped with the reason;
 * a push that fails leaves the state and the record as they were, and the next run retries.
 */
import { hubSyncDeps } from '../adapters/huggingface/hub-sync-deps.ts';
import { bytesOf } from '../sync/sync-plan.ts';
import { pushState } from '../sync/sync-push.ts';
import { missingTarget } from '../sync/sync-target.ts';
import type { Job, JobOutcome } from './job-runner.ts';
import type { JobDeps } from './jobs.ts';

export function createSyncJob(deps: JobDeps): Job {
  return {
    name: 'sync',
    async run(ctx): Promise<JobOutcome> {
      if (deps.offline) return { status: 'ok', detail: 'skipped: offline' };
      const missing = missingTarget(deps.config, deps.env);
      if (missing !== undefined)
        return {
          status: 'ok',
          detail: `skipped: ${missing} (set sync.repo and HF_TOKEN to back the state up)`,
        };
      const result = await pushState(
        hubSyncDeps({
          config: deps.config,
          env: deps.env,
          stateDir: deps.stateDir,
          stores: deps.stores,
          logger: ctx.logger,
          clock: deps.clock,
          signal: ctx.signal,
        }),
      );
      const repo = deps.config.sync.repo ?? '';
      if (result.commit === undefined) return { status: 'ok', detail: `nothing to push to ${repo}` };
      const kb = (bytesOf(result.uploaded) / 1024).toFixed(1);
      return {
        status: 'ok',
        detail: `pushed ${result.uploaded.length} file(s), ${kb} KB, to ${repo}: commit ${result.commit.slice(0, 12)}`,
      };
    },
  };
}
