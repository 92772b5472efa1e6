/** The daemon's leaderboard job on `schedule.leaderboards`: it collects every board, or stays off the network offline. */
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { jobRules } from '../../src/daemon/job-names.ts';
import { createLeaderboardsJob } from '../../src/daemon/leaderboards-job.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createLeaderboardsStore } from '../../src/store/leaderboards-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { type LeaderboardFake, leaderboardUrls, startLeaderboardFake } from '../fakes/leaderboard-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

let fake: LeaderboardFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const tempDir = useTempDirs();

function jobDeps(stateDir: string, base: string, offline: boolean) {
  const leaderboards = Object.fromEntries(
    Object.entries(leaderboardUrls(base)).map(([b, url]) => [b, { url }]),
  );
  return {
    config: RadarConfig.parse({ sources: { leaderboards }, schedule: { leaderboards: '15 */4 * * *' } }),
    env: readEnv({}),
    stateDir,
    cwd: stateDir,
    stores: createFileStores(stateDir),
    logger: silentLogger(),
    clock: { now: () => new Date('2026-01-08T10:00:00Z') },
    offline,
    labels: createLabelsStore(stateDir),
  };
}
const ctx = () => ({ signal: new AbortController().signal, scheduledAt: new Date(), logger: silentLogger() });

describe('the leaderboards daemon job', () => {
  it('runs on schedule.leaderboards and collects every board; Artificial Analysis without a key is skipped', async () => {
    fake = await startLeaderboardFake();
    const stateDir = tempDir();
    const deps = jobDeps(stateDir, fake.url, false);
    expect(jobRules(deps.config).find((r) => r.name === 'leaderboards')?.rule.pattern).toBe('15 */4 * * *');
    const alerts: string[] = [];
    const outcome = await createLeaderboardsJob(deps, (kind) => alerts.push(kind)).run(ctx());
    expect(outcome).toEqual({ status: 'ok', detail: '8 of 8 boards, 0 new change(s), 0 chat message(s)' });
    const collected = await createLeaderboardsStore(stateDir).collectedBoards();
    expect(collected).toEqual([
      'swebench',
      'evalplus',
      'livebench',
      'livecodebench',
      'bigcodebench',
      'lmarena',
      'openrouter',
    ]);
    expect(alerts).toEqual([]);
  });

  it('stays off the network offline', async () => {
    fake = await startLeaderboardFake();
    const stateDir = tempDir();
    const outcome = await createLeaderboardsJob(jobDeps(stateDir, fake.url, true), () => undefined).run(
      ctx(),
    );
    expect(outcome).toEqual({ status: 'ok', detail: 'skipped: offline' });
    expect(fake.requests).toHaveLength(0);
  });
});
