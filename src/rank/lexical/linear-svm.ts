/**
 * A linear SVM over sparse rows by dual coordinate descent (Hsieh et al., 2008), LIBLINEAR's
 * solver behind scikit-learn's `LinearSVC(dual=True)`: squared hinge (its default) or hinge loss,
 * L2 regularization, per-class C, and the bias as one more feature of value 1 that is
 * regularized like the others (sklearn's `intercept_scaling=1`). Stops when the projected
 * gradient's spread falls under `tolerance` (LIBLINEAR's `PGmax − PGmin ≤ eps`), with
 * LIBLINEAR's shrinking (variables stuck at a bound leave the active set until a final check
 * over all of them). The dual has only box constraints, so any α ≥ 0 is a valid start: a warm
 * start from a nearby problem (the next C of a grid, an overlapping fold) converges in few passes.
 */
import { createRandom } from '../prng.ts';
import { type CsrMatrix, csrAxpy, csrSquaredNorm, toCsr } from './sparse-matrix.ts';
import { type SparseRow, sparseDot } from './sparse-row.ts';

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

export interface SvmSolution extends SvmModel {
  /** Dual variables, one per trained row (in the order of the rows given). */
  alpha: Float64Array;
  /** The weights with the bias appended (features + 1 values): a warm start's `initialWeights`. */
  primal: Float64Array;
}

/** sklearn's `class_weight='balanced'`: n / (2 · count of the class). */
export function balancedWeights(y: ArrayLike<number>): [number, number] {
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i] === 1 ? 1 : 0;
  const negatives = y.length - positives;
  return [y.length / (2 * Math.max(1, negatives)), y.length / (2 * Math.max(1, positives))];
}

function shuffle(order: Uint32Array, size: number, random: () => number): void {
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] ?? i;
    order[i] = order[j] ?? j;
    order[j] = tmp;
  }
}

interface Problem {
  matrix: CsrMatrix;
  /** Matrix row of each training example. */
  rows: Uint32Array;
  sign: Int8Array;
  diag: Float64Array;
  upper: Float64Array;
  qd: Float64Array;
}

function setUp(
  matrix: CsrMatrix,
  rows: Uint32Array,
  y: ArrayLike<number>,
  options: SvmOptions & { privateNorms?: Float64Array; squaredNorms?: Float64Array },
): Problem {
  const hinge = options.loss === 'hinge';
  const n = rows.length;
  const sign = new Int8Array(n);
  const diag = new Float64Array(n);
  const upper = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = y[i] === 1 ? 1 : 0;
    const ci = options.c * options.classWeights[label];
    sign[i] = label === 1 ? 1 : -1;
    diag[i] = (hinge ? 0 : 1 / (2 * ci)) + (options.privateNorms?.[rows[i]!] ?? 0);
    upper[i] = hinge ? ci : Number.POSITIVE_INFINITY;
    qd[i] = (options.squaredNorms?.[rows[i]!] ?? csrSquaredNorm(matrix, rows[i]!)) + 1 + diag[i]!;
  }
  return { matrix, rows, sign, diag, upper, qd };
}

/**
 * Trains on the matrix rows `rows` with labels `y` (aligned with `rows`), optionally from the
 * dual point `initialAlpha` (clipped into the box). `initialWeights` (features + 1 values, the
 * bias last) is that point's primal w = Σ αᵢyᵢxᵢ when the caller has it — e.g. a solution's
 * weights scaled with its α — which spares the pass over the rows that would rebuild it. The
 * solver takes it over: it becomes the solution's `primal`, updated in place (no copy per fit).
 *
 * `privateNorms` (per matrix row) is the squared norm of the row's features left out of
 * `matrix` because no other row has them: such a feature's weight is αᵢyᵢxᵢⱼ, so its part of
 * the row's margin is αᵢ·xᵢⱼ², a diagonal term of the dual — the same solution, without the
 * rarely-touched weights that cost the solver a cache miss each.
 */
export function trainLinearSvmCsr(
  matrix: CsrMatrix,
  rows: Uint32Array,
  y: ArrayLike<number>,
  features: number,
  options: SvmOptions & {
    initialAlpha?: Float64Array;
    initialWeights?: Float64Array;
    privateNorms?: Float64Array;
    /** Per matrix row, its squared norm in `matrix`, when the caller fits the same rows many times. */
    squaredNorms?: Float64Array;
  },
): SvmSolution {
  const p = setUp(matrix, rows, y, options);
  const n = rows.length;
  const alpha = new Float64Array(n);
  const given = options.initialWeights?.length === features + 1 ? options.initialWeights : undefined;
  const w = given ?? new Float64Array(features + 1); // the bias is w[features]
  for (let i = 0; i < n; i++) {
    const a = Math.min(Math.max(options.initialAlpha?.[i] ?? 0, 0), p.upper[i] ?? 0);
    if (a === 0) continue;
    alpha[i] = a;
    if (given) continue;
    const scale = a * (p.sign[i] ?? 1);
    csrAxpy(matrix, rows[i] ?? 0, scale, w);
    w[features] = (w[features] ?? 0) + scale;
  }
  const { iterations, converged } = descend(p, alpha, w, features, options);
  return {
    weights: w.subarray(0, features),
    primal: w,
    bias: w[features] ?? 0,
    iterations,
    converged,
    alpha,
  };
}

/** LIBLINEAR's `solve_l2r_l1l2_svc` loop, shrinking included. */
function descend(
  p: Problem,
  alpha: Float64Array,
  w: Float64Array,
  features: number,
  options: SvmOptions,
): { iterations: number; converged: boolean } {
  const n = p.rows.length;
  const eps = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 10_000;
  const random = createRandom(options.seed ?? 1);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  let active = n;
  let pgMaxOld = Number.POSITIVE_INFINITY;
  let pgMinOld = Number.NEGATIVE_INFINITY;
  let iteration = 0;
  const { offsets, indices, values } = p.matrix;
  const { rows, sign, diag, upper, qd } = p;
  while (iteration < maxIterations) {
    iteration += 1;
    shuffle(order, active, random);
    let pgMax = Number.NEGATIVE_INFINITY;
    let pgMin = Number.POSITIVE_INFINITY;
    for (let s = 0; s < active; s++) {
      const i = order[s]!;
      const row = rows[i]!;
      const from = offsets[row]!;
      const to = offsets[row + 1]!;
      const yi = sign[i]!;
      const a = alpha[i]!;
      let dot = w[features]!;
      for (let k = from; k < to; k++) dot += values[k]! * w[indices[k]!]!;
      const g = yi * dot - 1 + diag[i]! * a;
      let pg = 0;
      const atUpper = a >= upper[i]!;
      if ((a === 0 && g > pgMaxOld) || (atUpper && g < pgMinOld)) {
        active -= 1;
        order[s] = order[active]!;
        order[active] = i;
        s -= 1;
        continue;
      }
      if (a === 0) pg = Math.min(g, 0);
      else if (atUpper) pg = Math.max(g, 0);
      else pg = g;
      pgMax = Math.max(pgMax, pg);
      pgMin = Math.min(pgMin, pg);
      if (Math.abs(pg) <= 1e-12) continue;
      const next = Math.min(Math.max(a - g / qd[i]!, 0), upper[i]!);
      const delta = (next - a) * yi;
      alpha[i] = next;
      for (let k = from; k < to; k++) w[indices[k]!]! += delta * values[k]!;
      w[features]! += delta;
    }
    if (n === 0) return { iterations: iteration, converged: true };
    if (pgMax - pgMin <= eps) {
      if (active === n) return { iterations: iteration, converged: true };
      active = n;
      pgMaxOld = Number.POSITIVE_INFINITY;
      pgMinOld = Number.NEGATIVE_INFINITY;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Number.POSITIVE_INFINITY : pgMax;
    pgMinOld = pgMin >= 0 ? Number.NEGATIVE_INFINITY : pgMin;
  }
  return { iterations: iteration, converged: false };
}

export function trainLinearSvm(
  rows: readonly SparseRow[],
  y: Uint8Array,
  features: number,
  options: SvmOptions,
): SvmModel {
  const all = Uint32Array.from(rows, (_, i) => i);
  const { weights, bias, iterations, converged } = trainLinearSvmCsr(toCsr(rows), all, y, features, options);
  return { weights, bias, iterations, converged };
}

export function svmScore(model: Pick<SvmModel, 'weights' | 'bias'>, row: SparseRow): number {
  return sparseDot(row, model.weights) + model.bias;
}
