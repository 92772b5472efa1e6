/** GitHub's rate-limit answers: how long to wait, and the error when that is too long. */
import { RadarError } from '../../core/errors.ts';

/** The search rate limit (or a secondary one) is spent and resets later than the radar will wait. */
export class GitHubRateLimitError extends RadarError {
  constructor(
    readonly resetAt: Date,
    readonly waitMs: number,
    readonly maxWaitMs: number,
  ) {
    super(
      `GitHub rate limit exhausted until ${resetAt.toISOString()} (${Math.ceil(waitMs / 1000)} s away, more than the ${Math.round(maxWaitMs / 1000)} s the collector waits); stopping the GitHub source for this run`,
    );
  }
}

/** Reads a header by name from a Headers object. */
export type HeaderReader = { get(name: string): string | null };

/**
 * The wait until GitHub accepts requests again, from a response: `x-ratelimit-remaining: 0` with
 * `x-ratelimit-reset` (epoch seconds), else `retry-after` (secondary limits); undefined when
 * neither says the limit is spent (a 403 that is a real refusal).
 */
export function rateLimitWaitMs(headers: HeaderReader, nowMs: number): number | undefined {
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (remaining === '0' && Number.isFinite(reset) && reset > 0)
    return Math.max(0, reset * 1000 - nowMs) + 1000;
  const retryAfter = Number(headers.get('retry-after'));
  if (headers.get('retry-after') !== null && Number.isFinite(retryAfter)) return retryAfter * 1000;
  return undefined;
}
