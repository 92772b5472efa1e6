/** The digest's day counts come from the run's manifest: stored papers of collect, candidates of the first model. */
import { describe, expect, it } from 'vitest';
import { runDayCounts } from '../../src/pipeline/build-pipeline.ts';
import type { RunManifest } from '../../src/store/runs-store.ts';

const manifest = (steps: RunManifest['steps']): RunManifest => ({
  runId: 'r1',
  kind: 'pipeline',
  status: 'running',
  options: {},
  startedAt: '2026-07-01T08:00:00Z',
  steps,
  costUsd: 0,
  pid: 1,
  outputs: {},
});

describe('runDayCounts', () => {
  it('reads collected and candidates from the finished steps', () => {
    const counts = runDayCounts(
      manifest([
        { name: 'collect', status: 'ok', counts: { new: 40, updated: 2, unchanged: 7 }, errors: [] },
        {
          name: 'rank',
          status: 'ok',
          counts: { picks: 10, 'candidates.m1': 120, 'candidates.m2': 90 },
          errors: [],
        },
      ]),
      'm1',
    );
    expect(counts).toEqual({ collected: 42, candidates: 120 });
  });

  it('leaves out what a failed or missing step does not tell', () => {
    const counts = runDayCounts(
      manifest([{ name: 'collect', status: 'failed', counts: {}, errors: ['down'] }]),
      'm1',
    );
    expect(counts).toEqual({});
    expect(runDayCounts(undefined, 'm1')).toBeUndefined();
  });
});
