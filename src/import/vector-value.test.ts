import { describe, expect, it } from 'vitest';
import { readVector } from './vector-value.ts';

describe('readVector', () => {
  it('normalizes a vector to unit length', () => {
    const value = readVector([3, 4], 2);
    expect(value.kind).toBe('vector');
    if (value.kind === 'vector')
      expect(Array.from(value.vector)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });

  it('treats null, empty, all-zero and NaN vectors as missing', () => {
    expect(readVector(null, 2)).toEqual({ kind: 'missing', why: 'null' });
    expect(readVector([], 2)).toEqual({ kind: 'missing', why: 'null' });
    expect(readVector([0, 0], 2)).toEqual({ kind: 'missing', why: 'zero' });
    expect(readVector([1, Number.NaN], 2)).toEqual({ kind: 'missing', why: 'nan' });
    expect(readVector(Float32Array.from([Number.NaN, Number.NaN]), 2)).toEqual({
      kind: 'missing',
      why: 'nan',
    });
  });

  it('reports a wrong length or a value that is not a number', () => {
    expect(readVector([1, 2, 3], 2)).toEqual({ kind: 'invalid', why: '3 values, expected 2' });
    expect(readVector([1, 'x'], 2)).toEqual({ kind: 'invalid', why: 'value 1 is not a number' });
    expect(readVector('1,2', 2)).toEqual({ kind: 'invalid', why: 'not a list of numbers' });
  });
});
