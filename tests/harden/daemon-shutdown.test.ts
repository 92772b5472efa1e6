/** The daemon's shutdown timeout marks the run it gives up on as cancelled, not left `running`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { startDaemon } from '../../src/daemon/daemon.ts';
import type { Job } from '../../src/daemon/job-runner.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createRunsStore } from '../../src/store/runs-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const farAway = '0 0 1 1 *';
const RUN_ID = '20261121T080000Z-run-stub';

describe('daemon shutdown timeout', () => {
  it('marks the run still going as cancelled before releasing the lock', async () => {
    const stateDir = tempDir();
    const runs = createRunsStore(stateDir);
    let started = false;
    const stubborn: Job = {
      name: 'dailyPipeline',
      run: async () => {
        await runs.write({
          runId: RUN_ID,
          kind: 'pipeline',
          status: 'running',
          options: {},
          startedAt: new Date().toISOString(),
          steps: [
            { name: 'summarize', status: 'running', counts: {}, errors: [] },
            { name: 'publish', status: 'pending', counts: {}, errors: [] },
          ],
          costUsd: 0,
          pid: process.pid,
          outputs: {},
        });
        started = true;
        return new Promise(() => undefined);
      },
    };
    const ok = (name: string): Job => ({ name, run: async () => ({ status: 'ok' }) });
    const daemon = await startDaemon({
      config: RadarConfig.parse({
        schedule: {
          dailyPipeline: farAway,
          feedbackPoll: farAway,
          benchmarks: farAway,
          weeklyTrends: farAway,
        },
      }),
      env: readEnv({}),
      stateDir,
      cwd: stateDir,
      stores: createFileStores(stateDir),
      logger: silentLogger(),
      clock: { now: () => new Date() },
      offline: true,
      jobs: {
        feedbackPoll: ok('feedbackPoll'),
        dailyPipeline: stubborn,
        benchmarks: ok('benchmarks'),
        weeklyTrends: ok('weeklyTrends'),
      },
      shutdownTimeoutMs: 200,
    });
    await vi.waitFor(() => expect(started).toBe(true));
    expect(await daemon.stop('SIGTERM')).toBe('timeout');
    const manifest = await runs.read(RUN_ID);
    expect(manifest?.status).toBe('cancelled');
    expect(manifest?.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect(manifest?.steps[0]?.errors.at(-1)).toContain('the daemon stopped (SIGTERM)');
    expect((await runs.events(RUN_ID)).at(-1)?.type).toBe('run_cancelled');
    expect(existsSync(join(stateDir, '.lock'))).toBe(false);
  });
});
