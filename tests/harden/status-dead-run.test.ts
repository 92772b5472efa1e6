/** `radar status` tells a run whose process was killed (SIGKILL) from one still running. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../../src/config/schema.ts';
import { healthLines } from '../../src/daemon/health-report.ts';
import { createMemoryStores } from '../../src/store/memory/memory-stores.ts';
import type { RunManifest } from '../../src/store/runs-store.ts';

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
/** The runs in memory; no lock file in a state directory that does not exist, so no daemon. */
const health = () => ({ stores: createMemoryStores(), stateDir: '/nonexistent/radar-state', config });

describe('status of the last pipeline run', () => {
  it('says interrupted, not running, when the run’s process is gone', async () => {
    const deps = health();
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    await deps.stores.runs.write(manifest(dead));
    const line = (await healthLines(deps, new Date())).find((l) => l.startsWith('last pipeline run'));
    expect(line).toContain(`interrupted (its process, pid ${dead}, is gone)`);
    expect(line).not.toMatch(/: running/);
  });

  it('says running while the process lives', async () => {
    const deps = health();
    await deps.stores.runs.write(manifest(process.pid));
    const line = (await healthLines(deps, new Date())).find((l) => l.startsWith('last pipeline run'));
    expect(line).toContain(': running');
  });
});
