import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpStatusError } from '../../src/http/errors.ts';
import { createHttpClient } from '../../src/http/http-client.ts';
import {
  ARTIFICIAL_ANALYSIS_PATH,
  LEADERBOARD_FILES,
  type LeaderboardFake,
  type LeaderboardPath,
  LMARENA_ROWS_PATH,
  readLeaderboardFixture,
  startLeaderboardFake,
} from './leaderboard-fake.ts';

const client = createHttpClient({ retry: { retries: 0 }, timeoutMs: 5000 });
let fake: LeaderboardFake;
beforeAll(async () => {
  fake = await startLeaderboardFake();
});
afterAll(() => fake.close());

const paths = Object.keys(LEADERBOARD_FILES).filter((p): p is LeaderboardPath => p in LEADERBOARD_FILES);

describe('leaderboard fake', () => {
  it('serves every fixture at its path, byte for byte', async () => {
    for (const path of paths) {
      const headers: Record<string, string> =
        path === ARTIFICIAL_ANALYSIS_PATH ? { 'x-api-key': 'test-aa-key' } : {};
      const response = await client.request(`${fake.url}${path}`, { operation: 'leaderboard', headers });
      expect(response.text()).toBe(readLeaderboardFixture(path));
      const type = path.endsWith('.csv')
        ? 'text/csv'
        : path.endsWith('/')
          ? 'text/html'
          : path.endsWith('.js')
            ? 'application/javascript'
            : 'application/json';
      expect(response.headers.get('content-type')).toContain(type);
    }
  });

  it('serves parseable data in the recorded shapes', async () => {
    const swe = await client.getJson(
      `${fake.url}/swebench/leaderboards.json`,
      z.object({
        leaderboards: z.array(
          z.object({ name: z.string(), results: z.array(z.looseObject({ name: z.string() })) }),
        ),
      }),
      { operation: 'SWE-bench' },
    );
    expect(swe.leaderboards.map((b) => b.name)).toContain('Verified');
    const csv = await client.getText(`${fake.url}/livebench/table.csv`, { operation: 'LiveBench' });
    const rows = z
      .array(z.record(z.string(), z.string()))
      .parse(parse(csv, { columns: true, relax_column_count: true }));
    expect(rows).toHaveLength(41);
    expect(rows[0]).toHaveProperty('model');
  });

  it('wants an x-api-key on the Artificial Analysis path', async () => {
    const error = await client
      .getText(`${fake.url}${ARTIFICIAL_ANALYSIS_PATH}`, { operation: 'AA' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error instanceof HttpStatusError && error.status).toBe(401);
    const wrong = await client.request(`${fake.url}${ARTIFICIAL_ANALYSIS_PATH}`, {
      operation: 'AA',
      headers: { 'x-api-key': 'nope' },
      acceptStatus: [401],
    });
    expect(wrong.status).toBe(401);
  });

  it('changes a file with setFile, with new validators, and answers 304 while unchanged', async () => {
    const url = `${fake.url}/evalplus/results.json`;
    const first = await client.request(url, { operation: 'EvalPlus' });
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const cached = await client.request(url, { operation: 'EvalPlus', headers: { 'if-none-match': etag } });
    expect(cached.status).toBe(304);
    expect(cached.text()).toBe('');
    const byDate = await client.request(url, {
      operation: 'EvalPlus',
      headers: { 'if-modified-since': lastModified },
    });
    expect(byDate.status).toBe(304);

    const updated = {
      'new-model': { link: 'https://example.org', 'open-data': 'Full', 'pass@1': { humaneval: 99 } },
    };
    fake.setFile('/evalplus/results.json', JSON.stringify(updated));
    const changed = await client.request(url, { operation: 'EvalPlus', headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.text())).toEqual(updated);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(changed.headers.get('last-modified') ?? '')).toBeGreaterThan(Date.parse(lastModified));
  });

  it('answers 404 for unknown and removed files', async () => {
    fake.removeFile('/bigcodebench/results.json');
    for (const path of ['/bigcodebench/results.json', '/nothing/here.json']) {
      const response = await client.request(`${fake.url}${path}`, { operation: 'lb', acceptStatus: [404] });
      expect(response.status).toBe(404);
    }
  });

  it('pages the Arena rows like the datasets-server /rows API and refuses a page over 100', async () => {
    const Page = z.object({ rows: z.array(z.object({ row_idx: z.number() })), num_rows_total: z.number() });
    const base = `${fake.url}${LMARENA_ROWS_PATH}?dataset=lmarena-ai%2Fleaderboard-dataset&config=text&split=latest`;
    const first = await client.getJson(`${base}&offset=0&length=5`, Page, { operation: 'rows' });
    const second = await client.getJson(`${base}&offset=5&length=5`, Page, { operation: 'rows' });
    expect(first.num_rows_total).toBe(14);
    expect(first.rows.map((r) => r.row_idx)).toEqual([0, 1, 2, 3, 4]);
    expect(second.rows.map((r) => r.row_idx)).toEqual([5, 6, 7, 8, 9]);
    const tooLong = await client.request(`${base}&offset=0&length=101`, {
      operation: 'rows',
      acceptStatus: [422],
    });
    expect(tooLong.status).toBe(422);
  });

  it('injects faults on one path only, then serves the file again', async () => {
    const path = '/evalplus/results.json';
    fake.failNext(path, { kind: 'status', status: 429, retryAfter: 7 });
    const limited = await client.request(`${fake.url}${path}`, { operation: 'lb', acceptStatus: [429] });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    const other = await client.request(`${fake.url}/swebench/leaderboards.json`, { operation: 'lb' });
    expect(other.status).toBe(200);
    fake.failNext(path, { kind: 'malformed', body: '{"cut' });
    expect((await client.request(`${fake.url}${path}`, { operation: 'lb' })).text()).toBe('{"cut');
    expect((await client.request(`${fake.url}${path}`, { operation: 'lb' })).status).toBe(200);
  });
});
