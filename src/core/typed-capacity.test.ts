import { describe, expect, it } from 'vitest';
import { withCapacity } from './typed-capacity.ts';

describe('withCapacity', () => {
  it('returns the same array when it is long enough', () => {
    const a = new Uint32Array([1, 2, 3]);
    expect(withCapacity(a, 3)).toBe(a);
    expect(withCapacity(a, 0)).toBe(a);
  });

  it('doubles at least, keeps the type and the entries', () => {
    const a = Float32Array.from([0.5, 1.5, 2.5]);
    const grown = withCapacity(a, 4);
    expect(grown).toBeInstanceOf(Float32Array);
    expect(grown.length).toBe(6);
    expect(Array.from(grown.subarray(0, 3))).toEqual([0.5, 1.5, 2.5]);
    expect(Array.from(grown.subarray(3))).toEqual([0, 0, 0]);
  });

  it('grows straight to a size beyond double', () => {
    const grown = withCapacity(new Int32Array([-1, 7]), 100);
    expect(grown.length).toBe(100);
    expect(Array.from(grown.subarray(0, 2))).toEqual([-1, 7]);
  });

  it('copies only the used prefix', () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    const grown = withCapacity(a, 5, 2);
    expect(Array.from(grown.subarray(0, 4))).toEqual([1, 2, 0, 0]);
  });
});
