import { describe, expect, it } from 'vitest';
import { windowShards } from './candidates.ts';

describe('windowShards', () => {
  const existing = ['2309', '2509', '2510', '2511', '2512', '2601'];

  it('keeps the months of the window and the month before it', () => {
    expect(windowShards('2025-11-21', 3, existing)).toEqual(['2510', '2511']);
  });

  it('spans a year boundary and a window over two months', () => {
    expect(windowShards('2026-01-02', 3, existing)).toEqual(['2511', '2512', '2601']);
    expect(windowShards('2025-12-01', 45, existing)).toEqual(['2509', '2510', '2511', '2512']);
  });
});
