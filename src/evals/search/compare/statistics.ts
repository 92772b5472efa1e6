/**
 * Paired statistics for comparing two runs query by query: a percentile bootstrap CI of the
 * mean difference, a two-sided sign-flip randomization test, and Holm's step-down correction.
 * Written here (≈60 lines) because simple-statistics has no paired randomization test or Holm
 * correction, and the seeded generator keeps every figure reproducible.
 */
import { createRandom } from '../../../rank/prng.ts';

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

/** 95 % (by default) percentile bootstrap interval of the mean of `diffs`. */
export function bootstrapCi(
  diffs: readonly number[],
  resamples = 10_000,
  seed = 1,
  level = 0.95,
): [number, number] {
  const n = diffs.length;
  if (n === 0) return [0, 0];
  const random = createRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r += 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += diffs[Math.floor(random() * n)] ?? 0;
    means[r] = sum / n;
  }
  means.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] ?? 0;
  return [at(tail), at(1 - tail)];
}

/**
 * Two-sided paired randomization test: each difference's sign is flipped with probability ½;
 * p = (1 + #{|mean*| ≥ |mean|}) / (1 + permutations).
 */
export function randomizationTest(diffs: readonly number[], permutations = 10_000, seed = 1): number {
  const n = diffs.length;
  if (n === 0) return 1;
  const observed = Math.abs(mean(diffs));
  const random = createRandom(seed);
  let extreme = 0;
  for (let p = 0; p < permutations; p += 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += random() < 0.5 ? -(diffs[i] ?? 0) : (diffs[i] ?? 0);
    if (Math.abs(sum / n) >= observed - 1e-12) extreme += 1;
  }
  return (1 + extreme) / (1 + permutations);
}

/** Holm–Bonferroni adjusted p-values, in the input order. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
