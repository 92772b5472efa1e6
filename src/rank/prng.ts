/** A small seeded PRNG (mulberry32) so that sampling is reproducible from the config seed. */

export type Random = () => number;

/** FNV-1a over the parts, so a seed can be derived from (config seed, date, model). */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct indices out of n, in draw order (partial Fisher–Yates). */
export function sampleIndices(n: number, k: number, random: Random): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  const count = Math.min(k, n);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const tmp = pool[i] ?? i;
    pool[i] = pool[j] ?? j;
    pool[j] = tmp;
  }
  return pool.slice(0, count);
}
