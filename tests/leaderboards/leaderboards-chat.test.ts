/**
 * The chat side, through the command router every platform uses: `/leaderboard <board>` and
 * `/rankings` answer from the collected state, and a confirmed new top reaches the chats once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../src/chat/commands/command-types.ts';
import { createCommandRouter } from '../../src/chat/commands.ts';
import { plainText } from '../../src/chat/message-format.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { createFileStores } from '../../src/store/stores.ts';
import {
  type LeaderboardFake,
  readLeaderboardFixture,
  startLeaderboardFake,
} from '../fakes/leaderboard-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { leaderboardsHarness } from './leaderboards-harness.ts';

let fake: LeaderboardFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const tempDir = useTempDirs();
const NOW = new Date('2026-01-09T12:00:00Z');

function router(stateDir: string) {
  const deps: CommandDeps = {
    stores: createFileStores(stateDir),
    stateDir,
    config: RadarConfig.parse({}),
    clock: { now: () => NOW },
    labels: { direct: async (input) => ({ kind: 'labelled', paperId: input.paperId, value: input.value }) },
    resendDigest: async () => 0,
  };
  return createCommandRouter(deps, { error: () => undefined });
}

const PLATFORMS = ['telegram', 'slack', 'feishu'] as const;
const ask = async (
  stateDir: string,
  command: string,
  args: string,
  platform: (typeof PLATFORMS)[number] = 'telegram',
) =>
  plainText(
    await router(stateDir).handle(command, {
      platform,
      chatId: '1',
      userId: '1',
      args,
      at: NOW.toISOString(),
    }),
  );

interface SweFile {
  leaderboards: Array<{ name: string; results: Array<Record<string, unknown> & { resolved: number }> }>;
}

describe('leaderboards in chat', () => {
  it('says so before anything is collected, and names the boards for a wrong one', async () => {
    const stateDir = tempDir();
    expect(await ask(stateDir, 'leaderboard', 'swebench')).toBe(
      'SWE-bench: no snapshot has been collected yet.',
    );
    expect(await ask(stateDir, 'leaderboard', 'nope')).toMatch(
      /^Unknown leaderboard "nope". Boards: swebench, /,
    );
    expect(await ask(stateDir, 'rankings', '')).toMatch(/no ranking/);
    expect(await ask(stateDir, 'rankings', 'speed')).toBe(
      'Usage: /rankings [overall|coding|performance|value]',
    );
  });

  it('shows a board with its confirmed new top, alerted once, and the rankings, on every platform', async () => {
    fake = await startLeaderboardFake();
    const stateDir = tempDir();
    const harness = leaderboardsHarness(fake.url, stateDir);
    await harness.collect(new Date('2026-01-08T00:00:00Z'));
    await harness.collect(new Date('2026-01-08T06:00:00Z'));
    const file = JSON.parse(readLeaderboardFixture('/swebench/leaderboards.json')) as SweFile;
    const verified = file.leaderboards.find((b) => b.name === 'Verified');
    const best = Math.max(...(verified?.results.map((r) => r.resolved) ?? [0]));
    verified?.results.push({
      ...verified.results[0],
      name: 'Radar Agent',
      folder: '20260109_radar_agent',
      resolved: best + 1.2,
      warning: null,
    });
    fake.setFile('/swebench/leaderboards.json', JSON.stringify(file));
    await harness.collect(new Date('2026-01-09T00:00:00Z'));
    expect(harness.sent).toEqual([]);
    await harness.collect(new Date('2026-01-09T06:00:00Z'));
    await harness.collect(new Date('2026-01-09T12:00:00Z'));
    expect(harness.sent).toHaveLength(1);
    expect(harness.sent[0]).toMatch(
      /^🏆 SWE-bench Verified — new top: Radar Agent [\d.]+ % \(\+1\.20\) passing .+ [\d.]+ % \(2026-01-09\)$/,
    );

    for (const platform of PLATFORMS) {
      const board = await ask(stateDir, 'leaderboard', 'SWE-bench'.toLowerCase().replace('-', ''), platform);
      expect(board).toMatch(/^SWE-bench Verified — as of 2026-01-09, \d+ ranked\n#1 {2}Radar Agent/m);
      expect(board).toContain('Changes, last 7 days:\n🏆 SWE-bench Verified — new top: Radar Agent');
      const ranked = await ask(stateDir, 'rankings', 'coding', platform);
      expect(ranked).toMatch(/^Models by coding/);
      expect(ranked.split('\n').filter((l) => /^#\d+ /.test(l)).length).toBeGreaterThan(1);
    }
  }, 60_000);
});
