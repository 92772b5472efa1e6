/**
 * Feishu failures: the SDK throws axios errors for non-2xx answers (`response.status`, `.data.code`)
 * and returns `{code != 0}` bodies for some API errors. This module tells them apart for the retry
 * helper and turns them into FeishuApiError (code, msg, operation; never a token).
 */
import { z } from 'zod';
import { RadarError } from '../../core/errors.ts';
import { parseRetryAfter, type RetryDecision } from '../../http/retry.ts';

export class FeishuApiError extends RadarError {
  constructor(
    readonly operation: string,
    reason: string,
    readonly status?: number,
    readonly feishuCode?: number,
    options?: { cause?: unknown },
  ) {
    super(`feishu ${operation}: ${reason}`, options);
  }
}

/** Tenant token rejected (expired or revoked): refresh it and try again. */
export const INVALID_TOKEN_CODES: readonly number[] = [99991663, 99991664, 99991661];
const RATE_LIMIT_CODE = 99991400;

const axiosLike = z.object({
  response: z.object({
    status: z.number(),
    headers: z.unknown(),
    data: z.looseObject({ code: z.number().optional(), msg: z.string().optional() }).optional(),
  }),
});
const networkLike = z.object({ code: z.string() });
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ERR_NETWORK',
]);

/** Axios headers are an AxiosHeaders instance whose own keys are the lowercase header names. */
function header(headers: unknown, name: string): unknown {
  return typeof headers === 'object' && headers !== null ? Reflect.get(headers, name) : undefined;
}

function describe(error: unknown): { status?: number; code?: number; msg?: string; resetSeconds?: unknown } {
  const parsed = axiosLike.safeParse(error);
  if (!parsed.success) return {};
  const { status, data, headers } = parsed.data.response;
  return {
    status,
    ...(data?.code === undefined ? {} : { code: data.code }),
    ...(data?.msg === undefined ? {} : { msg: data.msg }),
    resetSeconds: header(headers, 'x-ogw-ratelimit-reset'),
  };
}

export function isInvalidToken(error: unknown): boolean {
  const { code } = describe(error);
  return code !== undefined && INVALID_TOKEN_CODES.includes(code);
}

/** 429 (waits x-ogw-ratelimit-reset seconds when given), 5xx and network failures are retried. */
export function classifyFeishuError(error: unknown): RetryDecision {
  if (error instanceof FeishuApiError) return { retry: error.feishuCode === RATE_LIMIT_CODE };
  const info = describe(error);
  if (info.status === 429 || info.code === RATE_LIMIT_CODE) {
    const reset = typeof info.resetSeconds === 'string' ? parseRetryAfter(info.resetSeconds) : undefined;
    return { retry: true, retryAfterMs: reset };
  }
  if (info.status !== undefined) return { retry: info.status >= 500 };
  const network = networkLike.safeParse(error);
  return { retry: network.success && NETWORK_CODES.has(network.data.code) };
}

export function toFeishuError(operation: string, error: unknown): FeishuApiError {
  if (error instanceof FeishuApiError) return error;
  const info = describe(error);
  if (info.status !== undefined) {
    const what = info.code === undefined ? '' : ` code ${info.code}${info.msg ? ` (${info.msg})` : ''}`;
    return new FeishuApiError(operation, `the API answered ${info.status}${what}`, info.status, info.code, {
      cause: error,
    });
  }
  return new FeishuApiError(
    operation,
    error instanceof Error ? error.message : String(error),
    undefined,
    undefined,
    { cause: error },
  );
}
