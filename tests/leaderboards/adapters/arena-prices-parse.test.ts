import { describe, expect, it } from 'vitest';
import { createBoardAdapters } from '../../../src/adapters/leaderboards/index.ts';
import { arenaRanks, winRatePercent } from '../../../src/adapters/leaderboards/lmarena/arena-rank.ts';
import { createHttpClient } from '../../../src/http/http-client.ts';
import type { LeaderboardRow } from '../../../src/leaderboards/leaderboard-row.ts';
import { files } from './fixture-files.ts';

const adapters = createBoardAdapters(createHttpClient());
const at = new Date('2026-01-10T00:00:00Z');
const find = (rows: LeaderboardRow[], key: string) => rows.find((r) => r.entryKey === key);

describe('LMArena', () => {
  const rows = adapters.lmarena.parse(
    files(['https://h/rows?offset=0&length=100', 'lmarena_text_latest_rows_CONSTRUCTED.json']),
    at,
  );

  it('keys entries by category and model, with votes and the interval', () => {
    expect(rows.filter((r) => r.subboard === 'overall')).toHaveLength(10);
    expect(rows.filter((r) => r.subboard === 'coding')).toHaveLength(4);
    const top = find(rows, 'overall/gemini-3-pro');
    expect(top).toMatchObject({ votes: 29846, date: '2026-01-07' });
    expect(top?.metrics).toMatchObject({ rating: 1492.1, ratingLower: 1486.9, ratingUpper: 1497.3 });
    expect(top?.score).toBeCloseTo(100 / (1 + 10 ** ((1000 - 1492.1) / 400)), 10);
    expect(top?.ciLow).toBeCloseTo(winRatePercent(1486.9), 10);
    expect(top?.ciHigh).toBeCloseTo(winRatePercent(1497.3), 10);
  });

  it('ranks by 1 + the models whose lower bound is above this upper bound', () => {
    const rank = (key: string) => find(rows, key)?.metrics.arenaRank;
    expect(rank('overall/gemini-3-pro')).toBe(1);
    // 1478.4 − 7.2 = 1471.2 is under Claude's upper bound 1478.4: the two overlap and share rank 2.
    expect(rank('overall/grok-4.1-thinking')).toBe(2);
    expect(rank('overall/claude-opus-4-5-20251101-thinking-32k')).toBe(2);
    expect(rank('overall/gpt-5.1-high')).toBe(3);
    expect(rank('overall/deepseek-v3.2-thinking')).toBe(8);
    expect(rank('coding/claude-opus-4-5-20251101-thinking-32k')).toBe(1);
    expect(rank('coding/glm-4.6')).toBe(4);
    for (const row of rows) expect(row.metrics.arenaRank).toBe(row.metrics.publishedRank);
  });

  it('computes ranks for ties and disjoint intervals', () => {
    expect(
      arenaRanks([
        { lower: 10, upper: 12 },
        { lower: 10, upper: 12 },
        { lower: 1, upper: 3 },
        { lower: 4, upper: 9.5 },
      ]),
    ).toEqual([1, 1, 4, 3]);
  });

  it('keeps only the newest publish date when pages hold several', () => {
    const text = new TextDecoder().decode(files(['x', 'lmarena_text_latest_rows_CONSTRUCTED.json']).get('x'));
    const older = text
      .replaceAll('"2026-01-07"', '"2025-12-01"')
      .replaceAll('"gemini-3-pro"', '"gemini-2.5-pro"');
    const both = new Map([
      ['https://h/rows?offset=0', new TextEncoder().encode(text)],
      ['https://h/rows?offset=100', new TextEncoder().encode(older)],
    ]);
    const latest = adapters.lmarena.parse(both, at);
    expect(latest).toHaveLength(14);
    expect(latest.every((r) => r.date === '2026-01-07')).toBe(true);
  });
});

describe('OpenRouter', () => {
  const rows = adapters.openrouter.parse(
    files(['https://h/api/v1/models', 'openrouter_models_list_COMPOSED.json']),
    at,
  );

  it('gives prices per 1M tokens and the context length', () => {
    expect(rows).toHaveLength(4);
    expect(find(rows, 'qwen/qwen3-30b-a3b-thinking-2507')).toMatchObject({
      score: null,
      modelRefs: ['qwen/qwen3-30b-a3b-thinking-2507', 'Qwen/Qwen3-30B-A3B-Thinking-2507'],
      metrics: { priceInPerM: 0.0713, priceOutPerM: 0.2852, contextLength: 262144 },
    });
    expect(find(rows, 'openai/gpt-4')?.metrics).toEqual({
      priceInPerM: 30,
      priceOutPerM: 60,
      contextLength: 8192,
    });
  });

  it('flags dynamic prices ("-1") and free variants so value rankings can drop them', () => {
    expect(find(rows, 'openrouter/auto')?.metrics).toEqual({ dynamicPrice: 1, contextLength: 2000000 });
    expect(find(rows, 'google/gemma-4-31b-it:free')?.metrics).toMatchObject({ free: 1, priceInPerM: 0 });
    expect(find(rows, 'openai/gpt-4')?.metrics.free).toBeUndefined();
  });
});

describe('Artificial Analysis', () => {
  const rows = adapters.artificialanalysis.parse(
    files(['https://h/api/v2/data/llms/models', 'artificial_analysis_llms_models_CONSTRUCTED.json']),
    at,
  );

  it('reads the indexes as scores and speed and prices as metrics', () => {
    expect(rows.map((r) => r.subboard)).toEqual(['intelligence', 'coding']);
    expect(rows[0]).toMatchObject({
      score: 23.8,
      date: '2025-08-05',
      modelRefs: ['gpt-oss-120b', 'openai/gpt-oss-120b', 'gpt-oss-120b (high)'],
      metrics: {
        outputTokensPerSecond: 198.869,
        priceBlendedPerM: 0.262,
        priceInPerM: 0.15,
        priceOutPerM: 0.6,
      },
    });
    expect(rows[1]?.score).toBe(30.4);
    expect(adapters.artificialanalysis.needsKey).toBe(true);
  });
});
