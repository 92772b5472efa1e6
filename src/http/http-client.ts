/**
 * The HTTP layer for every plain-fetch source (arXiv, Hugging Face, GitHub, leaderboards):
 * a timeout per attempt, retries through the one retry helper, a per-host rate limit,
 * a descriptive User-Agent, and typed errors that tell an error answer from a network failure.
 */
import type { z } from 'zod';
import type { Logger } from '../log/logger.ts';
import { HttpStatusError, MalformedResponseError, NetworkError, safeUrl } from './errors.ts';
import { createRateLimiter, type RateLimiter } from './rate-limiter.ts';
import { parseRetryAfter, type RetryDecision, type RetryOptions, withRetries } from './retry.ts';

export const USER_AGENT = 'research-radar/0.1 (+https://github.com/research-radar; personal research digest)';

export interface HostLimit {
  ratePerSecond: number;
  burst?: number;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  userAgent?: string;
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Rate limits keyed by host (`export.arxiv.org`, `127.0.0.1:4312`). */
  hostLimits?: Record<string, HostLimit>;
  logger?: Logger;
  /** Stops every request of this client (a run's stop signal), in flight or waiting to retry. */
  signal?: AbortSignal;
}

export interface RequestOptions {
  /** Names the call in errors and logs, e.g. "arXiv query". */
  operation: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Status codes the caller handles itself instead of getting an HttpStatusError. */
  acceptStatus?: readonly number[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  url: string;
  text(): string;
  bytes(): Uint8Array;
}

export interface HttpClient {
  request(url: string, options: RequestOptions): Promise<HttpResponse>;
  getText(url: string, options: RequestOptions): Promise<string>;
  getJson<T>(url: string, schema: z.ZodType<T>, options: RequestOptions): Promise<T>;
  /** Sets or replaces the rate limit of one host. */
  limitHost(host: string, limit: HostLimit): void;
}

const DEFAULT_RETRY: RetryOptions = {
  retries: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/**
 * The start of an error body, readable: XML and HTML error pages (arXiv's error feed, proxies'
 * pages) put their message after hundreds of characters of markup, so tags are dropped first.
 */
export function bodySnippet(text: string, max = 300): string {
  const trimmed = text.trimStart();
  const readable = trimmed.startsWith('<')
    ? trimmed
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    : trimmed;
  return readable.replace(/\s+/g, ' ').trim().slice(0, max);
}

function classify(error: unknown): RetryDecision {
  if (error instanceof HttpStatusError) return { retry: error.retryable, retryAfterMs: error.retryAfterMs };
  if (error instanceof NetworkError) return { retry: true };
  return { retry: false };
}

/** The request's signal combined with the client's. */
function withClientSignal(request: RequestOptions, signal: AbortSignal | undefined): RequestOptions {
  if (!signal) return request;
  return { ...request, signal: request.signal ? AbortSignal.any([request.signal, signal]) : signal };
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? fetch;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const limiters = new Map<string, RateLimiter>();
  for (const [host, limit] of Object.entries(options.hostLimits ?? {}))
    limiters.set(host, createRateLimiter(limit));

  const attempt = async (url: string, req: RequestOptions): Promise<HttpResponse> => {
    const request = withClientSignal(req, options.signal);
    const host = new URL(url).host;
    await limiters.get(host)?.acquire(request.signal);
    const timeout = AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs ?? 30_000);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    let body: Uint8Array;
    try {
      response = await doFetch(url, {
        method: request.method ?? 'GET',
        headers: { 'user-agent': options.userAgent ?? USER_AGENT, ...request.headers },
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal,
      });
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw new NetworkError(request.operation, safeUrl(url), timeout.aborted, error);
    }
    const text = (): string => new TextDecoder().decode(body);
    if (response.status >= 400 && !request.acceptStatus?.includes(response.status)) {
      throw new HttpStatusError(
        request.operation,
        response.status,
        safeUrl(url),
        bodySnippet(text()),
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    return {
      status: response.status,
      headers: response.headers,
      url: response.url || url,
      text,
      bytes: () => body,
    };
  };

  const request = (url: string, given: RequestOptions): Promise<HttpResponse> => {
    const req = withClientSignal(given, options.signal);
    return withRetries(() => attempt(url, req), classify, {
      ...retry,
      ...(req.signal ? { signal: req.signal } : {}),
      onRetry: ({ attempt: n, delayMs, error }) =>
        options.logger?.warn(
          {
            operation: req.operation,
            attempt: n,
            delayMs,
            error: error instanceof Error ? error.message : String(error),
          },
          'retrying request',
        ),
    });
  };

  return {
    request,
    async getText(url, req) {
      return (await request(url, req)).text();
    },
    async getJson(url, schema, req) {
      const text = (
        await request(url, { ...req, headers: { accept: 'application/json', ...req.headers } })
      ).text();
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new MalformedResponseError(req.operation, safeUrl(url), 'the body is not JSON');
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new MalformedResponseError(
          req.operation,
          safeUrl(url),
          `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
        );
      }
      return parsed.data;
    },
    limitHost(host, limit) {
      limiters.set(host, createRateLimiter(limit));
    },
  };
}
