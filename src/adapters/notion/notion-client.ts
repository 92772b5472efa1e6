/**
 * The Notion API as the radar uses it: the official SDK with its own retries turned off, every
 * call paced by one shared token bucket and retried by the app's one retry helper (429 with
 * Retry-After, 5xx, timeouts, network errors). One policy, in one place.
 */
import { Client, isHTTPResponseError, RequestTimeoutError } from '@notionhq/client';
import { RadarError } from '../../core/errors.ts';
import { createRateLimiter, type RateLimiter } from '../../http/rate-limiter.ts';
import { parseRetryAfter, type RetryDecision, type RetryOptions, withRetries } from '../../http/retry.ts';
import type { Logger } from '../../log/logger.ts';

/** Notion answered with an error, or never answered; carries no token. */
export class NotionError extends RadarError {
  constructor(
    readonly operation: string,
    readonly status: number | undefined,
    readonly code: string,
    message: string,
    cause: unknown,
  ) {
    super(`notion ${operation}: ${status === undefined ? '' : `${status} `}${code}: ${message}`, { cause });
  }
}

export interface NotionApi {
  /** Runs `fn` with the client: paced by the shared limiter (every attempt), retried on transient failures. */
  call<T>(operation: string, fn: (client: Client) => Promise<T>): Promise<T>;
}

export interface NotionApiOptions {
  token: string;
  baseUrl: string;
  requestsPerSecond: number;
  /** Requests allowed at once before pacing starts; default 1 (Notion averages, bursts risk 429s). */
  burst?: number;
  timeoutMs?: number;
  retry?: Partial<Omit<RetryOptions, 'signal'>>;
  limiter?: RateLimiter;
  /** The fetch the SDK uses; default the global one. */
  fetch?: NonNullable<ConstructorParameters<typeof Client>[0]>['fetch'];
  logger: Logger;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  if (typeof headers === 'object' && headers !== null) {
    const value: unknown = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** A network failure from fetch (connection refused or reset): Node's fetch throws a TypeError. */
function isNetworkError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /fetch failed|network|socket|ECONN/i.test(`${error.message} ${String(error.cause)}`)
  );
}

export function classifyNotionError(error: unknown): RetryDecision {
  if (isHTTPResponseError(error)) {
    if (error.status === 429) {
      return { retry: true, retryAfterMs: parseRetryAfter(headerOf(error.headers, 'retry-after')) };
    }
    return { retry: error.status >= 500 || error.code === 'conflict_error' };
  }
  return { retry: error instanceof RequestTimeoutError || isNetworkError(error) };
}

/**
 * Whether a failed write may nonetheless have been applied by Notion: the request went out and
 * no definite answer came back. A create retried after such a failure must look first.
 */
export function mayHaveApplied(error: unknown): boolean {
  if (isHTTPResponseError(error)) return error.status === 500 || error.status === 502 || error.status === 504;
  return error instanceof RequestTimeoutError || isNetworkError(error);
}

export function toNotionError(operation: string, error: unknown): NotionError {
  if (error instanceof NotionError) return error;
  if (isHTTPResponseError(error))
    return new NotionError(operation, error.status, error.code, error.message, error);
  if (error instanceof RequestTimeoutError)
    return new NotionError(operation, undefined, error.code, error.message, error);
  const message = error instanceof Error ? error.message : String(error);
  return new NotionError(
    operation,
    undefined,
    isNetworkError(error) ? 'network_error' : 'error',
    message,
    error,
  );
}

export function createNotionApi(options: NotionApiOptions): NotionApi {
  const log = options.logger.child({ module: 'notion' });
  const client = new Client({
    auth: options.token,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 60_000,
    retry: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // The SDK warns on every failed request; our retry helper logs what matters.
    logger: (level, message, extra) => log.debug({ sdkLevel: level, sdk: extra }, message),
  });
  const limiter =
    options.limiter ??
    createRateLimiter({ ratePerSecond: options.requestsPerSecond, burst: options.burst ?? 1 });
  const retry: Omit<RetryOptions, 'signal'> = {
    retries: 6,
    baseDelayMs: 1_000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 300_000,
    ...options.retry,
  };
  return {
    async call(operation, fn) {
      try {
        return await withRetries(
          async () => {
            await limiter.acquire();
            return fn(client);
          },
          classifyNotionError,
          {
            ...retry,
            onRetry: ({ attempt, delayMs, error }) =>
              log.warn(
                { operation, attempt, delayMs, error: toNotionError(operation, error).message },
                'notion call failed, retrying',
              ),
          },
        );
      } catch (error) {
        throw toNotionError(operation, error);
      }
    },
  };
}
