import { RadarError } from '../core/errors.ts';

/** The server answered, with an error status. */
export class HttpStatusError extends RadarError {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly url: string,
    readonly bodySnippet: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super(`${operation}: the server answered ${status} for ${url}${bodySnippet ? `: ${bodySnippet}` : ''}`);
  }

  get retryable(): boolean {
    return this.status === 429 || this.status === 408 || this.status >= 500;
  }
}

/** The request never got an answer: connection refused or reset, DNS, or a timeout. */
export class NetworkError extends RadarError {
  constructor(
    readonly operation: string,
    readonly url: string,
    readonly timedOut: boolean,
    cause: unknown,
  ) {
    const why = timedOut ? 'timed out' : `failed (${cause instanceof Error ? cause.message : String(cause)})`;
    super(`${operation}: the request to ${url} ${why}`, { cause });
  }
}

/** The server answered 2xx with a body that is not what the API promises. */
export class MalformedResponseError extends RadarError {
  constructor(
    readonly operation: string,
    readonly url: string,
    reason: string,
  ) {
    super(`${operation}: malformed response from ${url}: ${reason}`);
  }
}

/** Drops query strings, which may carry tokens, from URLs that go into messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split('?')[0] ?? url;
  }
}
