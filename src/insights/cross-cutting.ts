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
  /** Liked clusters in which at least a quarter of the papers carry it. */
  clusters: number;
}

export interface CrossCuttingOptions {
  /** Minimum papers carrying a key (default 3). */
  minSupport?: number;
  limit?: number;
}

interface ValueStats {
  n: number;
  sum: number;
  /** Population standard deviation. */
  sd: number;
}

function valueStats(values: readonly number[]): ValueStats {
  const n = values.length;
  const sum = values.reduce((a, v) => a + v, 0);
  const mean = n === 0 ? 0 : sum / n;
  const variance = n === 0 ? 0 : values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  return { n, sum, sd: Math.sqrt(variance) };
}

/** r from the carriers' count and value sum: O(1) per key once the stats are known. */
function correlationOf(stats: ValueStats, n1: number, sum1: number): number {
  const n0 = stats.n - n1;
  if (n1 === 0 || n0 === 0 || stats.sd === 0) return 0;
  const m1 = sum1 / n1;
  const m0 = (stats.sum - sum1) / n0;
  return ((m1 - m0) / stats.sd) * Math.sqrt((n1 * n0) / (stats.n * stats.n));
}

/**
 * r = (M₁ − M₀) / s · √(n₁·n₀ / n²): M₁ and M₀ the mean value with and without the key, s the
 * population standard deviation of all values. 0 when either group is empty or s is 0.
 */
export function pointBiserial(present: readonly boolean[], values: readonly number[]): number {
  let n1 = 0;
  let sum1 = 0;
  values.forEach((v, i) => {
    if (present[i]) {
      n1++;
      sum1 += v;
    }
  });
  return correlationOf(valueStats(values), n1, sum1);
}

/** A key spans a cluster when at least this share of the cluster's papers carry it. */
export const SPAN_SHARE = 0.25;

function spannedClusters(
  rows: readonly SignalRow[],
  indices: readonly number[],
  sizes: ReadonlyMap<number, number>,
): number {
  const counts = new Map<number, number>();
  for (const i of indices) {
    const cluster = rows[i]?.cluster;
    if (cluster !== undefined) counts.set(cluster, (counts.get(cluster) ?? 0) + 1);
  }
  return [...counts].filter(
    ([cluster, n]) => n >= SPAN_SHARE * (sizes.get(cluster) ?? Number.POSITIVE_INFINITY),
  ).length;
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
  const stats = valueStats(rows.map((r) => r.value));
  const sizes = new Map<number, number>();
  for (const row of rows)
    if (row.cluster !== undefined) sizes.set(row.cluster, (sizes.get(row.cluster) ?? 0) + 1);
  const minSupport = options.minSupport ?? 3;
  const found: CrossCuttingKey[] = [];
  for (const [key, indices] of carriers) {
    if (indices.length < minSupport || indices.length === rows.length) continue;
    const sum1 = indices.reduce((a, i) => a + (rows[i]?.value ?? 0), 0);
    const correlation = correlationOf(stats, indices.length, sum1);
    if (correlation <= 0) continue;
    found.push({
      key,
      correlation,
      support: indices.length,
      clusters: spannedClusters(rows, indices, sizes),
    });
  }
  found.sort((a, b) => b.correlation - a.correlation || a.key.localeCompare(b.key));
  return found.slice(0, options.limit ?? 10);
}
