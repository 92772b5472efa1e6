/**
 * Binary logistic regression with an intercept, L2 regularization (the intercept is not
 * penalized) and per-sample weights, trained with L-BFGS on row-major Float32Array data.
 * Objective, sklearn's with C = 1/l2: Σ wᵢ·logloss(yᵢ, b + β·xᵢ) + (l2/2)·‖β‖².
 * ml-logistic-regression has no intercept, no regularization and no sample weights, hence this.
 */

export interface LogisticData {
  rows: number;
  dims: number;
  /** rows × dims, row-major. */
  x: Float32Array;
  /** 1 for positive, 0 for negative. */
  y: Uint8Array;
  /** Per-sample weight (class weight × sample weight); all 1 when omitted. */
  weights?: Float64Array;
}

export interface LogisticModel {
  dims: number;
  coefficients: number[];
  intercept: number;
}

export interface TrainOptions {
  l2: number;
  maxIterations?: number;
  /** Stop when the largest gradient component (objective divided by the weight sum) is below this. */
  tolerance?: number;
  history?: number;
}

export interface TrainResult {
  model: LogisticModel;
  iterations: number;
  loss: number;
  converged: boolean;
}

function logOnePlusExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function dotRow(x: Float32Array, offset: number, theta: Float64Array, dims: number): number {
  let sum = theta[dims] ?? 0;
  for (let j = 0; j < dims; j++) sum += (x[offset + j] ?? 0) * (theta[j] ?? 0);
  return sum;
}

/** Objective and gradient, both divided by the weight sum so that the tolerance does not depend on n. */
function evaluate(data: LogisticData, l2: number, theta: Float64Array, grad: Float64Array): number {
  const { rows, dims, x, y, weights } = data;
  grad.fill(0);
  let loss = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const w = weights?.[i] ?? 1;
    if (w === 0) continue;
    total += w;
    const offset = i * dims;
    const z = dotRow(x, offset, theta, dims);
    const label = y[i] ?? 0;
    loss += w * (logOnePlusExp(z) - label * z);
    const g = w * (sigmoid(z) - label);
    for (let j = 0; j < dims; j++) grad[j] = (grad[j] ?? 0) + g * (x[offset + j] ?? 0);
    grad[dims] = (grad[dims] ?? 0) + g;
  }
  let penalty = 0;
  for (let j = 0; j < dims; j++) {
    const t = theta[j] ?? 0;
    penalty += t * t;
    grad[j] = (grad[j] ?? 0) + l2 * t;
  }
  const scale = total > 0 ? 1 / total : 1;
  for (let j = 0; j <= dims; j++) grad[j] = (grad[j] ?? 0) * scale;
  return (loss + 0.5 * l2 * penalty) * scale;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (const v of a) max = Math.max(max, Math.abs(v));
  return max;
}

interface Pair {
  s: Float64Array;
  y: Float64Array;
  rho: number;
}

/** L-BFGS two-loop recursion: the search direction −H·g. */
function direction(grad: Float64Array, pairs: readonly Pair[]): Float64Array {
  const q = Float64Array.from(grad);
  const alphas: number[] = [];
  for (let k = pairs.length - 1; k >= 0; k--) {
    const p = pairs[k];
    if (!p) continue;
    const alpha = p.rho * dot(p.s, q);
    alphas[k] = alpha;
    for (let i = 0; i < q.length; i++) q[i] = (q[i] ?? 0) - alpha * (p.y[i] ?? 0);
  }
  const last = pairs.at(-1);
  const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1 / Math.max(1, maxAbs(grad));
  for (let i = 0; i < q.length; i++) q[i] = (q[i] ?? 0) * gamma;
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k];
    if (!p) continue;
    const beta = p.rho * dot(p.y, q);
    const alpha = alphas[k] ?? 0;
    for (let i = 0; i < q.length; i++) q[i] = (q[i] ?? 0) + (alpha - beta) * (p.s[i] ?? 0);
  }
  for (let i = 0; i < q.length; i++) q[i] = -(q[i] ?? 0);
  return q;
}

export function trainLogistic(data: LogisticData, options: TrainOptions): TrainResult {
  const { dims } = data;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-6;
  const history = options.history ?? 10;
  let theta: Float64Array = new Float64Array(dims + 1);
  let grad: Float64Array = new Float64Array(dims + 1);
  let loss = evaluate(data, options.l2, theta, grad);
  const pairs: Pair[] = [];
  let iterations = 0;
  let converged = maxAbs(grad) < tolerance;
  while (!converged && iterations < maxIterations) {
    iterations += 1;
    const dir = direction(grad, pairs);
    let slope = dot(dir, grad);
    if (slope >= 0) {
      pairs.length = 0;
      for (let i = 0; i < dir.length; i++) dir[i] = -(grad[i] ?? 0);
      slope = dot(dir, grad);
    }
    const step = lineSearch(data, options.l2, theta, loss, slope, dir);
    if (!step) break;
    const s = new Float64Array(dims + 1);
    const yv = new Float64Array(dims + 1);
    for (let i = 0; i <= dims; i++) {
      s[i] = (step.theta[i] ?? 0) - (theta[i] ?? 0);
      yv[i] = (step.grad[i] ?? 0) - (grad[i] ?? 0);
    }
    const sy = dot(s, yv);
    if (sy > 1e-12) {
      pairs.push({ s, y: yv, rho: 1 / sy });
      if (pairs.length > history) pairs.shift();
    }
    const improvement = loss - step.loss;
    theta = step.theta;
    grad = step.grad;
    loss = step.loss;
    converged = maxAbs(grad) < tolerance || improvement < 1e-12 * Math.max(1, Math.abs(loss));
  }
  return { model: toModel(theta, dims), iterations, loss, converged };
}

/** Backtracking (Armijo) along `dir`; undefined when no decrease is found. */
function lineSearch(
  data: LogisticData,
  l2: number,
  theta: Float64Array,
  loss: number,
  slope: number,
  dir: Float64Array,
): { theta: Float64Array; grad: Float64Array; loss: number } | undefined {
  let t = 1;
  const next = new Float64Array(theta.length);
  const grad = new Float64Array(theta.length);
  for (let attempt = 0; attempt < 40; attempt++) {
    for (let i = 0; i < theta.length; i++) next[i] = (theta[i] ?? 0) + t * (dir[i] ?? 0);
    const value = evaluate(data, l2, next, grad);
    if (value <= loss + 1e-4 * t * slope) return { theta: next, grad, loss: value };
    t *= 0.5;
  }
  return undefined;
}

function toModel(theta: Float64Array, dims: number): LogisticModel {
  return { dims, coefficients: Array.from(theta.subarray(0, dims)), intercept: theta[dims] ?? 0 };
}

/** P(positive) for each row of a row-major matrix. */
export function predictProba(
  model: LogisticModel,
  x: Float32Array,
  rows = x.length / model.dims,
): Float64Array {
  const { dims, coefficients, intercept } = model;
  const beta = Float64Array.from(coefficients);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const offset = i * dims;
    let z = intercept;
    for (let j = 0; j < dims; j++) z += (x[offset + j] ?? 0) * (beta[j] ?? 0);
    out[i] = sigmoid(z);
  }
  return out;
}
