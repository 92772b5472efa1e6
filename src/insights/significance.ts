/**
 * Significance of a key's growth: Dunning's log-likelihood ratio (G²) for the 2×2 table of items
 * with / without the key in the window and in the baseline, its p-value from the χ² distribution
 * with one degree of freedom, and Benjamini–Hochberg q-values over all keys tested (the false
 * discovery rate when hundreds of keys are tried at once). Written here because it is a few lines
 * of arithmetic; the statistics packages on npm either lack erfc or pull a large dependency tree.
 */

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * G² for `k1` of `n1` window items and `k2` of `n2` baseline items carrying the key. Zero when
 * the shares are equal; large when they differ by more than chance would make them.
 */
export function logLikelihoodRatio(k1: number, n1: number, k2: number, n2: number): number {
  const n = n1 + n2;
  const k = k1 + k2;
  if (n1 <= 0 || n2 <= 0 || k <= 0 || k >= n) return 0;
  const cells = xlogx(k1) + xlogx(n1 - k1) + xlogx(k2) + xlogx(n2 - k2);
  const rows = xlogx(n1) + xlogx(n2);
  const cols = xlogx(k) + xlogx(n - k);
  return Math.max(0, 2 * (cells - rows - cols + xlogx(n)));
}

/** erfc(x) for x ≥ 0, Chebyshev fit with relative error < 1.2e-7 (Numerical Recipes' erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** P(χ²₁ ≥ g2): the p-value of a G² statistic with one degree of freedom. */
export const chiSquare1PValue = (g2: number): number => (g2 <= 0 ? 1 : erfc(Math.sqrt(g2 / 2)));

/** Benjamini–Hochberg adjusted p-values (q-values), in the input order. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  order.forEach(({ p, i }, rankFromTop) => {
    const rank = m - rankFromTop;
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  });
  return q;
}
