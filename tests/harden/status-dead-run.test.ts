/** `radar status` tells a run whose process was killed (SIGKILL) from one still running. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../../src/config/schema.ts';
import { healthLines } from '../../src/daemon/health-report.ts';
import { createRunsStore, type RunManifest } from '../../src/store/runs-store.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

function manifest(pid: number): RunManifest {
  return {
    runId: '20261121T080000Z-run-abcd',
    kind: 'pipeline',
    status: 'running',
    options: {},
    startedAt: '2026-11-21T08:00:00Z',
    steps: [{ name: 'summarize', status: 'running', counts: {}, errors: [] }],
    costUsd: 0,
    pid,
    outputs: {},
  };
}

const config = RadarConfig.parse({ schedule: { timezone: 'UTC' } });

describe('status of the last pipeline run', () => {
  it('says interrupted, not running, when the run’s process is gone', async () => {
    const state = tempDir();
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    await createRunsStore(state).write(manifest(dead));
    const line = (await healthLines(state, config, new Date())).find((l) =>
      l.startsWith('last pipeline run'),
    );
    expect(line).toContain(`interrupted (its process, pid ${dead}, is gone)`);
    expect(line).not.toMatch(/: running/);
  });

  it('says running while the process lives', async () => {
    const state = tempDir();
    await createRunsStore(state).write(manifest(process.pid));
    const line = (await healthLines(state, config, new Date())).find((l) =>
      l.startsWith('last pipeline run'),
    );
    expect(line).toContain(': running');
  });
});
