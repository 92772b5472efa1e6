import { sleep } from './retry.ts';

/**
 * A token bucket: `ratePerSecond` on average, at most `burst` at once. Callers queue in order,
 * so bursts are smoothed into an even rate instead of being refused.
 */
export interface RateLimiter {
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  ratePerSecond: number;
  burst?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

// Token arithmetic is in floating point: 1 - 0.7 is 0.30000000000000004, which would round a
// 300 ms wait up to 301 ms, and a refill may land just below a whole token.
const EPSILON = 1e-9;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const burst = options.burst ?? 1;
  const intervalMs = 1000 / options.ratePerSecond;
  let tokens = burst;
  let updatedAt = now();
  let queue: Promise<void> = Promise.resolve();

  const refill = (): void => {
    const t = now();
    tokens = Math.min(burst, tokens + (t - updatedAt) / intervalMs);
    updatedAt = t;
  };

  const take = async (signal?: AbortSignal): Promise<void> => {
    const wait = options.sleep ?? sleep;
    signal?.throwIfAborted();
    refill();
    while (tokens < 1 - EPSILON) {
      await wait(Math.max(1, Math.ceil((1 - tokens) * intervalMs - EPSILON)), signal);
      refill();
    }
    tokens = Math.max(0, tokens - 1);
  };

  return {
    acquire(signal) {
      const turn = queue.then(() => take(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
