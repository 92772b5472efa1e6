/**
 * The daemon's backup job: caught up at the first start, it pushes the state to the Hub fake
 * through the real client; without a dataset or a token it is skipped with a line that says why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { startDaemon } from '../../src/daemon/daemon.ts';
import { jobRecordOf } from '../../src/daemon/job-record.ts';
import type { Job } from '../../src/daemon/job-runner.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createKvStore } from '../../src/store/kv-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { type HubFake, startHubFake } from '../fakes/hf-hub-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { buildState, REPO, TOKEN } from './sync-setup.ts';

const tempDir = useTempDirs();
const farAway = '0 0 1 1 *';
let fake: HubFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const idle: Job = { name: 'idle', run: async () => ({ status: 'ok' }) };
const others = { feedbackPoll: idle, dailyPipeline: idle, benchmarks: idle, weeklyTrends: idle };

async function runDaemonOnce(stateDir: string, config: unknown, env: Record<string, string>) {
  const daemon = await startDaemon({
    config: RadarConfig.parse(config),
    env: readEnv(env),
    stateDir,
    cwd: stateDir,
    stores: createFileStores(stateDir),
    logger: silentLogger(),
    clock: { now: () => new Date() },
    offline: false,
    jobs: others,
  });
  expect(daemon.caughtUp).toContain('sync');
  await daemon.idle();
  expect(await daemon.stop('test')).toBe('clean');
  return jobRecordOf(await createKvStore(stateDir).all(), 'sync');
}

describe('the daemon sync job', () => {
  it('pushes the state to the configured dataset', async () => {
    const hub = await startHubFake({ token: TOKEN });
    fake = hub;
    hub.createRepo(REPO);
    const stateDir = tempDir();
    await buildState(stateDir);
    const record = await runDaemonOnce(
      stateDir,
      { sync: { repo: REPO }, sources: { huggingface: { endpoint: hub.url } }, schedule: { sync: farAway } },
      { HF_TOKEN: TOKEN },
    );
    expect(record.lastStatus).toBe('ok');
    expect(record.lastDetail).toMatch(
      new RegExp(`^pushed 7 file\\(s\\), [\\d.]+ KB, to ${REPO}: commit ${hub.head(REPO)?.slice(0, 12)}$`),
    );
    // The six state files and cursors.json, where the daemon records its jobs (and arXiv its cursors).
    expect(hub.files(REPO).has('papers/2511.csv')).toBe(true);
    expect(hub.files(REPO).has('cursors.json')).toBe(true);
  });

  it('is skipped with the reason when no dataset is configured', async () => {
    const stateDir = tempDir();
    const record = await runDaemonOnce(stateDir, { schedule: { sync: farAway } }, { HF_TOKEN: TOKEN });
    expect(record.lastStatus).toBe('ok');
    expect(record.lastDetail).toBe(
      'skipped: no sync.repo in the config (set sync.repo and HF_TOKEN to back the state up)',
    );
  });

  it('is skipped with the reason when HF_TOKEN is not set', async () => {
    const stateDir = tempDir();
    const record = await runDaemonOnce(
      stateDir,
      { sync: { repo: REPO }, schedule: { sync: farAway } },
      { NOTION_TOKEN: 'secret_notUsedHere0123456789abcdef' },
    );
    expect(record.lastDetail).toBe(
      'skipped: HF_TOKEN is not set (set sync.repo and HF_TOKEN to back the state up)',
    );
  });
});
