import { APIErrorCode, APIResponseError, RequestTimeoutError } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { classifyNotionError, mayHaveApplied, toNotionError } from './notion-client.ts';

const apiError = (status: number, code: APIErrorCode, headers: Record<string, string> = {}) =>
  new APIResponseError({
    code,
    status,
    message: `${code}!`,
    headers: new Headers(headers),
    rawBodyText: '',
    additional_data: undefined,
    request_id: undefined,
  });

describe('notion retry policy', () => {
  it('retries 429 after its Retry-After, 5xx and conflicts with backoff, timeouts and network errors; not validation errors', () => {
    expect(classifyNotionError(apiError(429, APIErrorCode.RateLimited, { 'retry-after': '2' }))).toEqual({
      retry: true,
      retryAfterMs: 2000,
    });
    expect(classifyNotionError(apiError(503, APIErrorCode.ServiceUnavailable))).toEqual({ retry: true });
    expect(classifyNotionError(apiError(409, APIErrorCode.ConflictError))).toEqual({ retry: true });
    expect(classifyNotionError(apiError(400, APIErrorCode.ValidationError))).toEqual({ retry: false });
    expect(classifyNotionError(new RequestTimeoutError())).toEqual({ retry: true });
    expect(classifyNotionError(new TypeError('fetch failed', { cause: new Error('ECONNRESET') }))).toEqual({
      retry: true,
    });
    expect(classifyNotionError(new Error('bug'))).toEqual({ retry: false });
  });

  it('treats a timeout, a network error or a 500 as possibly applied, a 429 or 503 as not', () => {
    expect(mayHaveApplied(new RequestTimeoutError())).toBe(true);
    expect(mayHaveApplied(apiError(500, APIErrorCode.InternalServerError))).toBe(true);
    expect(mayHaveApplied(apiError(429, APIErrorCode.RateLimited))).toBe(false);
    expect(mayHaveApplied(apiError(503, APIErrorCode.ServiceUnavailable))).toBe(false);
  });

  it('turns SDK errors into NotionError with status and code', () => {
    const error = toNotionError('pages.create', apiError(400, APIErrorCode.ValidationError));
    expect(error.message).toBe('notion pages.create: 400 validation_error: validation_error!');
    expect(error.status).toBe(400);
  });
});
