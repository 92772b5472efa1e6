/**
 * A linear SVM over sparse rows by dual coordinate descent (Hsieh et al., 2008; LIBLINEAR's
 * solver): hinge or squared hinge loss, L2 regularization, per-sample C (class weights), and a
 * bias as a constant feature. Used only as the arxiv-sanity baseline (LinearSVC, C = 0.01, balanced).
 */
import { createRandom } from '../src/rank/prng.ts';
import type { SparseRow } from './tfidf.ts';

export interface SvmOptions {
  c: number;
  loss: 'hinge' | 'squared-hinge';
  /** Multiplies C per class: index 0 negatives, 1 positives. */
  classWeights: [number, number];
  epochs?: number;
  tolerance?: number;
  seed?: number;
}

export interface SvmModel {
  weights: Float64Array;
  bias: number;
}

function sparseDot(row: SparseRow, w: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < row.indices.length; k++) sum += (row.values[k] ?? 0) * (w[row.indices[k] ?? 0] ?? 0);
  return sum;
}

export function balancedWeights(y: Uint8Array): [number, number] {
  const positives = y.reduce((a, b) => a + b, 0);
  const negatives = y.length - positives;
  return [y.length / (2 * Math.max(1, negatives)), y.length / (2 * Math.max(1, positives))];
}

export function trainLinearSvm(
  rows: readonly SparseRow[],
  y: Uint8Array,
  features: number,
  options: SvmOptions,
): SvmModel {
  const w = new Float64Array(features);
  let bias = 0;
  const alpha = new Float64Array(rows.length);
  const sign = Float64Array.from(y, (v) => (v === 1 ? 1 : -1));
  const cOf = (i: number): number => options.c * options.classWeights[y[i] === 1 ? 1 : 0];
  const diag = (i: number): number => (options.loss === 'hinge' ? 0 : 1 / (2 * cOf(i)));
  const upper = (i: number): number => (options.loss === 'hinge' ? cOf(i) : Number.POSITIVE_INFINITY);
  const qii = rows.map((r) => r.values.reduce((a, v) => a + v * v, 0) + 1);
  const random = createRandom(options.seed ?? 1);
  const order = Array.from(rows, (_, i) => i);
  for (let epoch = 0; epoch < (options.epochs ?? 200); epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? j, order[i] ?? i];
    }
    let maxViolation = 0;
    for (const i of order) {
      const row = rows[i] as SparseRow;
      const yi = sign[i] ?? 1;
      const a = alpha[i] ?? 0;
      const g = yi * (sparseDot(row, w) + bias) - 1 + diag(i) * a;
      const pg = a === 0 ? Math.min(g, 0) : a >= upper(i) ? Math.max(g, 0) : g;
      maxViolation = Math.max(maxViolation, Math.abs(pg));
      if (pg === 0) continue;
      const next = Math.min(Math.max(a - g / ((qii[i] ?? 1) + diag(i)), 0), upper(i));
      const delta = (next - a) * yi;
      alpha[i] = next;
      for (let k = 0; k < row.indices.length; k++)
        w[row.indices[k] ?? 0] = (w[row.indices[k] ?? 0] ?? 0) + delta * (row.values[k] ?? 0);
      bias += delta;
    }
    if (maxViolation < (options.tolerance ?? 1e-3)) break;
  }
  return { weights: w, bias };
}

export function svmScore(model: SvmModel, row: SparseRow): number {
  return sparseDot(row, model.weights) + model.bias;
}
