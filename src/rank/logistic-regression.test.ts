import { describe, expect, it } from 'vitest';
import { type LogisticData, predictProba, trainLogistic } from './logistic-regression.ts';
import { createRandom } from './prng.ts';
import { balance } from './training-set.ts';

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

/** y = 1 when w·x + b + noise > 0, with a known w. */
function problem(rows: number, noise: number, bias = 0, seed = 1): LogisticData & { truth: number[] } {
  const truth = [2, -1, 0.5, 0, 0];
  const dims = truth.length;
  const random = createRandom(seed);
  const x = new Float32Array(rows * dims);
  const y = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = bias;
    for (let j = 0; j < dims; j++) {
      const v = gaussian(random);
      x[i * dims + j] = v;
      z += v * (truth[j] ?? 0);
    }
    y[i] = z + noise * gaussian(random) > 0 ? 1 : 0;
  }
  return { rows, dims, x, y, truth };
}

function accuracy(data: LogisticData, p: Float64Array): number {
  let ok = 0;
  p.forEach((v, i) => {
    if ((v > 0.5 ? 1 : 0) === data.y[i]) ok += 1;
  });
  return ok / data.rows;
}

describe('trainLogistic', () => {
  it('separates a noisy linear problem and recovers the direction of the true weights', () => {
    const data = problem(2000, 0.5);
    const { model, converged } = trainLogistic(data, { l2: 0.01 });
    expect(converged).toBe(true);
    expect(accuracy(data, predictProba(model, data.x))).toBeGreaterThan(0.9);
    const [a = 0, b = 0, c = 0, d = 0] = model.coefficients;
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThan(0);
    expect(a / -b).toBeGreaterThan(1.5);
    expect(a / -b).toBeLessThan(2.6);
    expect(Math.abs(d)).toBeLessThan(0.3 * a);
    expect(c).toBeGreaterThan(0);
  });

  it('learns the intercept of a shifted problem', () => {
    const data = problem(2000, 0.3, 1.5);
    const { model } = trainLogistic(data, { l2: 0.01 });
    expect(model.intercept).toBeGreaterThan(0.5);
  });

  it('shrinks the weights as l2 grows', () => {
    const data = problem(500, 0.5);
    const norm = (l2: number): number => Math.hypot(...trainLogistic(data, { l2 }).model.coefficients);
    const weak = norm(0.01);
    const strong = norm(100);
    expect(strong).toBeLessThan(weak * 0.5);
  });

  it('moves the threshold towards the minority class when classes are balanced by weight', () => {
    const data = problem(3000, 1, -3.5, 3); // few positives
    const plain = predictProba(trainLogistic(data, { l2: 0.01 }).model, data.x);
    const weights = balance(data.y, new Float64Array(data.rows).fill(1));
    const weighted = predictProba(trainLogistic({ ...data, weights }, { l2: 0.01 }).model, data.x);
    const predictedPositives = (p: Float64Array): number => p.filter((v) => v > 0.5).length;
    const actual = data.y.reduce((a, b) => a + b, 0);
    expect(actual).toBeLessThan(data.rows * 0.15);
    expect(predictedPositives(weighted)).toBeGreaterThan(predictedPositives(plain) * 1.5);
    expect(predictedPositives(weighted)).toBeGreaterThan(actual);
  });

  it('ignores samples of weight zero', () => {
    const data = problem(400, 0.2);
    const flipped = { ...data, y: data.y.map((v, i) => (i < 200 ? 1 - v : v)) };
    const weights = new Float64Array(data.rows).map((_, i) => (i < 200 ? 0 : 1));
    const model = trainLogistic({ ...flipped, weights }, { l2: 0.01 }).model;
    const kept = { ...data, rows: 200, x: data.x.subarray(200 * data.dims), y: data.y.subarray(200) };
    expect(accuracy(kept, predictProba(model, kept.x))).toBeGreaterThan(0.9);
  });
});
