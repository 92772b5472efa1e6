import { describe, expect, it } from 'vitest';
import { createBoardAdapters } from '../../../src/adapters/leaderboards/index.ts';
import { createHttpClient } from '../../../src/http/http-client.ts';
import type { LeaderboardRow } from '../../../src/leaderboards/leaderboard-row.ts';
import { files, historyFiles } from './fixture-files.ts';

const adapters = createBoardAdapters(createHttpClient());
const at = new Date('2026-01-10T00:00:00Z');
const find = (rows: LeaderboardRow[], key: string) => rows.find((r) => r.entryKey === key);
const count = (rows: LeaderboardRow[], subboard: string) =>
  rows.filter((r) => r.subboard === subboard).length;

describe('SWE-bench', () => {
  const rows = adapters.swebench.parse(
    files(['https://h/data/leaderboards.json', 'swebench_leaderboards_TRIMMED.json']),
    at,
  );

  it('reads Verified, Lite and bash-only, keyed by folder', () => {
    expect([count(rows, 'verified'), count(rows, 'lite'), count(rows, 'bash-only')]).toEqual([25, 25, 25]);
    expect(rows.some((r) => r.subboard === 'test' || r.subboard === 'multimodal')).toBe(false);
    const top = find(rows, 'verified/20250928_trae_doubao_seed_code');
    expect(top).toMatchObject({ displayName: 'TRAE + Doubao-Seed-Code', score: 78.8, date: '2025-09-28' });
    expect(top?.modelRefs).toEqual(['TRAE + Doubao-Seed-Code', 'Doubao-Seed-Code', 'Doubao-Seed-1.6']);
    expect(find(rows, 'lite/20250625_ExpeRepair-v1_claude-4-sonnet-20250514')?.score).toBe(60.33);
  });

  it('flags checked runs, and reads the "false (See README …)" text as not checked', () => {
    const verified = rows.filter((r) => r.subboard === 'verified');
    expect(verified.filter((r) => r.flags.checked)).toHaveLength(3);
    expect(find(rows, 'bash-only/20251124_mini-v1.16.0_claude-opus-4-5-20251101')?.flags.checked).toBe(true);
  });

  it('hides entries with a warning, as the site does, in a real version that has them', () => {
    const [first, second] = historyFiles('swebench');
    if (!first || !second) throw new Error('history missing');
    const before = adapters.swebench.parse(new Map([['https://h/leaderboards.json', first.bytes]]), at);
    const hidden = before.filter((r) => r.flags.hidden).map((r) => r.entryKey);
    expect(hidden).toContain('verified/20250110_blackboxai_agent_v1.1');
    expect(hidden.filter((k) => k.startsWith('verified/'))).toHaveLength(2);
    const after = adapters.swebench.parse(new Map([['https://h/leaderboards.json', second.bytes]]), at);
    expect(find(after, 'verified/20250110_blackboxai_agent_v1.1')?.flags.hidden).toBe(false);
  });

  it('parses every version of the replay history with stable keys', () => {
    const keys = historyFiles('swebench').map(({ bytes }) =>
      adapters.swebench.parse(new Map([['https://h/leaderboards.json', bytes]]), at).map((r) => r.entryKey),
    );
    expect(keys).toHaveLength(8);
    for (const version of keys) expect(new Set(version).size).toBe(version.length);
    const [first, last] = [keys[0] ?? [], keys.at(-1) ?? []];
    expect(first.filter((k) => !last.includes(k))).toEqual([]);
  });

  it('shows one change of the Verified leader across the replay history', () => {
    const leaders = historyFiles('swebench').map(({ name, bytes }) => {
      const verified = adapters.swebench
        .parse(new Map([['https://h/leaderboards.json', bytes]]), at)
        .filter((r) => r.subboard === 'verified' && !r.flags.hidden)
        .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
      return `${name.slice(-13, -5)} ${verified[0]?.displayName} ${verified[0]?.score}`;
    });
    expect(leaders).toEqual([
      '1a0866b0 Augment Agent v0 65.4',
      'f1aaf66b Augment Agent v0 65.4',
      '55fda503 Augment Agent v0 65.4',
      '9e0bdf86 OpenHands 65.8',
      'f911ab69 OpenHands 65.8',
      '5cf62bc0 OpenHands 65.8',
      'd7e7ec2a OpenHands 65.8',
      '15ff951f OpenHands 65.8',
    ]);
  });
});

describe('EvalPlus', () => {
  const rows = adapters.evalplus.parse(
    files(['https://h/results.json', 'evalplus_results_TRIMMED.json']),
    at,
  );

  it('keeps HumanEval+ and MBPP+, skipping models not run on a table', () => {
    expect(count(rows, 'humaneval+')).toBe(40);
    expect(count(rows, 'mbpp+')).toBe(30);
    expect(find(rows, 'humaneval+/Artigenz-Coder-DS-6.7B')?.score).toBe(72.6);
    expect(find(rows, 'mbpp+/Artigenz-Coder-DS-6.7B')).toMatchObject({
      score: 69.6,
      modelRefs: ['Artigenz-Coder-DS-6.7B', 'Artigenz/Artigenz-Coder-DS-6.7B'],
    });
  });
});

describe('BigCodeBench', () => {
  const rows = adapters.bigcodebench.parse(
    files(
      ['https://h/results-hard.json', 'bigcodebench_results_hard_TRIMMED.json'],
      ['https://h/results.json', 'bigcodebench_results_TRIMMED.json'],
    ),
    at,
  );

  it('reads the Hard and Full sets, with the site average of complete and instruct', () => {
    expect(count(rows, 'full-complete')).toBe(39);
    expect(count(rows, 'full-instruct')).toBe(28);
    expect(count(rows, 'full-average')).toBe(28);
    expect(count(rows, 'hard-instruct')).toBe(28);
    expect(find(rows, 'full-complete/Gemini-Exp-1206')).toMatchObject({ score: 62.4, date: '2024-12-06' });
    expect(find(rows, 'full-average/Gemini-Exp-1206')?.score).toBe(54.7);
    expect(find(rows, 'hard-average/Gemini-Exp-1206')?.score).toBe(34.1);
  });
});

describe('LiveBench', () => {
  const rows = adapters.livebench.parse(
    files(
      ['https://h/table_2026_01_08.csv', 'livebench_table_2026_01_08_TRIMMED.csv'],
      ['https://h/categories_2026_01_08.json', 'livebench_categories_2026_01_08.json'],
    ),
    at,
  );

  it('gives every model a global average and one average per category', () => {
    expect(count(rows, 'overall')).toBe(41);
    expect(count(rows, 'agentic-coding')).toBe(41);
    expect(new Set(rows.map((r) => r.subboard)).size).toBe(8);
    expect(find(rows, 'overall/arcee-trinity-large-preview')?.score).toBe(32.74);
    expect(find(rows, 'coding/arcee-trinity-large-preview')?.score).toBe(65.65);
    expect(find(rows, 'overall/claude-4-1-opus-20250805-base')?.score).toBe(54.45);
  });

  it('skips blank tasks: a row that stops early averages the tasks it has', () => {
    expect(find(rows, 'agentic-coding/nemotron-3-super-120b-a12b')?.score).toBe(23);
    expect(find(rows, 'reasoning/nemotron-3-super-120b-a12b')?.score).toBe(34.39);
    expect(find(rows, 'overall/nemotron-3-super-120b-a12b')?.score).toBe(32.51);
  });
});

describe('LiveCodeBench', () => {
  const rows = adapters.livecodebench.parse(
    files(['https://h/performances_generation.json', 'livecodebench_performances_generation_TRIMMED.json']),
    at,
  );

  it('scores the problems inside the default window only', () => {
    expect(rows).toHaveLength(16);
    const o4 = find(rows, 'O4-Mini (High)');
    expect(o4).toMatchObject({ score: 96.7, date: '2023-04-30' });
    expect(o4?.metrics).toMatchObject({ problems: 30, easyPass: 100, hardPass: 87.5 });
    expect(o4?.metrics.windowStartMs).toBe(Date.parse('2024-08-01T00:00:00Z'));
    expect(find(rows, 'DeepSeek-V3')?.score).toBe(44.7);
    expect(find(rows, 'Claude-3-Haiku')?.score).toBe(21.3);
    expect(find(rows, 'DeepSeek-V3')?.modelRefs).toEqual([
      'DeepSeek-V3',
      'deepseek-chat',
      'deepseek-ai/DeepSeek-V3',
    ]);
  });

  it('flags a model released inside the window as contaminated', () => {
    expect(rows.filter((r) => r.flags.contaminated)).toEqual([]);
    const text = new TextDecoder().decode(
      files(['x', 'livecodebench_performances_generation_TRIMMED.json']).get('x'),
    );
    const moved = text.replace(
      '"model_repr": "DeepSeek-V3", "model_style": "DeepSeekAPI", "release_date": 1719705600000',
      '"model_repr": "DeepSeek-V3", "model_style": "DeepSeekAPI", "release_date": 1722470400000',
    );
    expect(moved).not.toBe(text);
    const again = adapters.livecodebench.parse(new Map([['x', new TextEncoder().encode(moved)]]), at);
    expect(again.filter((r) => r.flags.contaminated).map((r) => r.entryKey)).toEqual(['DeepSeek-V3']);
  });
});
