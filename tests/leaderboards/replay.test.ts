/**
 * Replays eight real successive versions of SWE-bench's leaderboards.json (its repository's
 * history) through the fake host, the real adapter and the collect job: two fetches per version,
 * as two scheduled runs would make, with one-fetch flickers in between. The only alert is the
 * one real change of the Verified top; no event is recorded twice, and a second replay over the
 * same state records and sends nothing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardId } from '../../src/leaderboards/leaderboard-row.ts';
import { createLeaderboardsStore } from '../../src/store/leaderboards-store.ts';
import { type LeaderboardFake, startLeaderboardFake } from '../fakes/leaderboard-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { leaderboardsHarness } from './leaderboards-harness.ts';

const HISTORY = new URL('../fixtures/leaderboards/history/swebench/', import.meta.url);
const VERSIONS = readdirSync(HISTORY)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(new URL(f, HISTORY), 'utf8'));
const PATH = '/swebench/leaderboards.json';

interface RawBoard {
  name: string;
  results: Array<{ name: string; folder: string; resolved: number; warning: unknown }>;
}

/** The visible top of each board of one version, read from the raw file (independent of the adapter). */
function rawTops(text: string): Map<string, { folder: string; resolved: number }> {
  const tops = new Map<string, { folder: string; resolved: number }>();
  for (const board of (JSON.parse(text) as { leaderboards: RawBoard[] }).leaderboards) {
    for (const r of board.results) {
      if (r.warning) continue;
      const top = tops.get(board.name);
      if (!top || r.resolved > top.resolved) tops.set(board.name, { folder: r.folder, resolved: r.resolved });
    }
  }
  return tops;
}

let fake: LeaderboardFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const tempDir = useTempDirs();

describe('replaying the real SWE-bench history', () => {
  it('alerts exactly the real new tops, once each, and nothing on a re-run', async () => {
    fake = await startLeaderboardFake();
    const stateDir = tempDir();
    const harness = leaderboardsHarness(fake.url, stateDir, ['swebench']);
    let t = Date.parse('2025-05-07T06:00:00Z');
    const at = () => {
      t += 6 * 3_600_000;
      return new Date(t);
    };
    const stateFile = join(stateDir, 'leaderboards', 'swebench', 'state.json');
    let baseline = '';
    const replay = async () => {
      for (const [i, version] of VERSIONS.entries()) {
        fake?.setFile(PATH, version);
        await harness.collect(at());
        await harness.collect(at());
        if (i === 0 && baseline === '') baseline = readFileSync(stateFile, 'utf8');
        // A flicker: the next version appears for one fetch only, then this one is back.
        const next = VERSIONS[i + 1];
        if (next) {
          fake?.setFile(PATH, next);
          await harness.collect(at());
          fake?.setFile(PATH, version);
          await harness.collect(at());
        }
      }
    };
    await replay();

    // Expected: every rise of a board's visible top between successive versions.
    const expected: string[] = [];
    for (let i = 1; i < VERSIONS.length; i++) {
      const before = rawTops(VERSIONS[i - 1] ?? '');
      for (const [board, top] of rawTops(VERSIONS[i] ?? '')) {
        const old = before.get(board);
        if (old && top.resolved - old.resolved > 0.005) expected.push(`${board}:${top.folder}`);
      }
    }
    expect(expected.some((e) => e.startsWith('Verified:'))).toBe(true);

    const store = createLeaderboardsStore(stateDir);
    const events = await store.readChanges(BoardId.enum.swebench);
    const keys = events.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    const sotas = events.filter((e) => e.kind === 'new_sota');
    expect(sotas.map((e) => `${e.subboard}:${e.entry.entryKey.split('/')[1]}`).sort()).toEqual(
      expected
        .map((e) =>
          e
            .replace(/^Verified/, 'verified')
            .replace(/^Lite/, 'lite')
            .replace(/^bash-only/i, 'bash-only'),
        )
        .sort(),
    );
    const verifiedTop = sotas.find((e) => e.subboard === 'verified');
    expect(verifiedTop?.previous?.displayName).toBe('Augment Agent v0');
    expect(verifiedTop?.entry.score).toBe(65.8);
    // Every alert sent is one recorded SOTA-kind event, sent once.
    const alerted = events.filter((e) => e.alertedAt !== null);
    expect(harness.sent).toHaveLength(alerted.length);
    expect(new Set(harness.sent).size).toBe(harness.sent.length);
    expect(harness.sent.filter((m) => m.startsWith('🏆'))).toHaveLength(sotas.length);
    // No event came from a flicker: every event's day is the day its version was first fetched twice.
    expect(events.every((e) => e.kind !== 'removed')).toBe(true);

    // The board's state rolled back to the first version (a crash, a restored backup) while the
    // changes stayed: replaying the same history again records and sends nothing new.
    const sentBefore = harness.sent.length;
    writeFileSync(stateFile, baseline);
    await replay();
    expect((await store.readChanges(BoardId.enum.swebench)).length).toBe(events.length);
    expect(harness.sent.length).toBe(sentBefore);
  });
});
