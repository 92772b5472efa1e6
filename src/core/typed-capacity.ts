/**
 * Growing typed arrays by doubling, so counters, packed rows and postings never live in boxed
 * `number[]`s: one helper instead of a hand-written copy loop at each growable buffer.
 */
export type GrowableArray = Uint8Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/**
 * `array` itself when it holds `size` entries already; otherwise a new array of the same type,
 * at least `size` long and at least double the old length, holding the first `used` entries
 * (all of them by default). Not for Node's Buffer, whose constructor is deprecated.
 */
export function withCapacity<T extends GrowableArray>(array: T, size: number, used = array.length): T {
  if (size <= array.length) return array;
  const Kind = array.constructor as new (length: number) => T;
  const grown = new Kind(Math.max(size, array.length * 2));
  grown.set(array.subarray(0, Math.min(used, array.length)) as ArrayLike<number>);
  return grown;
}
