import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import { createRunsStore, type RunManifest } from '../store/runs-store.ts';
import { markInterruptedRuns } from './interrupted-runs.ts';
import { runPipeline } from './run-pipeline.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'radar-runs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const clock = { now: () => new Date('2026-11-21T08:00:00Z') };

function running(
  runId: string,
  pid: number | undefined,
  kind: RunManifest['kind'] = 'pipeline',
): RunManifest {
  return {
    runId,
    kind,
    status: 'running',
    options: {},
    startedAt: '2026-11-21T07:00:00Z',
    steps: [
      { name: 'collect', status: 'ok', counts: { new: 3 }, errors: [] },
      { name: 'embed', status: 'running', counts: {}, errors: [] },
      { name: 'rank', status: 'pending', counts: {}, errors: [] },
    ],
    costUsd: 0,
    ...(pid === undefined ? {} : { pid }),
    outputs: {},
  };
}

describe('markInterruptedRuns', () => {
  it('settles a running pipeline manifest whose process is dead, and leaves live and other runs alone', async () => {
    const runs = createRunsStore(dir);
    await runs.write(running('a-dead', 111));
    await runs.write(running('b-alive', 222));
    await runs.write(running('c-eval', 111, 'eval-search'));
    await runs.write(running('d-current', 111));
    const marked = await markInterruptedRuns({ runs, clock, isAlive: (pid) => pid === 222 }, 'd-current');
    expect(marked).toEqual(['a-dead']);

    const dead = await runs.read('a-dead');
    expect(dead?.status).toBe('failed');
    expect(dead?.finishedAt).toBe('2026-11-21T08:00:00.000Z');
    expect(dead?.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(dead?.steps[1]?.errors).toEqual([
      'interrupted: the process (pid 111) ended before the run finished',
    ]);
    expect((await runs.events('a-dead')).map((e) => e.type)).toEqual(['run_failed']);
    for (const id of ['b-alive', 'c-eval', 'd-current'])
      expect((await runs.read(id))?.status).toBe('running');
  });

  it('runs at the start of every pipeline run', async () => {
    const runs = createRunsStore(dir);
    await runs.write(running('20261121T070000Z-run-dead', 999_999));
    const manifest = await runPipeline(
      { runs, steps: [], clock, logger: silentLogger(), timezone: 'UTC', isAlive: () => false },
      { offline: true, runId: '20261121T080000Z-run-next' },
    );
    expect(manifest.status).toBe('completed');
    expect((await runs.read('20261121T070000Z-run-dead'))?.status).toBe('failed');
  });
});
