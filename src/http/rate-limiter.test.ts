import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

/** A manual clock whose sleep moves time forward, and records every wait. */
function manualClock(start = 1000) {
  const waits: number[] = [];
  const clock = {
    now: start,
    waits,
    read: () => clock.now,
    sleep: (ms: number, signal?: AbortSignal): Promise<void> => {
      if (signal?.aborted) return Promise.reject(signal.reason);
      clock.waits.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

describe('createRateLimiter', () => {
  it('spaces calls evenly at the rate when burst is 1', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, burst: 1, now: clock.read, sleep: clock.sleep });
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire();
      times.push(clock.now - 1000);
    }
    expect(times).toEqual([0, 200, 400, 600]);
    expect(clock.waits).toEqual([200, 200, 200]);
  });

  it('lets a burst through at once, then the rate', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 2, burst: 3, now: clock.read, sleep: clock.sleep });
    for (let i = 0; i < 3; i++) await limiter.acquire();
    expect(clock.now).toBe(1000);
    await limiter.acquire();
    expect(clock.waits).toEqual([500]);
  });

  it('refills while idle, never above the burst', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 2, now: clock.read, sleep: clock.sleep });
    await limiter.acquire();
    await limiter.acquire();
    clock.now += 60_000;
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.waits).toEqual([]);
    await limiter.acquire();
    expect(clock.waits).toEqual([100]);
  });

  it('waits only for the missing fraction of a token', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 1, now: clock.read, sleep: clock.sleep });
    await limiter.acquire();
    clock.now += 700;
    await limiter.acquire();
    expect(clock.waits).toEqual([300]);
  });

  it('serves concurrent callers in arrival order', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 4, now: clock.read, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.now - 1000).toBe(750);
  });

  it('rejects an aborted caller without blocking the ones behind it', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, now: clock.read, sleep: clock.sleep });
    await limiter.acquire();
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(limiter.acquire(controller.signal)).rejects.toThrow('cancelled');
    await expect(limiter.acquire()).resolves.toBeUndefined();
    expect(clock.now - 1000).toBe(200);
  });

  it('does not hand a free token to an aborted caller', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 5, now: clock.read, sleep: clock.sleep });
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toThrow();
    await limiter.acquire();
    expect(clock.waits).toEqual([]);
  });

  it('handles rates below one per second', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ ratePerSecond: 0.5, now: clock.read, sleep: clock.sleep });
    await limiter.acquire();
    await limiter.acquire();
    expect(clock.waits).toEqual([2000]);
  });
});
