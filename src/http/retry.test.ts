import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  parseRetryAfter,
  type RetryDecision,
  type RetryOptions,
  sleep,
  withRetries,
} from './retry.ts';

class Transient extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('transient');
  }
}
class Fatal extends Error {}

const classify = (error: unknown): RetryDecision =>
  error instanceof Transient ? { retry: true, retryAfterMs: error.retryAfterMs } : { retry: false };

function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
  };
}

/** An operation that fails with the given errors, then answers 'ok'. */
function failing(...errors: Error[]): { run: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    run: async () => {
      const error = errors[calls++];
      if (error) throw error;
      return 'ok';
    },
  };
}

const base: RetryOptions = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

afterEach(() => {
  vi.useRealTimers();
});

describe('backoffDelay', () => {
  it('doubles per attempt with equal jitter between half and the full step', () => {
    for (const [attempt, step] of [
      [1, 100],
      [2, 200],
      [3, 400],
    ] as const) {
      expect(backoffDelay(attempt, { ...base, random: () => 0 })).toBe(step / 2);
      expect(backoffDelay(attempt, { ...base, random: () => 0.999_999 })).toBe(step);
    }
  });

  it('is capped at maxDelayMs, however many attempts', () => {
    for (let attempt = 1; attempt <= 40; attempt++) {
      const delay = backoffDelay(attempt, base);
      expect(delay).toBeLessThanOrEqual(base.maxDelayMs);
      expect(delay).toBeGreaterThanOrEqual(
        Math.min(base.maxDelayMs, base.baseDelayMs * 2 ** (attempt - 1)) / 2,
      );
    }
    expect(backoffDelay(30, { ...base, random: () => 0 })).toBe(500);
  });

  it('spreads delays with the random source (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, base)));
    expect(delays.size).toBeGreaterThan(10);
  });
});

describe('withRetries', () => {
  it('retries transient failures with growing backoff, then returns', async () => {
    const op = failing(new Transient(), new Transient());
    const { sleep: wait, delays } = recordingSleep();
    const onRetry = vi.fn();
    await expect(
      withRetries(op.run, classify, { ...base, sleep: wait, random: () => 0, onRetry }),
    ).resolves.toBe('ok');
    expect(op.calls()).toBe(3);
    expect(delays).toEqual([50, 100]);
    expect(onRetry.mock.calls.map(([info]) => [info.attempt, info.delayMs])).toEqual([
      [1, 50],
      [2, 100],
    ]);
  });

  it('waits the Retry-After the server asked for instead of the backoff', async () => {
    const op = failing(new Transient(2500));
    const { sleep: wait, delays } = recordingSleep();
    await withRetries(op.run, classify, { ...base, sleep: wait, maxRetryAfterMs: 5000 });
    expect(delays).toEqual([2500]);
  });

  it('gives up when Retry-After exceeds maxRetryAfterMs', async () => {
    const error = new Transient(60_000);
    const op = failing(error);
    const { sleep: wait, delays } = recordingSleep();
    await expect(withRetries(op.run, classify, { ...base, sleep: wait, maxRetryAfterMs: 5000 })).rejects.toBe(
      error,
    );
    expect(delays).toEqual([]);
  });

  it('throws a non-retryable error at once', async () => {
    const error = new Fatal('bad request');
    const op = failing(error);
    const { sleep: wait, delays } = recordingSleep();
    await expect(withRetries(op.run, classify, { ...base, sleep: wait })).rejects.toBe(error);
    expect(op.calls()).toBe(1);
    expect(delays).toEqual([]);
  });

  it('throws the last error after `retries` retries', async () => {
    const last = new Transient();
    const op = failing(new Transient(), new Transient(), new Transient(), last);
    const { sleep: wait } = recordingSleep();
    await expect(withRetries(op.run, classify, { ...base, sleep: wait })).rejects.toBe(last);
    expect(op.calls()).toBe(4);
  });

  it('stops waiting when the signal aborts', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const op = failing(new Transient(), new Transient());
    const pending = withRetries(op.run, classify, {
      ...base,
      baseDelayMs: 10_000,
      maxDelayMs: 10_000,
      signal: controller.signal,
    });
    const outcome = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error('shutting down'));
    await expect(outcome).resolves.toMatchObject({ message: 'shutting down' });
    expect(op.calls()).toBe(1);
  });

  it('does not retry once the signal is aborted', async () => {
    const controller = new AbortController();
    const error = new Transient();
    const op = {
      calls: 0,
      run: async () => {
        op.calls++;
        controller.abort();
        throw error;
      },
    };
    await expect(withRetries(op.run, classify, { ...base, signal: controller.signal })).rejects.toBe(error);
    expect(op.calls).toBe(1);
  });

  it('waits the real delay with the default sleep (fake timers)', async () => {
    vi.useFakeTimers();
    const op = failing(new Transient(3000));
    const pending = withRetries(op.run, classify, { ...base, maxRetryAfterMs: 10_000 });
    await vi.advanceTimersByTimeAsync(2999);
    expect(op.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toBe('ok');
    expect(op.calls()).toBe(2);
  });
});

describe('sleep', () => {
  it('rejects at once with an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(sleep(1000, controller.signal)).rejects.toThrow('gone');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-07-01T12:00:00Z');

  it('reads delta-seconds, fractions included', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date, and a date in the past as no wait', () => {
    expect(parseRetryAfter('Wed, 01 Jul 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 Jul 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores missing, negative and unreadable values', () => {
    for (const value of [null, undefined, '', '  ', '-5', 'soon', '1e3', '12abc']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});
