import { describe, expect, it } from 'vitest';
import { fitCodingScores } from './coding-fit.ts';
import { type BoardId, LeaderboardRow } from './leaderboard-row.ts';
import { createModelMatcher, normalizeModelName } from './model-key.ts';
import { buildRankings, sortRankings } from './rankings.ts';
import type { BoardSnapshot } from './snapshot.ts';

function snapshot(
  board: BoardId,
  day: string,
  rows: Array<Partial<LeaderboardRow> & { entryKey: string }>,
): BoardSnapshot {
  return {
    board,
    day,
    fetchedAt: `${day}T00:00:00.000Z`,
    sha256: '0'.repeat(64),
    contentHash: 'x',
    displayPrecision: 0.1,
    rows: rows.map((r) =>
      LeaderboardRow.parse({
        board,
        subboard: 'overall',
        displayName: r.entryKey,
        modelRefs: [r.entryKey],
        score: null,
        ...r,
      }),
    ),
  };
}

describe('model keys', () => {
  it('normalizes names and matches exactly, never fuzzily', () => {
    expect(normalizeModelName('  OpenAI/GPT 4o_mini:free ')).toBe('openai/gpt-4o-mini#free');
    const matcher = createModelMatcher({ 'Claude Sonnet 4.5 (20250929)': 'anthropic/claude-sonnet-4.5' }, [
      'openai/gpt-4o',
      'openai/gpt-4o-mini',
      'meta/llama-3',
      'other/llama-3',
    ]);
    expect(matcher.resolve(['GPT-4o'])).toEqual({ key: 'openai/gpt-4o', matched: true });
    expect(matcher.resolve(['claude sonnet 4.5 (20250929)'])).toEqual({
      key: 'anthropic/claude-sonnet-4.5',
      matched: true,
    });
    expect(matcher.resolve(['gpt-4o-2024'])).toEqual({ key: 'gpt-4o-2024', matched: false });
    // Two providers share the model part: ambiguous, so no match.
    expect(matcher.resolve(['llama-3']).matched).toBe(false);
  });
});

describe('the coding fit', () => {
  it('recovers the order of abilities with missing cells and does not reward an easy board alone', () => {
    const ability = { m1: 2, m2: 1, m3: 0, m4: -1, m5: -2 } as const;
    const difficulty = { easy: -2, mid: 0, hard: 2 } as const;
    const cells = [];
    for (const [m, t] of Object.entries(ability))
      for (const [i, b] of Object.entries(difficulty)) {
        if (m === 'm4' && i !== 'easy') continue; // m4 only on the easy board
        if (m === 'm1' && i === 'easy') continue; // m1 never ran the easy board
        cells.push({ model: m, item: i, score: 100 / (1 + Math.exp(-(t - b))) });
      }
    const { scores } = fitCodingScores(cells);
    const order = [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
    expect(order).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    // A plain average of reported cells would put m4 (easy board only, 73.1) above m1 (mid + hard).
    const m4Mean = cells.filter((c) => c.model === 'm4').reduce((s, c) => s + c.score, 0);
    expect(m4Mean).toBeGreaterThan(70);
  });
});

describe('the rankings', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const snapshots = [
    snapshot('swebench', '2026-05-30', [
      { entryKey: 'a', displayName: 'GPT-4o', modelRefs: ['gpt-4o'], score: 60, subboard: 'verified' },
      {
        entryKey: 'b',
        displayName: 'Qwen Coder',
        modelRefs: ['qwen/qwen-coder'],
        score: 40,
        subboard: 'verified',
      },
      {
        entryKey: 'h',
        displayName: 'Hidden',
        modelRefs: ['hidden/model'],
        score: 99,
        subboard: 'verified',
        flags: { hidden: true, contaminated: false, checked: false },
      },
    ]),
    snapshot('evalplus', '2026-01-01', [
      { entryKey: 'a', displayName: 'gpt-4o', score: 90, subboard: 'humaneval+' },
      {
        entryKey: 'c',
        displayName: 'Mystery-7B',
        modelRefs: ['Mystery-7B'],
        score: 50,
        subboard: 'humaneval+',
      },
    ]),
    snapshot('openrouter', '2026-05-31', [
      {
        entryKey: 'openai/gpt-4o',
        modelRefs: ['openai/gpt-4o'],
        metrics: { priceInPerM: 2.5, priceOutPerM: 10 },
      },
      {
        entryKey: 'openai/gpt-4o:free',
        modelRefs: ['openai/gpt-4o:free'],
        metrics: { priceInPerM: 0, priceOutPerM: 0 },
      },
      {
        entryKey: 'qwen/qwen-coder',
        modelRefs: ['qwen/qwen-coder'],
        metrics: { priceInPerM: 0.2, priceOutPerM: 0.6 },
      },
      { entryKey: 'x/cheap', modelRefs: ['x/cheap'], metrics: { priceInPerM: 0.01, priceOutPerM: 0.02 } },
      {
        entryKey: 'openrouter/auto',
        modelRefs: ['openrouter/auto'],
        metrics: { priceInPerM: -1, priceOutPerM: -1 },
      },
    ]),
  ];
  const result = buildRankings(snapshots, {}, now);
  const byKey = new Map(result.models.map((m) => [m.key, m]));

  it('joins a model across boards and computes value from the blended price, sentinels and free variants out', () => {
    const gpt = byKey.get('openai/gpt-4o');
    expect(gpt?.coding?.items).toBe(2);
    expect(gpt?.value?.blendedPerM).toBeCloseTo(4.375);
    expect(byKey.has('openrouter/auto')).toBe(false);
    expect(byKey.has('openai/gpt-4o#free')).toBe(false);
    expect(byKey.has('hidden/model')).toBe(false);
  });

  it('re-normalizes the composite over the parts present and gives none without coding', () => {
    const gpt = byKey.get('openai/gpt-4o');
    expect(gpt?.coverage).toBe(0.7);
    const expected = (0.5 * (gpt?.coding?.percentile ?? 0) + 0.2 * (gpt?.value?.percentile ?? 0)) / 0.7;
    expect(gpt?.overall).toBeCloseTo(expected);
    const mystery = byKey.get('mystery-7b');
    expect(mystery?.coverage).toBe(0.5);
    expect(mystery?.overall).toBe(mystery?.coding?.percentile);
    expect(byKey.get('x/cheap')).toMatchObject({ overall: null, coverage: 0.2 });
  });

  it('dates each category by its oldest contributing snapshot and marks it stale past 90 days', () => {
    const gpt = byKey.get('openai/gpt-4o');
    expect(gpt?.coding).toMatchObject({ asOf: '2026-01-01', stale: true });
    expect(gpt?.value).toMatchObject({ asOf: '2026-05-31', stale: false });
    expect(byKey.get('qwen/qwen-coder')?.coding).toMatchObject({ asOf: '2026-05-30', stale: false });
  });

  it('lists the names that matched nothing, per board', () => {
    expect(result.unmatched).toContainEqual({ board: 'evalplus', name: 'Mystery-7B' });
    expect(result.unmatched.some((u) => u.name === 'GPT-4o')).toBe(false);
  });

  it('sorts by a part with the models lacking it last and filters by coverage', () => {
    const sorted = sortRankings(result.models, 'value');
    expect(sorted.slice(0, 2).map((m) => m.key)).toEqual(['x/cheap', 'qwen/qwen-coder']);
    expect(sorted.at(-1)?.value).toBeNull();
    expect(
      sortRankings(result.models, 'overall', 0.7)
        .map((m) => m.key)
        .sort(),
    ).toEqual(['openai/gpt-4o', 'qwen/qwen-coder']);
  });
});
