/**
 * The compact n-gram ids behind the tf-idf counter and transform. Each distinct normalized token
 * gets an integer id (one `Map<string, number>` lookup per raw token, the stop-word check and the
 * stemmer cached in it); a bigram is the pair of its token ids, kept in an open-addressing hash
 * table over typed arrays (linear probing, no per-entry object). At 100k abstracts there are
 * millions of distinct bigrams before the min_df cut: as `Map<string, …>` entries they were most
 * of the fit's time and memory; as two int32 per slot they are neither. Written by hand because
 * no maintained npm package offers an integer-pair hash table over typed arrays.
 */
import type { AnalyzerOptions } from './analyzer.ts';
import { forEachRawToken } from './analyzer.ts';

/** Raw tokens whose id is remembered before the cache starts over. */
const RAW_CACHE_LIMIT = 1 << 18;

/** Raw token → normalized token id (−1 for a stop word), and each id's normalized token. */
export interface TokenIds {
  /** Token ids of the text in order, stop words removed; an unknown token gets −1 when `frozen`. */
  idsOf(text: string, out: Int32Array[]): number;
  readonly names: string[];
  idOfName(name: string): number | undefined;
}

/**
 * Token ids for an analyzer. When `frozen`, only the names in `known` have ids: any other
 * token reads −2 (it cannot be part of a known term).
 */
export function createTokenIds(options: AnalyzerOptions, known?: Iterable<string>): TokenIds {
  const byRaw = new Map<string, number>();
  const byName = new Map<string, number>();
  const names: string[] = [];
  const frozen = known !== undefined;
  if (known)
    for (const name of known)
      if (!byName.has(name)) {
        byName.set(name, names.length);
        names.push(name);
      }
  const idOfRaw = (raw: string): number => {
    if (options.stopWords.has(raw)) return -1;
    const name = options.normalizeToken ? options.normalizeToken(raw) : raw;
    let id = byName.get(name);
    if (id === undefined) {
      if (frozen) return -2;
      id = names.length;
      byName.set(name, id);
      names.push(name);
    }
    return id;
  };
  let buffer = new Int32Array(1024);
  return {
    names,
    idOfName: (name) => byName.get(name),
    idsOf(text, out) {
      let n = 0;
      forEachRawToken(text, (raw) => {
        let id = byRaw.get(raw);
        if (id === undefined) {
          id = idOfRaw(raw);
          // Only a cache (an id follows from the raw token): bounded, since over 100k abstracts the
          // long tail of raw tokens that are in no term would otherwise be held to the end.
          if (byRaw.size >= RAW_CACHE_LIMIT) byRaw.clear();
          byRaw.set(raw, id);
        }
        if (id === -1) return;
        if (n === buffer.length) {
          const grown = new Int32Array(buffer.length * 2);
          grown.set(buffer);
          buffer = grown;
        }
        buffer[n++] = id;
      });
      out[0] = buffer;
      return n;
    },
  };
}

/** An open-addressing table from a pair of non-negative int32 to a dense slot number 0, 1, 2, … */
export interface PairTable {
  /** The pair's slot, inserting it when `insert` (else −1 when absent). */
  slot(a: number, b: number, insert: boolean): number;
  readonly size: number;
  /** The pair of each slot, in slot order. */
  first(slot: number): number;
  second(slot: number): number;
}

export function createPairTable(initialCapacity = 1 << 16): PairTable {
  let capacity = 1;
  while (capacity < initialCapacity) capacity *= 2;
  let table = new Int32Array(capacity).fill(-1); // slot number per bucket
  let firsts = new Int32Array(capacity >> 1);
  let seconds = new Int32Array(capacity >> 1);
  let size = 0;
  const hash = (a: number, b: number): number =>
    (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0;
  const grow = (): void => {
    capacity *= 2;
    table = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let s = 0; s < size; s++) {
      let h = hash(firsts[s] ?? 0, seconds[s] ?? 0) & mask;
      while ((table[h] ?? -1) !== -1) h = (h + 1) & mask;
      table[h] = s;
    }
    const f = new Int32Array(capacity >> 1);
    f.set(firsts);
    firsts = f;
    const g = new Int32Array(capacity >> 1);
    g.set(seconds);
    seconds = g;
  };
  return {
    get size() {
      return size;
    },
    first: (s) => firsts[s] ?? -1,
    second: (s) => seconds[s] ?? -1,
    slot(a, b, insert) {
      const mask = capacity - 1;
      let h = hash(a, b) & mask;
      for (;;) {
        const s = table[h] ?? -1;
        if (s === -1) break;
        if (firsts[s] === a && seconds[s] === b) return s;
        h = (h + 1) & mask;
      }
      if (!insert) return -1;
      const s = size++;
      firsts[s] = a;
      seconds[s] = b;
      table[h] = s;
      if (size * 2 >= capacity) grow(); // load < 1/2: short probe runs, and a free pair slot for the next insert
      return s;
    },
  };
}
