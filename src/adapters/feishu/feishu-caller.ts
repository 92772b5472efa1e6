/**
 * Every Feishu API call goes through here: the `{code, msg, data}` answer is checked (code 0 or a
 * FeishuApiError), 429/5xx/network failures are retried by the app's retry helper, and a tenant
 * token the server rejects (the SDK keeps using a cached one) is dropped so the SDK fetches a new
 * one, once per call.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import { z } from 'zod';
import { type RetryOptions, withRetries } from '../../http/retry.ts';
import type { Logger } from '../../log/logger.ts';
import { classifyFeishuError, FeishuApiError, isInvalidToken, toFeishuError } from './feishu-errors.ts';

export type FeishuRetryOptions = Pick<
  RetryOptions,
  'retries' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'sleep'
>;

export const DEFAULT_FEISHU_RETRY: FeishuRetryOptions = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

const answer = z.looseObject({ code: z.number(), msg: z.string().optional(), data: z.unknown().optional() });

/** Resolves with the answer's `data`. */
export type FeishuCall = (operation: string, request: () => Promise<unknown>) => Promise<unknown>;

export function createFeishuCaller(deps: {
  cache: lark.DefaultCache;
  logger: Logger;
  retry: FeishuRetryOptions;
}): FeishuCall {
  return async (operation, request) => {
    const attempt = async (): Promise<unknown> => {
      const result = answer.safeParse(await request());
      if (!result.success) throw new FeishuApiError(operation, 'malformed answer');
      const { code, msg, data } = result.data;
      if (code !== 0) throw new FeishuApiError(operation, `code ${code} (${msg ?? ''})`, 200, code);
      return data;
    };
    const refreshing = async (): Promise<unknown> => {
      try {
        return await attempt();
      } catch (error) {
        if (!isInvalidToken(error)) throw error;
        deps.logger.info('feishu tenant token rejected: fetching a new one');
        deps.cache.values.clear();
        return attempt();
      }
    };
    try {
      return await withRetries(refreshing, classifyFeishuError, deps.retry);
    } catch (error) {
      throw toFeishuError(operation, error);
    }
  };
}
