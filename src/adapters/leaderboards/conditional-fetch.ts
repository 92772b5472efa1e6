/**
 * Conditional GETs of a board's files through the project's HTTP client: If-None-Match and
 * If-Modified-Since from the previous fetch's validators, the new validators kept per URL, and
 * the sha256 of every file's raw bytes in the order they were asked for.
 */
import { createHash } from 'node:crypto';
import type { HttpClient } from '../../http/http-client.ts';
import type { BoardFetch } from '../../leaderboards/leaderboard-row.ts';

type Validators = BoardFetch['validators'];

interface FetchedFiles {
  files: Map<string, Uint8Array>;
  validators: Validators;
  /** Every file answered 304. */
  notModified: boolean;
}

interface ConditionalFetchOptions {
  operation: string;
  validators: Validators;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface One {
  url: string;
  bytes: Uint8Array | undefined;
  validator: Validators[string];
}

async function getOne(
  http: HttpClient,
  url: string,
  options: ConditionalFetchOptions,
  conditional: boolean,
): Promise<One> {
  const previous = conditional ? options.validators[url] : undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  const response = await http.request(url, {
    operation: options.operation,
    headers,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const etag = response.headers.get('etag') ?? previous?.etag;
  const lastModified = response.headers.get('last-modified') ?? previous?.lastModified;
  const validator = {
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
  };
  return { url, bytes: response.status === 304 ? undefined : response.bytes(), validator };
}

/**
 * Fetches `urls` concurrently (the client's per-host limit paces them). When only some answer 304,
 * those are fetched again without validators: rows are parsed from a complete set of files.
 */
export async function fetchConditionally(
  http: HttpClient,
  urls: readonly string[],
  options: ConditionalFetchOptions,
): Promise<FetchedFiles> {
  const first = await Promise.all(urls.map((url) => getOne(http, url, options, true)));
  const notModified = first.every((one) => one.bytes === undefined);
  const complete = notModified
    ? first
    : await Promise.all(first.map((one) => (one.bytes ? one : getOne(http, one.url, options, false))));
  const files = new Map<string, Uint8Array>();
  const validators: Validators = {};
  for (const one of complete) {
    if (one.bytes) files.set(one.url, one.bytes);
    if (one.validator.etag || one.validator.lastModified) validators[one.url] = one.validator;
  }
  return { files, validators, notModified };
}

/** sha256 over every file's bytes in the map's order; an empty map hashes to the hash of nothing. */
export function hashFiles(files: ReadonlyMap<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const bytes of files.values()) hash.update(bytes);
  return hash.digest('hex');
}
