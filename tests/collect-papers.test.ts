/**
 * The paper collect job against the arXiv fake: paging, versions, cross-lists, faults (error
 * feed, 503, malformed page), the OAI-PMH backfill, the rate limit, and the CLI end to end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArxivApiSource } from '../src/adapters/arxiv/arxiv-source.ts';
import { createArxivOaiSource } from '../src/adapters/arxiv/oai-source.ts';
import { createHttpClient } from '../src/http/http-client.ts';
import { silentLogger } from '../src/log/logger.ts';
import { type CollectDeps, CollectPapersError, CURSOR_KEY, collectPapers } from '../src/papers/collect.ts';
import { createKvStore } from '../src/store/kv-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import {
  type ArxivFake,
  type FakePaper,
  loadSharedPapers,
  makePaper,
  startArxivFake,
} from './fakes/arxiv-fake.ts';
import type { Fault } from './fakes/fake-server.ts';
import { runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const CATEGORIES = ['cs.AI', 'cs.CL', 'cs.CV'];
// Thursday 7 May 2026; the sample papers were submitted Monday 4 to Wednesday 6 May.
const NOW = new Date('2026-05-07T12:00:00Z');
const ERROR_FEED = readFileSync(
  new URL('./fixtures/arxiv/query_error_400_bad_id.xml', import.meta.url),
  'utf8',
);
const ATOM = 'application/atom+xml; charset=utf-8';

const tempDir = useTempDirs();
let fake: ArxivFake;
let stateDir: string;

beforeEach(async () => {
  fake = await startArxivFake({ papers: loadSharedPapers() });
  stateDir = tempDir();
});
afterEach(async () => {
  await fake.close();
});

interface SourceOptions {
  pageSize?: number;
  intervalSeconds?: number;
  oai?: boolean;
  timeoutMs?: number;
  /** Called when the client sends a request (after the rate limiter let it go). */
  onSend?: () => void;
}

function makeDeps(options: SourceOptions = {}): CollectDeps {
  const http = createHttpClient({
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    timeoutMs: options.timeoutMs ?? 5000,
    fetch: (input, init) => {
      options.onSend?.();
      return fetch(input, init);
    },
  });
  const logger = silentLogger();
  const common = { siteUrl: fake.url, requestIntervalSeconds: options.intervalSeconds ?? 0.01 };
  const source = options.oai
    ? createArxivOaiSource({ http, logger }, { ...common, oaiUrl: `${fake.url}/oai` })
    : createArxivApiSource(
        { http, logger },
        { ...common, apiUrl: `${fake.url}/api/query`, pageSize: options.pageSize ?? 10 },
      );
  return { source, papers: createPapersStore(stateDir), kv: createKvStore(stateDir), logger, now: () => NOW };
}

const collect = (deps: CollectDeps, flags: { since?: string; until?: string; categories?: string[] } = {}) =>
  collectPapers(deps, {
    categories: flags.categories ?? CATEGORIES,
    firstRunDays: 3,
    since: flags.since,
    until: flags.until,
  });

const wanted = (papers: readonly FakePaper[]): string[] =>
  papers
    .filter((p) => p.categories.some((c) => CATEGORIES.includes(c)))
    .map((p) => p.id)
    .sort();

const storedIds = async (): Promise<string[]> =>
  (await createPapersStore(stateDir).readAll()).map((p) => p.id).sort();

const cursor = () => createKvStore(stateDir).get(CURSOR_KEY);
const apiRequests = () => fake.requestsTo('/api/query');

describe('collect papers from the arXiv API', () => {
  it('pages through a window, writes every wanted paper once and advances the cursor', async () => {
    const expected = wanted(fake.papers());
    expect(expected.length).toBeGreaterThan(30);
    const result = await collect(makeDeps({ pageSize: 10 }));

    expect(result.window).toEqual({ since: '2026-05-04', until: '2026-05-07' });
    expect(result).toMatchObject({ added: expected.length, updated: 0, unchanged: 0, reason: undefined });
    expect(result.pages).toBe(Math.ceil(expected.length / 10));
    expect(apiRequests().map((r) => r.query.get('start'))).toEqual(
      Array.from({ length: result.pages }, (_, i) => String(i * 10)),
    );
    expect(apiRequests()[0]?.query.get('search_query')).toBe(
      '(cat:cs.AI OR cat:cs.CL OR cat:cs.CV) AND submittedDate:[202605040000 TO 202605072359]',
    );
    expect(await storedIds()).toEqual(expected);
    expect(await cursor()).toBe('2026-05-07');

    const again = await collect(makeDeps({ pageSize: 10 }));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: expected.length });
    expect(again.reason).toContain(`all ${expected.length} papers arXiv listed`);
  });

  it('updates the row when a newer version appears, never adding a second one', async () => {
    const [first] = fake.papers();
    if (!first) throw new Error('no sample paper');
    await collect(makeDeps());
    const revised: FakePaper = {
      ...first,
      version: 2,
      title: 'A Revised Title',
      updated: '2026-05-07T09:00:00Z',
    };
    fake.setPapers(fake.papers().map((p) => (p.id === first.id ? revised : p)));

    const result = await collect(makeDeps());
    expect(result).toMatchObject({ added: 0, updated: 1 });
    const rows = (await createPapersStore(stateDir).readAll()).filter((p) => p.id === first.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 2, title: 'A Revised Title', updated: '2026-05-07T09:00:00Z' });
    expect(rows[0]?.absUrl).toBe(`https://arxiv.org/abs/${first.id}v2`);
  });

  it('stores a paper cross-listed in several wanted categories once', async () => {
    fake.setPapers([
      makePaper({
        id: '2605.09001',
        categories: ['cs.AI', 'cs.CL', 'cs.CV'],
        published: '2026-05-05T10:00:00Z',
      }),
      makePaper({ id: '2605.09002', categories: ['cs.CL'], published: '2026-05-05T11:00:00Z' }),
      makePaper({ id: '2605.09003', categories: ['cs.CV', 'cs.AI'], published: '2026-05-06T11:00:00Z' }),
    ]);
    const result = await collect(makeDeps({ pageSize: 1 }));
    expect(result).toMatchObject({ added: 3, pages: 3 });
    const rows = await createPapersStore(stateDir).readAll();
    expect(rows.map((p) => p.id)).toEqual(['2605.09001', '2605.09002', '2605.09003']);
    expect(rows[0]?.categories).toEqual(['cs.AI', 'cs.CL', 'cs.CV']);
  });

  it('on an error feed for page 2 keeps page 1, leaves the cursor, and a re-run completes', async () => {
    const expected = wanted(fake.papers());
    fake.inject({
      fault: { kind: 'status', status: 400, body: ERROR_FEED, headers: { 'content-type': ATOM } },
      match: (req) => req.query.get('start') === '10',
    });
    const failed = collect(makeDeps({ pageSize: 10 }));
    await expect(failed).rejects.toThrow(CollectPapersError);
    await expect(failed).rejects.toThrow(
      /failed on page 2: arXiv answered with an error: incorrect id format for abc/,
    );
    await expect(failed).rejects.toThrow(/cursor stays at \(none\)/);
    expect(await storedIds()).toHaveLength(10);
    expect(await cursor()).toBeUndefined();

    const rerun = await collect(makeDeps({ pageSize: 10 }));
    expect(rerun).toMatchObject({ added: expected.length - 10, unchanged: 10 });
    expect(await storedIds()).toEqual(expected);
    expect(await cursor()).toBe('2026-05-07');
  });

  it.each([
    ['a 503', { kind: 'status', status: 503 }],
    ['a 429 with Retry-After', { kind: 'status', status: 429, retryAfter: 0.2 }],
    ['a timeout', { kind: 'delay', ms: 2000 }],
    ['a dropped connection', { kind: 'drop' }],
  ] satisfies Array<[string, Fault]>)('retries %s on page 2 and completes', async (_name, fault) => {
    fake.inject({ fault, match: (req) => req.query.get('start') === '10' });
    const result = await collect(makeDeps({ pageSize: 10, timeoutMs: 500 }));
    expect(result.added).toBe(wanted(fake.papers()).length);
    expect(apiRequests().filter((r) => r.query.get('start') === '10')).toHaveLength(2);
    expect(await cursor()).toBe('2026-05-07');
  });

  it('refuses a malformed page with a clear message and writes nothing for it', async () => {
    await createKvStore(stateDir).set({ [CURSOR_KEY]: '2026-05-01' });
    fake.inject({
      fault: { kind: 'malformed', body: "<?xml version='1.0'?><feed><entry><id>", contentType: ATOM },
      match: (req) => req.query.get('start') === '20',
    });
    const failed = collect(makeDeps({ pageSize: 10 }));
    await expect(failed).rejects.toThrow(/failed on page 3: arXiv sent a malformed page: invalid XML/);
    await expect(failed).rejects.toThrow(/cursor stays at 2026-05-01/);
    expect(await storedIds()).toHaveLength(20);
    expect(await cursor()).toBe('2026-05-01');
  });

  it('never moves the cursor back for a backfill of an older window', async () => {
    await createKvStore(stateDir).set({ [CURSOR_KEY]: '2026-05-07' });
    const result = await collect(makeDeps(), { since: '2026-05-04', until: '2026-05-04' });
    expect(result.added).toBe(
      wanted(fake.papers().filter((p) => p.published.startsWith('2026-05-04'))).length,
    );
    expect(result.added).toBeGreaterThan(0);
    expect(await cursor()).toBe('2026-05-07');
  });

  it('says why nothing is new for a weekend window', async () => {
    const result = await collect(makeDeps(), { since: '2026-05-02', until: '2026-05-03' });
    expect(result).toMatchObject({ added: 0, updated: 0, unchanged: 0 });
    expect(result.reason).toBe(
      'no new papers: arXiv listed no paper submitted 2026-05-02 → 2026-05-03 in cs.AI, cs.CL, cs.CV; ' +
        'the window covers only a weekend, and arXiv announces nothing on weekends.',
    );
  });

  it('spaces requests by the configured interval', async () => {
    const intervalMs = 500;
    const sends: number[] = [];
    const deps = makeDeps({
      pageSize: 12,
      intervalSeconds: intervalMs / 1000,
      onSend: () => sends.push(performance.now()),
    });
    // The source alone, pages handed to a no-op: without the limit the requests would come a few
    // milliseconds apart.
    const result = await deps.source.fetchWindow(
      { since: '2026-05-04', until: '2026-05-07' },
      CATEGORIES,
      async () => {},
    );
    expect(result.pages).toBeGreaterThanOrEqual(4);
    const gapsOf = (times: number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? 0));
    const showGaps = (gaps: number[]): string => `gaps ${gaps.map((g) => g.toFixed(1)).join(', ')} ms`;
    // The client sends a full interval apart (timers never fire early)...
    const sendGaps = gapsOf(sends);
    expect(Math.min(...sendGaps), showGaps(sendGaps)).toBeGreaterThanOrEqual(intervalMs - 1);
    // ...and the fake sees them arrive so, give or take loopback latency, which varied by up to
    // ~60 ms on a loaded 2-core machine. The first request also opens the connection (up to
    // ~100 ms late), so its gap is left to the send-side check above.
    const arrivalGaps = gapsOf(apiRequests().map((r) => r.receivedAt));
    expect(arrivalGaps).toHaveLength(result.pages - 1);
    expect(Math.min(...arrivalGaps.slice(1)), showGaps(arrivalGaps)).toBeGreaterThanOrEqual(intervalMs - 100);
  });
});

describe('collect papers through OAI-PMH', () => {
  it('follows resumption tokens and keeps only the wanted categories', async () => {
    fake.setOaiPageSize(7);
    const result = await collect(makeDeps({ oai: true }), { since: '2026-05-01', until: '2026-05-31' });
    const expected = wanted(fake.papers());
    expect(expected.length).toBeLessThan(fake.papers().length);
    expect(result.added).toBe(expected.length);
    expect(result.pages).toBe(Math.ceil(fake.papers().length / 7));
    expect(await storedIds()).toEqual(expected);

    const requests = fake.requestsTo('/oai');
    expect(Object.fromEntries(requests[0]?.query ?? [])).toEqual({
      verb: 'ListRecords',
      metadataPrefix: 'arXiv',
      from: '2026-05-01',
      until: '2026-05-31',
      set: 'cs',
    });
    for (const later of requests.slice(1))
      expect([...later.query.keys()]).toEqual(['verb', 'resumptionToken']);
    const stored = await createPapersStore(stateDir).get([expected[0] ?? '']);
    expect(stored.get(expected[0] ?? '')).toMatchObject({
      version: 1,
      absUrl: `${fake.url}/abs/${expected[0]}`,
    });
    expect(await cursor()).toBe('2026-05-31');
  });
});

describe('radar collect papers (CLI)', () => {
  it('collects through the real command and prints the counts; a bad date exits 2', async () => {
    const cwd = tempDir();
    const configFile = join(cwd, 'radar.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({ arxiv: { requestIntervalSeconds: 0.1, pageSize: 20, categories: CATEGORIES } }),
    );
    const env = { RADAR_ARXIV_API_URL: `${fake.url}/api/query` };
    const args = ['collect', 'papers', '--state', stateDir, '--config', configFile];

    const ok = await runCliAsync([...args, '--since', '2026-05-04', '--until', '2026-05-06'], { cwd, env });
    const count = wanted(fake.papers()).length;
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toBe(
      `new ${count}, updated 0, unchanged 0 (window 2026-05-04 → 2026-05-06, categories cs.AI, cs.CL, cs.CV)\n`,
    );
    expect(ok.status).toBe(0);
    expect(await storedIds()).toHaveLength(count);

    const bad = await runCliAsync([...args, '--since', '2026-5-4'], { cwd, env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--since must be a date as YYYY-MM-DD, got "2026-5-4"');
  });
});
