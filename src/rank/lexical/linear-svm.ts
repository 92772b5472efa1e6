/**
 * A linear SVM over sparse rows by dual coordinate descent (Hsieh et al., 2008), LIBLINEAR's
 * solver behind scikit-learn's `LinearSVC(dual=True)`: squared hinge (its default) or hinge loss,
 * L2 regularization, per-class C, and the bias as one more feature of value 1 that is
 * regularized like the others (sklearn's `intercept_scaling=1`). Stops when the projected
 * gradient's spread falls under `tolerance` (LIBLINEAR's `PGmax − PGmin ≤ eps`).
 */
import { createRandom } from '../prng.ts';
import { type SparseRow, sparseDot, squaredNorm } from './sparse-row.ts';

export interface SvmOptions {
  c: number;
  loss?: 'hinge' | 'squared-hinge';
  /** Multiplies C per class: index 0 negatives, 1 positives. */
  classWeights: readonly [number, number];
  maxIterations?: number;
  tolerance?: number;
  seed?: number;
}

export interface SvmModel {
  weights: Float64Array;
  bias: number;
  iterations: number;
  converged: boolean;
}

/** sklearn's `class_weight='balanced'`: n / (2 · count of the class). */
export function balancedWeights(y: Uint8Array): [number, number] {
  const positives = y.reduce((a, b) => a + b, 0);
  const negatives = y.length - positives;
  return [y.length / (2 * Math.max(1, negatives)), y.length / (2 * Math.max(1, positives))];
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] ?? i;
    order[i] = order[j] ?? j;
    order[j] = tmp;
  }
}

export function trainLinearSvm(
  rows: readonly SparseRow[],
  y: Uint8Array,
  features: number,
  options: SvmOptions,
): SvmModel {
  const hinge = options.loss === 'hinge';
  const w = new Float64Array(features);
  const alpha = new Float64Array(rows.length);
  const cOf = (i: number): number => options.c * options.classWeights[y[i] === 1 ? 1 : 0];
  const diag = Float64Array.from(rows, (_, i) => (hinge ? 0 : 1 / (2 * cOf(i))));
  const upper = Float64Array.from(rows, (_, i) => (hinge ? cOf(i) : Number.POSITIVE_INFINITY));
  const qd = Float64Array.from(rows, (r, i) => squaredNorm(r) + 1 + (diag[i] ?? 0));
  const random = createRandom(options.seed ?? 1);
  const order = Array.from(rows, (_, i) => i);
  const maxIterations = options.maxIterations ?? 10_000;
  let bias = 0;
  let iteration = 0;
  let converged = false;
  while (iteration < maxIterations && !converged) {
    iteration += 1;
    shuffle(order, random);
    let pgMax = Number.NEGATIVE_INFINITY;
    let pgMin = Number.POSITIVE_INFINITY;
    for (const i of order) {
      const row = rows[i] as SparseRow;
      const yi = y[i] === 1 ? 1 : -1;
      const a = alpha[i] ?? 0;
      const g = yi * (sparseDot(row, w) + bias) - 1 + (diag[i] ?? 0) * a;
      const pg = a === 0 ? Math.min(g, 0) : a >= (upper[i] ?? 0) ? Math.max(g, 0) : g;
      pgMax = Math.max(pgMax, pg);
      pgMin = Math.min(pgMin, pg);
      if (pg === 0) continue;
      const next = Math.min(Math.max(a - g / (qd[i] ?? 1), 0), upper[i] ?? 0);
      const delta = (next - a) * yi;
      alpha[i] = next;
      for (let k = 0; k < row.indices.length; k++) {
        const f = row.indices[k] ?? 0;
        w[f] = (w[f] ?? 0) + delta * (row.values[k] ?? 0);
      }
      bias += delta;
    }
    converged = rows.length === 0 || pgMax - pgMin <= (options.tolerance ?? 1e-6);
  }
  return { weights: w, bias, iterations: iteration, converged };
}

export function svmScore(model: Pick<SvmModel, 'weights' | 'bias'>, row: SparseRow): number {
  return sparseDot(row, model.weights) + model.bias;
}
