import { describe, expect, it } from 'vitest';
import { changeMessage } from './change-message.ts';
import { advanceBoard } from './confirm.ts';
import { type BoardFetch, type BoardId, LeaderboardRow } from './leaderboard-row.ts';
import { type BoardState, emptyBoardState } from './snapshot.ts';
import { toSnapshot } from './to-snapshot.ts';

type Entry = [key: string, name: string, score: number, ci?: [number, number]];

function fetchOf(
  entries: Entry[],
  at: string,
  board: BoardId = 'swebench',
  subboard = 'verified',
): BoardFetch {
  return {
    board,
    fetchedAt: at,
    sha256: '0'.repeat(64),
    notModified: false,
    validators: {},
    displayPrecision: 0.1,
    rows: entries.map(([entryKey, displayName, score, ci]) =>
      LeaderboardRow.parse({
        board,
        subboard,
        entryKey,
        displayName,
        modelRefs: [displayName],
        score,
        ciLow: ci?.[0] ?? null,
        ciHigh: ci?.[1] ?? null,
      }),
    ),
  };
}

let clock = 0;
function tick(): string {
  clock += 1;
  return new Date(Date.UTC(2026, 0, 1) + clock * 6 * 3_600_000).toISOString();
}

/** Fetches `entries` `times` times in a row and returns the state and every event. */
function run(state: BoardState, entries: Entry[], times = 2, board: BoardId = 'swebench') {
  const events = [];
  let s = state;
  for (let i = 0; i < times; i++) {
    const r = advanceBoard(s, toSnapshot(fetchOf(entries, tick(), board)), '');
    s = r.state;
    events.push(...r.events);
  }
  return { state: s, events };
}

const BASE: Entry[] = [
  ['a', 'Alpha', 74.4],
  ['b', 'Beta', 70.0],
  ['c', 'Gamma', 65.0],
];

describe('the confirmation rule', () => {
  it('sets a baseline on the second identical fetch without any event', () => {
    const first = advanceBoard(emptyBoardState('swebench'), toSnapshot(fetchOf(BASE, tick())), '');
    expect(first.outcome).toBe('pending');
    const second = advanceBoard(first.state, toSnapshot(fetchOf(BASE, tick())), '');
    expect(second.outcome).toBe('baseline');
    expect(second.events).toEqual([]);
    expect(second.state.confirmed?.rows).toHaveLength(3);
  });

  it('reports a new top only once two fetches agree, with the message of the board', () => {
    const { state } = run(emptyBoardState('swebench'), BASE);
    const next: Entry[] = [...BASE, ['x', 'X', 75.6]];
    const once = advanceBoard(state, toSnapshot(fetchOf(next, tick())), '');
    expect(once.outcome).toBe('pending');
    expect(once.events).toEqual([]);
    const twice = advanceBoard(once.state, toSnapshot(fetchOf(next, tick())), '');
    expect(twice.outcome).toBe('confirmed');
    const sota = twice.events.find((e) => e.kind === 'new_sota');
    expect(sota && changeMessage(sota)).toMatch(
      /^🏆 SWE-bench Verified — new top: X 75\.6 % \(\+1\.2\) passing Alpha 74\.4 % \(2026-01-\d\d\)$/,
    );
    expect(twice.events.map((e) => e.kind).sort()).toEqual([
      'new_entry',
      'new_sota',
      'rank_move',
      'rank_move',
      'rank_move',
    ]);
  });

  it('ignores a flicker that goes back before it is confirmed', () => {
    const { state } = run(emptyBoardState('swebench'), BASE);
    const flicker = advanceBoard(state, toSnapshot(fetchOf([...BASE, ['x', 'X', 99]], tick())), '');
    const back = advanceBoard(flicker.state, toSnapshot(fetchOf(BASE, tick())), '');
    expect(back.outcome).toBe('unchanged');
    expect(back.state.pending).toBeNull();
    expect([...flicker.events, ...back.events]).toEqual([]);
  });

  it('treats 304 Not Modified as a fetch identical to the previous one', () => {
    const { state } = run(emptyBoardState('swebench'), BASE);
    const next: Entry[] = [['a', 'Alpha', 80], ...BASE.slice(1)];
    const once = advanceBoard(state, toSnapshot(fetchOf(next, tick())), '');
    const notModified = advanceBoard(once.state, null, tick());
    expect(notModified.outcome).toBe('confirmed');
    expect(notModified.events.map((e) => e.kind).sort()).toEqual(['new_sota', 'revised']);
  });

  it('does not call a rise within half the display precision a new top; a tie is tied_sota', () => {
    const { state } = run(emptyBoardState('swebench'), BASE);
    const { events } = run(state, [...BASE, ['x', 'X', 74.44]]);
    expect(events.map((e) => e.kind)).toContain('tied_sota');
    expect(events.map((e) => e.kind)).not.toContain('new_sota');
  });

  it('is silent about a rename that keeps the entry key', () => {
    const { state } = run(emptyBoardState('swebench'), BASE);
    const { events } = run(state, [['a', 'Alpha (2026-01)', 74.4], ...BASE.slice(1)]);
    expect(events).toEqual([]);
  });

  it('reports removed only at the second absence, and not at all for an entry that returns', () => {
    const { state } = run(emptyBoardState('swebench'), BASE);
    const without = BASE.slice(0, 2);
    const first = run(state, without);
    expect(first.events).toEqual([]);
    expect(Object.keys(first.state.missing)).toHaveLength(1);
    const back = run(first.state, BASE);
    expect(back.events).toEqual([]);
    const again = run(back.state, without);
    const later = run(again.state, without, 1);
    expect(later.events.map((e) => [e.kind, e.entry.entryKey])).toEqual([['removed', 'c']]);
  });

  it('calls an Arena top significant only when its lower bound clears the old top upper bound', () => {
    const arena: Entry[] = [
      ['m1', 'M1', 60, [58, 62]],
      ['m2', 'M2', 55, [53, 57]],
    ];
    const { state } = run(emptyBoardState('lmarena'), arena, 2, 'lmarena');
    const overlap = run(state, [['m3', 'M3', 61, [59, 63]], ...arena], 2, 'lmarena');
    const top = overlap.events.find((e) => e.kind.startsWith('new_sota'));
    expect(top).toMatchObject({ kind: 'new_sota', provisional: true });
    const clear = run(
      overlap.state,
      [['m4', 'M4', 70, [64, 76]], ['m3', 'M3', 61, [59, 63]], ...arena],
      2,
      'lmarena',
    );
    expect(clear.events.find((e) => e.kind.startsWith('new_sota'))?.kind).toBe('new_sota_significant');
  });
});
