/**
 * Change alerts across failures: an alert the chats refused stays unsent and goes out on the next
 * run, once; an adapter returning rows outside the row schema fails its board with the reason.
 */
import { describe, expect, it } from 'vitest';
import type { BoardAdapter } from '../../src/leaderboards/board-adapter.ts';
import { collectLeaderboards } from '../../src/leaderboards/collect-leaderboards.ts';
import { type BoardFetch, LeaderboardRow } from '../../src/leaderboards/leaderboard-row.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createLeaderboardsStore } from '../../src/store/leaderboards-store.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** A board served from memory: `board.scores` is what the next fetch returns. */
function memoryBoard(scores: Record<string, number>) {
  const state = { scores, bad: false };
  const adapter: BoardAdapter = {
    board: 'evalplus',
    title: 'EvalPlus',
    needsKey: false,
    parse: () => [],
    fetch: async (options): Promise<BoardFetch> => ({
      board: 'evalplus',
      fetchedAt: options.now.toISOString(),
      sha256: 'a'.repeat(64),
      notModified: false,
      validators: {},
      displayPrecision: 0.1,
      rows: Object.entries(state.scores).map(([name, score]) =>
        state.bad
          ? ({
              board: 'evalplus',
              subboard: 'humaneval+',
              entryKey: name,
              displayName: name,
              score: 140,
            } as unknown as LeaderboardRow)
          : LeaderboardRow.parse({
              board: 'evalplus',
              subboard: 'humaneval+',
              entryKey: name,
              displayName: name,
              modelRefs: [name],
              score,
            }),
      ),
    }),
  };
  return { adapter, state };
}

describe('collectLeaderboards alerts', () => {
  it('keeps a refused alert for the next run and sends it once', async () => {
    const stateDir = tempDir();
    const store = createLeaderboardsStore(stateDir);
    const { adapter, state } = memoryBoard({ a: 80, b: 70 });
    const sent: string[] = [];
    let refuse = false;
    let hour = 0;
    const run = () =>
      collectLeaderboards(
        {
          adapters: [adapter],
          targets: new Map([['evalplus', { url: 'memory://evalplus' }]]),
          store,
          notify: async (messages) => {
            if (refuse) throw new Error('chat down');
            sent.push(...messages);
            return messages.length;
          },
          alert: () => undefined,
          now: () => new Date(Date.UTC(2026, 0, 8, hour++)),
          logger: silentLogger(),
        },
        { failuresBeforeAlert: 3 },
      );
    await run();
    await run();
    state.scores = { a: 80, b: 70, c: 85 };
    refuse = true;
    await run();
    await run();
    expect(sent).toEqual([]);
    expect((await store.readChanges('evalplus')).find((e) => e.kind === 'new_sota')?.alertedAt).toBeNull();
    refuse = false;
    await run();
    await run();
    expect(sent).toEqual(['🏆 EvalPlus HumanEval+ — new top: c 85.0 % (+5.0) passing a 80.0 % (2026-01-08)']);

    state.bad = true;
    const failed = await run();
    expect(failed.boards[0]).toMatchObject({ status: 'failed', consecutiveFailures: 1 });
    expect(failed.boards[0]?.error).toMatch(
      /^EvalPlus: rows do not match the leaderboard row schema at rows\.0\.modelRefs/,
    );
    expect((await store.readChanges('evalplus')).length).toBeGreaterThan(0);
  });
});
