import { describe, expect, it } from 'vitest';
import { createPairTable } from './ngram-table.ts';

describe('the pair table', () => {
  it('keeps every pair through its growths, each at one slot', () => {
    const table = createPairTable(4);
    const pairs: [number, number][] = [];
    for (let a = 0; a < 300; a++) for (let b = 0; b < 7; b++) pairs.push([a * 7919, b]);
    pairs.forEach(([a, b], i) => {
      expect(table.slot(a, b, true)).toBe(i);
    });
    expect(table.size).toBe(pairs.length);
    pairs.forEach(([a, b], i) => {
      expect(table.slot(a, b, false)).toBe(i);
      expect(table.slot(a, b, true)).toBe(i);
      expect([table.first(i), table.second(i)]).toEqual([a, b]);
    });
    expect(table.slot(1, 1, false)).toBe(-1);
    expect(table.size).toBe(pairs.length);
  });
});
