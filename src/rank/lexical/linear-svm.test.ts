import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng.ts';
import { balancedWeights, svmScore, trainLinearSvm, trainLinearSvmCsr } from './linear-svm.ts';
import { toCsr } from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';

function randomRows(n: number, features: number, seed: number): { rows: SparseRow[]; y: Uint8Array } {
  const random = createRandom(seed);
  const rows: SparseRow[] = [];
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const indices = Int32Array.from(
      new Set(Array.from({ length: 4 }, () => Math.floor(random() * features))),
    ).sort();
    const values = Float32Array.from(indices, () => random());
    rows.push({ indices, values });
    y[i] = (indices[0] ?? 0) < features / 3 || random() < 0.1 ? 1 : 0;
  }
  return { rows, y };
}

describe('the linear SVM (LIBLINEAR dual coordinate descent)', () => {
  it('reaches the optimum of the squared-hinge primal with a regularized bias (gradient ≈ 0)', () => {
    const features = 12;
    const { rows, y } = randomRows(80, features, 3);
    const weights = balancedWeights(y);
    const c = 0.5;
    const model = trainLinearSvm(rows, y, features, { c, classWeights: weights, tolerance: 1e-9 });
    expect(model.converged).toBe(true);
    // ∇ = w̃ − 2 Σ Cᵢ max(0, 1 − yᵢ w̃·x̃ᵢ) yᵢ x̃ᵢ, with x̃ = (x, 1).
    const grad = Float64Array.from(model.weights);
    let gradBias = model.bias;
    rows.forEach((row, i) => {
      const yi = y[i] === 1 ? 1 : -1;
      const ci = c * weights[y[i] === 1 ? 1 : 0];
      const slack = Math.max(0, 1 - yi * svmScore(model, row));
      row.indices.forEach((f, k) => {
        grad[f] = (grad[f] ?? 0) - 2 * ci * slack * yi * (row.values[k] ?? 0);
      });
      gradBias -= 2 * ci * slack * yi;
    });
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-5);
    expect(Math.abs(gradBias)).toBeLessThan(1e-5);
  });

  it('balances classes like sklearn: n / (2 · class count)', () => {
    expect(balancedWeights(Uint8Array.from([1, 0, 0, 0]))).toEqual([4 / 6, 2]);
  });

  it('separates the positives from the negatives on a learnable rule', () => {
    const { rows, y } = randomRows(300, 30, 5);
    const model = trainLinearSvm(rows, y, 30, { c: 1, classWeights: balancedWeights(y) });
    const correct = rows.filter((r, i) => (svmScore(model, r) > 0 ? 1 : 0) === y[i]).length;
    expect(correct / rows.length).toBeGreaterThan(0.85);
  });
});

describe('the linear SVM warm start', () => {
  it('reaches the same optimum from another dual point as from zero, in fewer passes', () => {
    const features = 40;
    const { rows, y } = randomRows(400, features, 11);
    const matrix = toCsr(rows);
    const all = Uint32Array.from(rows, (_, i) => i);
    const options = { c: 0.2, classWeights: balancedWeights(y), tolerance: 1e-8 };
    const cold = trainLinearSvmCsr(matrix, all, y, features, options);
    const nearby = trainLinearSvmCsr(matrix, all, y, features, { ...options, c: 0.1 });
    const warm = trainLinearSvmCsr(matrix, all, y, features, {
      ...options,
      initialAlpha: nearby.alpha.map((a) => a * 2),
    });
    expect(warm.converged).toBe(true);
    expect(warm.iterations).toBeLessThan(cold.iterations);
    const gap = cold.weights.reduce((m, w, f) => Math.max(m, Math.abs(w - (warm.weights[f] ?? 0))), 0);
    expect(gap).toBeLessThan(1e-4);
    expect(Math.abs(cold.bias - warm.bias)).toBeLessThan(1e-4);
  });
});

describe('the linear SVM with one-row features held out of the matrix', () => {
  it('finds the same weights and bias as over the whole matrix', () => {
    const features = 40;
    const { rows, y } = randomRows(120, features, 13);
    // Give each row a feature of its own (features 40…159), as rare n-grams are in tf-idf rows.
    const widened = rows.map((row, i) => ({
      indices: Int32Array.from([...row.indices, features + i]),
      values: Float32Array.from([...row.values, 0.5 + (i % 7) / 10]),
    }));
    const all = Uint32Array.from(widened, (_, i) => i);
    const options = { c: 0.3, classWeights: balancedWeights(y), tolerance: 1e-9 };
    const whole = trainLinearSvmCsr(toCsr(widened), all, y, features + rows.length, options);
    const privateNorms = Float64Array.from(widened, (row) => (row.values.at(-1) ?? 0) ** 2);
    const split = trainLinearSvmCsr(toCsr(rows), all, y, features, { ...options, privateNorms });
    for (let f = 0; f < features; f++) expect(split.weights[f]).toBeCloseTo(whole.weights[f] ?? 0, 6);
    expect(split.bias).toBeCloseTo(whole.bias, 6);
    widened.forEach((row, i) => {
      const own = (split.alpha[i] ?? 0) * (y[i] === 1 ? 1 : -1) * (row.values.at(-1) ?? 0);
      expect(own).toBeCloseTo(whole.weights[features + i] ?? 0, 6);
    });
  });

  it('continues from given primal weights as from the dual point they come from', () => {
    const features = 30;
    const { rows, y } = randomRows(200, features, 17);
    const matrix = toCsr(rows);
    const all = Uint32Array.from(rows, (_, i) => i);
    const options = { c: 0.1, classWeights: balancedWeights(y), tolerance: 1e-8 };
    const first = trainLinearSvmCsr(matrix, all, y, features, options);
    const next = { ...options, c: 0.3, initialAlpha: first.alpha.map((a) => a * 3) };
    const rebuilt = trainLinearSvmCsr(matrix, all, y, features, next);
    const start = first.primal.map((v) => v * 3);
    const given = trainLinearSvmCsr(matrix, all, y, features, { ...next, initialWeights: start });
    // Taken over, not copied: the start becomes the solution's primal.
    expect(given.primal).toBe(start);
    given.weights.forEach((w, f) => {
      expect(w).toBeCloseTo(rebuilt.weights[f] ?? 0, 9);
    });
    expect(given.bias).toBeCloseTo(rebuilt.bias, 9);
  });
});
