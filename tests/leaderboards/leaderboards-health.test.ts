/** A failing board never stops the others; its failures in a row are recorded and alerted like a benchmark source's. */
import { afterEach, describe, expect, it } from 'vitest';
import { createLeaderboardsStore } from '../../src/store/leaderboards-store.ts';
import { type LeaderboardFake, startLeaderboardFake } from '../fakes/leaderboard-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { leaderboardsHarness } from './leaderboards-harness.ts';

let fake: LeaderboardFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const tempDir = useTempDirs();

describe('leaderboard health', () => {
  it('alerts a board after two failed runs in a row, keeps collecting the others, and resets on success', async () => {
    fake = await startLeaderboardFake();
    const stateDir = tempDir();
    const harness = leaderboardsHarness(fake.url, stateDir, ['swebench', 'livecodebench']);
    fake.failNext(
      '/livecodebench/performances_generation.json',
      { kind: 'status', status: 404, body: 'gone' },
      2,
    );
    const first = await harness.collect(new Date('2026-01-08T00:00:00Z'));
    expect(first.result.boards.map((b) => [b.board, b.status])).toEqual([
      ['swebench', 'pending'],
      ['livecodebench', 'failed'],
    ]);
    expect(first.result.boards[1]?.error).toMatch(/404/);
    expect(harness.alerts).toEqual([]);
    await harness.collect(new Date('2026-01-08T06:00:00Z'));
    expect(harness.alerts).toEqual([
      { kind: 'leaderboard-failing', component: 'leaderboards/livecodebench' },
    ]);
    const health = await createLeaderboardsStore(stateDir).readHealth();
    expect(health.sources.livecodebench).toMatchObject({ consecutiveFailures: 2, lastSuccessAt: null });
    expect(health.sources.swebench?.consecutiveFailures).toBe(0);
    const third = await harness.collect(new Date('2026-01-08T12:00:00Z'));
    expect(third.result.boards.find((b) => b.board === 'livecodebench')?.status).toBe('pending');
    expect(
      (await createLeaderboardsStore(stateDir).readHealth()).sources.livecodebench?.consecutiveFailures,
    ).toBe(0);
    expect(harness.alerts).toHaveLength(1);
  });
});
