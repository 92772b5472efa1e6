/** The leaderboard job against the leaderboard fake: config, env and a recorder of chat messages. */

import { runLeaderboardsJob } from '../../src/cli/commands/leaderboards-job.ts';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { leaderboardUrls } from '../fakes/leaderboard-fake.ts';

export interface Harness {
  config: RadarConfig;
  sent: string[];
  alerts: Array<{ kind: string; component: string }>;
  /** One collect run at `at`. */
  collect(at: Date, boards?: readonly string[]): ReturnType<typeof runLeaderboardsJob>;
}

export function leaderboardsHarness(baseUrl: string, stateDir: string, boards?: readonly string[]): Harness {
  const urls = leaderboardUrls(baseUrl);
  const chosen = Object.entries(urls).filter(([name]) => !boards || boards.includes(name));
  const config = RadarConfig.parse({
    sources: { leaderboards: Object.fromEntries(chosen.map(([name, url]) => [name, { url }])) },
    alerts: { sourceFailuresBeforeAlert: 2 },
  });
  const env = readEnv({ ARTIFICIAL_ANALYSIS_API_KEY: 'test-aa-key' });
  const sent: string[] = [];
  const alerts: Harness['alerts'] = [];
  return {
    config,
    sent,
    alerts,
    collect: (at) =>
      runLeaderboardsJob({
        config,
        env,
        stores: createFileStores(stateDir),
        logger: silentLogger(),
        now: () => at,
        alert: (kind, component) => {
          alerts.push({ kind, component });
        },
        notify: async (messages) => {
          sent.push(...messages);
          return messages.length;
        },
      }),
  };
}
