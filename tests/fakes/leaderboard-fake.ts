/**
 * A local host for leaderboard data: every file of tests/fixtures/leaderboards at a stable path
 * (LEADERBOARD_FILES), with ETag / Last-Modified and 304 answers to conditional requests, and
 * `setFile` to change a file between runs as a leaderboard update would. The Artificial Analysis
 * API path wants an `x-api-key` header. The LMArena path answers like the datasets-server `/rows`
 * API: pages of the rows fixture by `offset` and `length` (at most 100, else 422). LiveBench is a
 * site: `/livebench/` is its index.html, which names the app bundle that carries the release date.
 * `failNext` injects faults (429 + Retry-After, 5xx, a slow answer, a malformed body, a dropped
 * connection) on one path; `latencyMs` delays every answer, as a real host would.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type FakeResponse,
  type FakeServer,
  type Fault,
  type RecordedRequest,
  startFakeServer,
} from './fake-server.ts';

/** Fake path → fixture file under tests/fixtures/leaderboards. */
export const LEADERBOARD_FILES = {
  '/swebench/leaderboards.json': 'swebench_leaderboards_TRIMMED.json',
  '/evalplus/results.json': 'evalplus_results_TRIMMED.json',
  '/livebench/table.csv': 'livebench_table_2026_01_08_TRIMMED.csv',
  '/livebench/categories.json': 'livebench_categories_2026_01_08.json',
  '/livebench/': 'livebench_index.html',
  '/livebench/static/js/main.b0448181.js': 'livebench_main.b0448181_TRIMMED.js.txt',
  '/livebench/table_2026_01_08.csv': 'livebench_table_2026_01_08_TRIMMED.csv',
  '/livebench/categories_2026_01_08.json': 'livebench_categories_2026_01_08.json',
  '/livecodebench/performances_generation.json': 'livecodebench_performances_generation_TRIMMED.json',
  '/bigcodebench/results.json': 'bigcodebench_results_TRIMMED.json',
  '/bigcodebench/results-hard.json': 'bigcodebench_results_hard_TRIMMED.json',
  '/openrouter/api/v1/models': 'openrouter_models_list_COMPOSED.json',
  '/openrouter/api/v1/models/count': 'openrouter_models_count_doc.json',
  '/openrouter/api/v1/models/openai/gpt-4/endpoints': 'openrouter_model_endpoints_doc.json',
  '/artificialanalysis/api/v2/data/llms/models': 'artificial_analysis_llms_models_CONSTRUCTED.json',
} as const;

export type LeaderboardPath = keyof typeof LEADERBOARD_FILES;

export const ARTIFICIAL_ANALYSIS_PATH = '/artificialanalysis/api/v2/data/llms/models';

/** The datasets-server `/rows` path; the rows come from LMARENA_ROWS_FIXTURE. */
export const LMARENA_ROWS_PATH = '/lmarena/rows';
const LMARENA_ROWS_FIXTURE = 'lmarena_text_latest_rows_CONSTRUCTED.json';

/** The configured URL of every board against a fake at `base`. */
export function leaderboardUrls(base: string): Record<string, string> {
  return {
    swebench: `${base}/swebench/leaderboards.json`,
    evalplus: `${base}/evalplus/results.json`,
    livebench: `${base}/livebench/`,
    livecodebench: `${base}/livecodebench/performances_generation.json`,
    bigcodebench: `${base}/bigcodebench/results.json`,
    lmarena: `${base}${LMARENA_ROWS_PATH}?dataset=lmarena-ai%2Fleaderboard-dataset&config=text&split=latest&offset=0&length=100`,
    openrouter: `${base}/openrouter/api/v1/models`,
    artificialanalysis: `${base}${ARTIFICIAL_ANALYSIS_PATH}`,
  };
}

export interface LeaderboardFakeOptions {
  /** The key the Artificial Analysis path accepts; default 'test-aa-key'. */
  artificialAnalysisKey?: string;
  /** Quote a refused key back in the 401 message, as talkative APIs do. */
  echoRefusedKey?: boolean;
  /** Every answer waits this long, as a real host's round trip would; default 0. */
  latencyMs?: number;
}

export interface LeaderboardFake extends FakeServer {
  /** Replaces (or adds) the body at `path`; its ETag and Last-Modified change with it. */
  setFile(path: string, body: string | Buffer, contentType?: string): void;
  removeFile(path: string): void;
  /** The current body at `path`, as text. */
  file(path: string): string | undefined;
  /** The next `times` requests to `path` get `fault` instead of the file. */
  failNext(path: string, fault: Fault, times?: number): void;
}

interface Entry {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: string;
}

/** The recorded file behind a fake path, as served before any `setFile`. */
export function readLeaderboardFixture(path: LeaderboardPath): string {
  return readFixtureText(LEADERBOARD_FILES[path]);
}

function readFixtureText(fileName: string): string {
  return readFileSync(new URL(`../fixtures/leaderboards/${fileName}`, import.meta.url), 'utf8');
}

function contentTypeFor(path: string): string {
  if (path.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (path.endsWith('/') || path.endsWith('.html')) return 'text/html; charset=utf-8';
  if (path.endsWith('.js')) return 'application/javascript; charset=utf-8';
  return 'application/json; charset=utf-8';
}

interface RowsPage {
  rows: unknown[];
  [key: string]: unknown;
}

/** One page of the datasets-server `/rows` answer, or its 422 for a bad offset or length. */
function rowsPage(all: RowsPage, req: RecordedRequest): FakeResponse {
  const offset = Number(req.query.get('offset') ?? '0');
  const length = Number(req.query.get('length') ?? '100');
  if (!req.query.get('dataset') || !req.query.get('config') || !req.query.get('split')) {
    return { status: 422, body: { error: "Parameters 'dataset', 'config' and 'split' are required" } };
  }
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 0 || length > 100) {
    return { status: 422, body: { error: "Parameter 'length' must not be greater than 100" } };
  }
  return { body: { ...all, rows: all.rows.slice(offset, offset + length), num_rows_per_page: 100 } };
}

export async function startLeaderboardFake(options: LeaderboardFakeOptions = {}): Promise<LeaderboardFake> {
  const server = await startFakeServer('leaderboards');
  const apiKey = options.artificialAnalysisKey ?? 'test-aa-key';
  const files = new Map<string, Entry>();
  // A clock that moves one second per change, so Last-Modified always advances.
  let modifiedAt = Date.parse('2026-01-08T00:00:00Z');

  const setFile = (path: string, body: string | Buffer, contentType?: string): void => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    modifiedAt += 1000;
    files.set(path, {
      body: bytes,
      contentType: contentType ?? contentTypeFor(path),
      etag: `"${createHash('sha1').update(bytes).digest('hex')}"`,
      lastModified: new Date(modifiedAt).toUTCString(),
    });
  };
  for (const [path, fileName] of Object.entries(LEADERBOARD_FILES)) setFile(path, readFixtureText(fileName));

  setFile(LMARENA_ROWS_PATH, readFixtureText(LMARENA_ROWS_FIXTURE));
  const latencyMs = options.latencyMs ?? 0;

  server.route('GET', '/*', async (req) => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (req.path === ARTIFICIAL_ANALYSIS_PATH && req.headers['x-api-key'] !== apiKey) {
      const given = options.echoRefusedKey ? `: ${String(req.headers['x-api-key'] ?? '')}` : '';
      return {
        status: 401,
        body: { status: 401, message: `Invalid or missing API key (x-api-key header)${given}` },
      };
    }
    const stored = files.get(req.path);
    if (stored && req.path === LMARENA_ROWS_PATH) {
      const page = rowsPage(JSON.parse(stored.body.toString('utf8')) as RowsPage, req);
      if (page.status) return page;
      const body = Buffer.from(JSON.stringify(page.body));
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
      return { headers: { etag, 'content-type': 'application/json' }, body };
    }
    const entry = stored;
    if (!entry) return { status: 404, headers: { 'content-type': 'text/plain' }, body: '404: Not Found' };
    const validators = { etag: entry.etag, 'last-modified': entry.lastModified };
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const unchanged =
      ifNoneMatch !== undefined
        ? ifNoneMatch.split(',').some((tag) => tag.trim() === entry.etag)
        : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(entry.lastModified);
    if (unchanged) return { status: 304, headers: validators };
    return { headers: { ...validators, 'content-type': entry.contentType }, body: entry.body };
  });

  return Object.assign(server, {
    setFile,
    removeFile(path: string) {
      files.delete(path);
    },
    file(path: string) {
      return files.get(path)?.body.toString('utf8');
    },
    failNext(path: string, fault: Fault, times = 1) {
      server.inject({ fault, times, match: (req) => req.path === path });
    },
  });
}
