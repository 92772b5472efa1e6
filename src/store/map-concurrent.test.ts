import { describe, expect, it } from 'vitest';
import { mapConcurrent } from './map-concurrent.ts';

describe('mapConcurrent', () => {
  it('keeps the input order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const result = await mapConcurrent([5, 1, 4, 2, 3], 2, async (value, index) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, value));
      running -= 1;
      return `${index}:${value}`;
    });
    expect(result).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3']);
    expect(peak).toBe(2);
  });

  it('handles an empty list and rejects with the first error', async () => {
    expect(await mapConcurrent([], 3, async () => 1)).toEqual([]);
    await expect(
      mapConcurrent([1, 2], 2, async (n) => Promise.reject(new Error(`bad ${n}`))),
    ).rejects.toThrow('bad 1');
  });
});
