/**
 * The `fetch` the Hub client is given: each request waits for the Hub's rate limit, and 429s, 5xx
 * answers and network failures are retried through the app's one retry helper (Retry-After
 * honoured). A commit is retried only on 429: a 5xx may hide a commit that landed, and sending it
 * again would be refused as a moved parent anyway. When retries run out the last answer is
 * handed back to the client, which turns it into its own error.
 */

import type { HostLimit } from '../../http/http-client.ts';
import { createRateLimiter } from '../../http/rate-limiter.ts';
import { parseRetryAfter, type RetryOptions, withRetries } from '../../http/retry.ts';
import type { Logger } from '../../log/logger.ts';

export interface HubFetchOptions {
  fetch?: typeof fetch;
  limit?: HostLimit;
  retry?: Partial<RetryOptions>;
  logger?: Logger;
  signal?: AbortSignal;
  /** Per attempt of an API call (default 60 s); uploads and the commit get ten times as long. */
  timeoutMs?: number;
}

class RetryableAnswer extends Error {
  constructor(
    readonly response: Response,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`the Hub answered ${response.status}`);
  }
}

class RetryableNetworkFailure extends Error {}

const DEFAULT_RETRY: RetryOptions = {
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

export function createHubFetch(options: HubFetchOptions = {}): typeof fetch {
  const doFetch = options.fetch ?? fetch;
  const limiter = createRateLimiter(options.limit ?? { ratePerSecond: 10, burst: 10 });
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const hubFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = urlOf(input);
    const method = (init?.method ?? 'GET').toUpperCase();
    const isCommit = method === 'POST' && /\/api\/[a-z]+s\/.+\/commit\//.test(url);
    const signal =
      options.signal && init?.signal
        ? AbortSignal.any([options.signal, init.signal])
        : (options.signal ?? init?.signal ?? undefined);
    const attempt = async (): Promise<Response> => {
      await limiter.acquire(signal);
      // Bounds the wait for the answer's head; a body then streams as long as it takes (large shards).
      const base = options.timeoutMs ?? 60_000;
      const timeout = new AbortController();
      const timer = setTimeout(
        () => timeout.abort(new Error('no answer in time')),
        method === 'GET' ? base : base * 10,
      );
      let response: Response;
      try {
        response = await doFetch(input, {
          ...init,
          signal: signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal,
        });
      } catch (error) {
        if (signal?.aborted || isCommit) throw error;
        throw new RetryableNetworkFailure(error instanceof Error ? error.message : String(error), {
          cause: error,
        });
      } finally {
        clearTimeout(timer);
      }
      if (response.status === 429 || (!isCommit && response.status >= 500))
        throw new RetryableAnswer(response, parseRetryAfter(response.headers.get('retry-after')));
      return response;
    };
    try {
      return await withRetries(
        attempt,
        (error) =>
          error instanceof RetryableAnswer
            ? { retry: true, retryAfterMs: error.retryAfterMs }
            : { retry: error instanceof RetryableNetworkFailure },
        {
          ...retry,
          ...(signal ? { signal } : {}),
          onRetry: ({ attempt: n, delayMs, error }) => {
            if (error instanceof RetryableAnswer) void error.response.body?.cancel();
            options.logger?.warn(
              {
                operation: `Hub ${method} ${new URL(url).pathname}`,
                attempt: n,
                delayMs,
                error: error instanceof Error ? error.message : String(error),
              },
              'retrying request',
            );
          },
        },
      );
    } catch (error) {
      if (error instanceof RetryableAnswer) return error.response;
      if (error instanceof RetryableNetworkFailure) throw error.cause;
      throw error;
    }
  };
  return hubFetch as typeof fetch;
}
