/**
 * Telegraf never retries an API call: a 429 throws a TelegramError with parameters.retry_after.
 * Every call goes through the app's retry helper with this classification.
 */
import { TelegramError } from 'telegraf';
import { type RetryDecision, type RetryOptions, withRetries } from '../../http/retry.ts';

export function classifyTelegramError(error: unknown): RetryDecision {
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after;
      return { retry: true, retryAfterMs: seconds === undefined ? undefined : seconds * 1000 };
    }
    return { retry: error.code >= 500 };
  }
  // Network failures (node-fetch's FetchError, a reset socket) carry a system error code.
  return { retry: error instanceof Error && ('code' in error || error.name === 'FetchError') };
}

export type TelegramRetryOptions = Pick<
  RetryOptions,
  'retries' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs' | 'sleep' | 'onRetry'
>;

export const DEFAULT_TELEGRAM_RETRY: TelegramRetryOptions = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 120_000,
};

export function createTelegramCaller(options: TelegramRetryOptions) {
  return <T>(operation: () => Promise<T>): Promise<T> =>
    withRetries(operation, classifyTelegramError, options);
}
