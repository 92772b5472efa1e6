import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BoardFormatError,
  createBoardAdapters,
  MissingKeyError,
} from '../../../src/adapters/leaderboards/index.ts';
import { HttpStatusError, NetworkError } from '../../../src/http/errors.ts';
import { createHttpClient } from '../../../src/http/http-client.ts';
import { BOARD_IDS, BoardFetch } from '../../../src/leaderboards/leaderboard-row.ts';
import {
  ARTIFICIAL_ANALYSIS_PATH,
  type LeaderboardFake,
  leaderboardUrls,
  startLeaderboardFake,
} from '../../fakes/leaderboard-fake.ts';

const now = new Date('2026-01-10T06:00:00Z');
let fake: LeaderboardFake;
let urls: Record<string, string>;
beforeEach(async () => {
  fake = await startLeaderboardFake({ artificialAnalysisKey: 'aa-key' });
  urls = leaderboardUrls(fake.url);
});
afterEach(() => fake.close());

function adaptersWith(retries = 2, timeoutMs = 5000) {
  return createBoardAdapters(
    createHttpClient({ retry: { retries, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs }),
  );
}

function url(board: string): string {
  const value = urls[board];
  if (!value) throw new Error(`no url for ${board}`);
  return value;
}

describe('fetching every board from the fake', () => {
  it('fetches and parses every board, with sha256, validators and the fetch time', async () => {
    const adapters = adaptersWith();
    for (const board of BOARD_IDS) {
      const result = await adapters[board].fetch({ url: url(board), validators: {}, apiKey: 'aa-key', now });
      expect(BoardFetch.safeParse(result).success).toBe(true);
      expect(result).toMatchObject({ board, notModified: false, fetchedAt: '2026-01-10T06:00:00.000Z' });
      expect(result.rows.length).toBeGreaterThan(0);
      expect(Object.keys(result.validators).length).toBeGreaterThan(0);
    }
  });

  it('sends the validators back and reports 304 as not modified, with no rows', async () => {
    const adapters = adaptersWith();
    const first = await adapters.swebench.fetch({ url: url('swebench'), validators: {}, now });
    const again = await adapters.swebench.fetch({ url: url('swebench'), validators: first.validators, now });
    expect(again).toMatchObject({ notModified: true, rows: [] });
    const sent = fake.requestsTo('/swebench/leaderboards.json').at(-1);
    expect(sent?.headers['if-none-match']).toBe(first.validators[url('swebench')]?.etag);
    fake.setFile('/swebench/leaderboards.json', '{"leaderboards":[]}');
    const changed = await adapters.swebench.fetch({
      url: url('swebench'),
      validators: first.validators,
      now,
    });
    expect(changed.notModified).toBe(false);
    expect(changed.sha256).not.toBe(first.sha256);
  });

  it('gives equal hashes for identical bytes', async () => {
    const adapters = adaptersWith();
    const a = await adapters.bigcodebench.fetch({ url: url('bigcodebench'), validators: {}, now });
    const b = await adapters.bigcodebench.fetch({ url: url('bigcodebench'), validators: {}, now });
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refetches in full when only some of a board’s files changed', async () => {
    const adapters = adaptersWith();
    const first = await adapters.bigcodebench.fetch({ url: url('bigcodebench'), validators: {}, now });
    fake.setFile('/bigcodebench/results-hard.json', '{}');
    const next = await adapters.bigcodebench.fetch({
      url: url('bigcodebench'),
      validators: first.validators,
      now,
    });
    expect(next.notModified).toBe(false);
    expect(next.rows.some((r) => r.subboard.startsWith('full-'))).toBe(true);
    expect(next.rows.some((r) => r.subboard.startsWith('hard-'))).toBe(false);
  });

  it('reads the LiveBench release date from the site app and fetches that release', async () => {
    const adapters = adaptersWith();
    const result = await adapters.livebench.fetch({ url: url('livebench'), validators: {}, now });
    expect(Object.keys(result.validators).sort()).toEqual([
      `${fake.url}/livebench/categories_2026_01_08.json`,
      `${fake.url}/livebench/table_2026_01_08.csv`,
    ]);
    expect(fake.requestsTo('/livebench/static/js/main.b0448181.js')).toHaveLength(1);
    // A new release: the app starts on a new date, whose two files now exist.
    fake.setFile('/livebench/static/js/main.b0448181.js', 'const[e,n]=(0,t.useState)("2026-02-01")');
    const table = fake.file('/livebench/table_2026_01_08.csv') ?? '';
    fake.setFile(
      '/livebench/table_2026_02_01.csv',
      table.replace('arcee-trinity-large-preview,61.0', 'arcee-trinity-large-preview,99.0'),
    );
    fake.setFile(
      '/livebench/categories_2026_02_01.json',
      fake.file('/livebench/categories_2026_01_08.json') ?? '',
    );
    const next = await adapters.livebench.fetch({
      url: url('livebench'),
      validators: result.validators,
      now,
    });
    expect(next.notModified).toBe(false);
    expect(Object.keys(next.validators)).toContain(`${fake.url}/livebench/table_2026_02_01.csv`);
    const math = (rows: typeof next.rows) =>
      rows.find((r) => r.entryKey === 'mathematics/arcee-trinity-large-preview')?.score ?? 0;
    expect(math(next.rows) - math(result.rows)).toBeCloseTo(38 / 4, 2);
  });

  it('fetches a pinned LiveBench release without reading the site', async () => {
    const pinned = `${fake.url}/livebench/table_2026_01_08.csv`;
    const result = await adaptersWith().livebench.fetch({ url: pinned, validators: {}, now });
    expect(result.rows.filter((r) => r.subboard === 'overall')).toHaveLength(41);
    expect(fake.requestsTo('/livebench/')).toHaveLength(0);
  });

  it('says what is missing when the site names no bundle', async () => {
    fake.setFile('/livebench/', '<html><body>maintenance</body></html>');
    const error = await adaptersWith()
      .livebench.fetch({ url: url('livebench'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(String(error)).toContain('does not name the app bundle');
  });
});

describe('faults', () => {
  it('retries a 429 with Retry-After and a 503, then parses', async () => {
    fake.failNext('/evalplus/results.json', { kind: 'status', status: 429, retryAfter: 0 });
    fake.failNext('/evalplus/results.json', { kind: 'status', status: 503 });
    const result = await adaptersWith().evalplus.fetch({ url: url('evalplus'), validators: {}, now });
    expect(result.rows).toHaveLength(70);
    expect(fake.requestsTo('/evalplus/results.json')).toHaveLength(3);
  });

  it('gives a typed error when the server keeps failing or is too slow', async () => {
    fake.failNext('/evalplus/results.json', { kind: 'status', status: 500 }, 5);
    const failed = await adaptersWith(1)
      .evalplus.fetch({ url: url('evalplus'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(HttpStatusError);
    expect(failed instanceof HttpStatusError && failed.status).toBe(500);

    fake.failNext('/livecodebench/performances_generation.json', { kind: 'delay', ms: 2000 });
    const slow = await adaptersWith(0, 100)
      .livecodebench.fetch({ url: url('livecodebench'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(NetworkError);
    expect(slow instanceof NetworkError && slow.timedOut).toBe(true);
  });

  it('names the board, the file and the field of a malformed body', async () => {
    fake.failNext('/swebench/leaderboards.json', { kind: 'malformed' });
    const broken = await adaptersWith()
      .swebench.fetch({ url: url('swebench'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(BoardFormatError);
    expect(String(broken)).toContain('SWE-bench: malformed leaderboards.json: (root): the body is not JSON');

    fake.setFile('/evalplus/results.json', '{"m": {"pass@1": {"humaneval+": "high"}}}');
    const wrong = await adaptersWith()
      .evalplus.fetch({ url: url('evalplus'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(String(wrong)).toMatch(/EvalPlus: malformed results\.json: m\.pass@1\.humaneval\+: .*number/);

    fake.setFile(
      '/swebench/leaderboards.json',
      '{"leaderboards":[{"name":"Verified","results":[{"name":"x","folder":"f","resolved":140}]}]}',
    );
    const range = await adaptersWith()
      .swebench.fetch({ url: url('swebench'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(String(range)).toContain('leaderboards.0.results.0.resolved: score 140 is outside 0–100');
  });
});

describe('Artificial Analysis key', () => {
  it('is skipped without a key: no request is sent', async () => {
    const error = await adaptersWith()
      .artificialanalysis.fetch({ url: url('artificialanalysis'), validators: {}, now })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingKeyError);
    expect(fake.requestsTo(ARTIFICIAL_ANALYSIS_PATH)).toHaveLength(0);
  });

  it('sends the key in x-api-key, and a wrong key is a 401', async () => {
    const adapters = adaptersWith();
    const ok = await adapters.artificialanalysis.fetch({
      url: url('artificialanalysis'),
      validators: {},
      apiKey: 'aa-key',
      now,
    });
    expect(ok.rows.length).toBe(2);
    expect(fake.requestsTo(ARTIFICIAL_ANALYSIS_PATH)[0]?.headers['x-api-key']).toBe('aa-key');
    const wrong = await adapters.artificialanalysis
      .fetch({ url: url('artificialanalysis'), validators: {}, apiKey: 'nope', now })
      .catch((e: unknown) => e);
    expect(wrong instanceof HttpStatusError && wrong.status).toBe(401);
    expect(String(wrong)).not.toContain('nope');
  });
});
