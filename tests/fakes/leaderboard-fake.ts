/**
 * A local host for leaderboard data: every file of tests/fixtures/leaderboards at a stable path
 * (LEADERBOARD_FILES), with ETag / Last-Modified and 304 answers to conditional requests, and
 * `setFile` to change a file between runs as a leaderboard update would. The Artificial Analysis
 * API path wants an `x-api-key` header.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type FakeServer, startFakeServer } from './fake-server.ts';

/** Fake path → fixture file under tests/fixtures/leaderboards. */
export const LEADERBOARD_FILES = {
  '/swebench/leaderboards.json': 'swebench_leaderboards_TRIMMED.json',
  '/evalplus/results.json': 'evalplus_results_TRIMMED.json',
  '/livebench/table.csv': 'livebench_table_2026_01_08_TRIMMED.csv',
  '/livebench/categories.json': 'livebench_categories_2026_01_08.json',
  '/livecodebench/performances_generation.json': 'livecodebench_performances_generation_TRIMMED.json',
  '/bigcodebench/results.json': 'bigcodebench_results_analysis.json',
  '/openrouter/api/v1/models': 'openrouter_models_list_doc.json',
  '/openrouter/api/v1/models/count': 'openrouter_models_count_doc.json',
  '/openrouter/api/v1/models/openai/gpt-4/endpoints': 'openrouter_model_endpoints_doc.json',
  '/artificialanalysis/api/v2/data/llms/models': 'artificial_analysis_llms_models_CONSTRUCTED.json',
} as const;

export type LeaderboardPath = keyof typeof LEADERBOARD_FILES;

export const ARTIFICIAL_ANALYSIS_PATH = '/artificialanalysis/api/v2/data/llms/models';

export interface LeaderboardFakeOptions {
  /** The key the Artificial Analysis path accepts; default 'test-aa-key'. */
  artificialAnalysisKey?: string;
}

export interface LeaderboardFake extends FakeServer {
  /** Replaces (or adds) the body at `path`; its ETag and Last-Modified change with it. */
  setFile(path: string, body: string | Buffer, contentType?: string): void;
  removeFile(path: string): void;
  /** The current body at `path`, as text. */
  file(path: string): string | undefined;
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
  return path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
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

  server.route('GET', '/*', (req) => {
    if (req.path === ARTIFICIAL_ANALYSIS_PATH && req.headers['x-api-key'] !== apiKey) {
      return { status: 401, body: { status: 401, message: 'Invalid or missing API key (x-api-key header)' } };
    }
    const entry = files.get(req.path);
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
  });
}
