/**
 * Cross-cutting interests: the keys (tags, terms) whose presence correlates most with the user's
 * preference — the label (+1/−1) or the classifier's score — over labeled papers, with the number
 * of liked clusters each spans. Point-biserial correlation, pure.
 */

export interface SignalRow {
  keys: readonly string[];
  /** The label (+1/−1) or the classifier's probability. */
  value: number;
  /** The liked cluster of the paper, when it is a liked paper. */
  cluster?: number;
}

export interface CrossCuttingKey {
  key: string;
  correlation: number;
  /** Labeled papers carrying the key. */
  support: number;
  /** Distinct liked clusters among the papers carrying it. */
  clusters: number;
}

export interface CrossCuttingOptions {
  /** Minimum papers carrying a key (default 3). */
  minSupport?: number;
  limit?: number;
}

/**
 * r = (M₁ − M₀) / s · √(n₁·n₀ / n²): M₁ and M₀ the mean value with and without the key, s the
 * population standard deviation of all values. 0 when either group is empty or s is 0.
 */
export function pointBiserial(present: readonly boolean[], values: readonly number[]): number {
  const n = values.length;
  let sum1 = 0;
  let n1 = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    sum += v;
    if (present[i]) {
      sum1 += v;
      n1++;
    }
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return 0;
  const mean = sum / n;
  let variance = 0;
  for (const v of values) variance += (v - mean) ** 2;
  const s = Math.sqrt(variance / n);
  if (s === 0) return 0;
  const m1 = sum1 / n1;
  const m0 = (sum - sum1) / n0;
  return ((m1 - m0) / s) * Math.sqrt((n1 * n0) / (n * n));
}

/** Keys positively correlated with the value, strongest first. */
export function crossCuttingKeys(
  rows: readonly SignalRow[],
  options: CrossCuttingOptions = {},
): CrossCuttingKey[] {
  const carriers = new Map<string, number[]>();
  rows.forEach((row, i) => {
    for (const key of new Set(row.keys)) {
      const list = carriers.get(key);
      if (list) list.push(i);
      else carriers.set(key, [i]);
    }
  });
  const values = rows.map((r) => r.value);
  const minSupport = options.minSupport ?? 3;
  const found: CrossCuttingKey[] = [];
  for (const [key, indices] of carriers) {
    if (indices.length < minSupport || indices.length === rows.length) continue;
    const present = new Array<boolean>(rows.length).fill(false);
    for (const i of indices) present[i] = true;
    const correlation = pointBiserial(present, values);
    if (correlation <= 0) continue;
    const clusters = new Set(indices.flatMap((i) => rows[i]?.cluster ?? []));
    found.push({ key, correlation, support: indices.length, clusters: clusters.size });
  }
  found.sort((a, b) => b.correlation - a.correlation || a.key.localeCompare(b.key));
  return found.slice(0, options.limit ?? 10);
}
