/** Where the state is backed up: the dataset, branch and endpoint from the config, the token from HF_TOKEN. */
import type { RadarEnv } from '../config/env.ts';
import type { RadarConfig } from '../config/schema.ts';
import { UsageError } from '../core/errors.ts';

export interface SyncTarget {
  repo: string;
  branch: string;
  endpoint: string;
  token: string;
}

/** Why there is no target, as one line, or undefined when there is one. */
export function missingTarget(config: RadarConfig, env: RadarEnv): string | undefined {
  if (config.sync.repo === undefined) return 'no sync.repo in the config';
  if (env.secrets.HF_TOKEN === undefined) return 'HF_TOKEN is not set';
  return undefined;
}

export function syncTarget(config: RadarConfig, env: RadarEnv): SyncTarget {
  const missing = missingTarget(config, env);
  const { repo } = config.sync;
  const token = env.secrets.HF_TOKEN;
  if (missing !== undefined || repo === undefined || token === undefined)
    throw new UsageError(
      `sync needs a dataset repository and a token: ${missing ?? 'not configured'} (set sync.repo, e.g. user/radar-state, and HF_TOKEN with write access)`,
    );
  return {
    repo,
    branch: config.sync.branch,
    endpoint: config.sources.huggingface.endpoint.replace(/\/+$/, ''),
    token,
  };
}
