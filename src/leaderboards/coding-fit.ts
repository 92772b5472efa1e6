/**
 * The coding score: a two-parameter logistic item-response fit over every coding sub-table, in
 * the manner of Epoch AI's Capabilities Index. Each model m has an ability θ_m, each sub-table i
 * a difficulty b_i and a slope a_i, and the expected score fraction is σ(a_i (θ_m − b_i)). The
 * fit uses only the cells a board reports, so a model missing from a board is neither punished
 * nor rewarded for it — what an average of the boards would do (a model seen only on an easy board
 * would look strong). Fitted by gradient descent on the binomial log-loss of the score fractions,
 * with weak normal priors on θ, b and log a that keep it identified with few cells.
 * The reported score is 100·σ(θ − mean b): the expected score on a board of average difficulty.
 *
 * Written here: the IRT packages on npm fit binary responses, not score fractions, and none is
 * small and maintained; the model is a few lines of plain arithmetic.
 */

export interface CodingCell {
  model: string;
  item: string;
  /** 0–100. */
  score: number;
}

export interface CodingFit {
  /** 0–100 per model. */
  scores: Map<string, number>;
  abilities: Map<string, number>;
  items: Map<string, { difficulty: number; slope: number; models: number }>;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const clampFraction = (s: number): number => Math.min(0.995, Math.max(0.005, s / 100));

export interface FitOptions {
  iterations?: number;
  learningRate?: number;
  /** Prior precision on θ, b and log a. */
  prior?: number;
}

export function fitCodingScores(cells: readonly CodingCell[], options: FitOptions = {}): CodingFit {
  const iterations = options.iterations ?? 1500;
  const lr = options.learningRate ?? 0.5;
  const prior = options.prior ?? 0.05;
  const models = [...new Set(cells.map((c) => c.model))].sort();
  const items = [...new Set(cells.map((c) => c.item))].sort();
  const mIndex = new Map(models.map((m, i) => [m, i]));
  const iIndex = new Map(items.map((m, i) => [m, i]));
  const obs = cells.map((c) => ({
    m: mIndex.get(c.model) ?? 0,
    i: iIndex.get(c.item) ?? 0,
    y: clampFraction(c.score),
  }));
  const theta = new Float64Array(models.length);
  const b = new Float64Array(items.length);
  const logA = new Float64Array(items.length);
  const perModel = new Float64Array(models.length);
  const perItem = new Float64Array(items.length);
  for (const o of obs) {
    perModel[o.m] = (perModel[o.m] ?? 0) + 1;
    perItem[o.i] = (perItem[o.i] ?? 0) + 1;
  }
  // Start each difficulty at minus the item's mean logit: an average model then scores its mean.
  const sums = new Float64Array(items.length);
  for (const o of obs) sums[o.i] = (sums[o.i] ?? 0) + Math.log(o.y / (1 - o.y));
  for (let i = 0; i < items.length; i++) b[i] = -((sums[i] ?? 0) / Math.max(1, perItem[i] ?? 1));
  const gTheta = new Float64Array(models.length);
  const gB = new Float64Array(items.length);
  const gLogA = new Float64Array(items.length);
  for (let step = 0; step < iterations; step++) {
    gTheta.fill(0);
    gB.fill(0);
    gLogA.fill(0);
    for (const o of obs) {
      const a = Math.exp(logA[o.i] ?? 0);
      const d = (theta[o.m] ?? 0) - (b[o.i] ?? 0);
      const r = sigmoid(a * d) - o.y;
      gTheta[o.m] = (gTheta[o.m] ?? 0) + r * a;
      gB[o.i] = (gB[o.i] ?? 0) - r * a;
      gLogA[o.i] = (gLogA[o.i] ?? 0) + r * a * d;
    }
    for (let m = 0; m < models.length; m++)
      theta[m] =
        (theta[m] ?? 0) - (lr * ((gTheta[m] ?? 0) + prior * (theta[m] ?? 0))) / Math.max(1, perModel[m] ?? 1);
    for (let i = 0; i < items.length; i++) {
      const n = Math.max(1, perItem[i] ?? 1);
      b[i] = (b[i] ?? 0) - (lr * ((gB[i] ?? 0) + prior * (b[i] ?? 0))) / n;
      logA[i] = (logA[i] ?? 0) - (lr * 0.2 * ((gLogA[i] ?? 0) + prior * 20 * (logA[i] ?? 0))) / n;
    }
  }
  const meanB = items.length > 0 ? b.reduce((s, v) => s + v, 0) / items.length : 0;
  return {
    scores: new Map(models.map((m, i) => [m, 100 * sigmoid((theta[i] ?? 0) - meanB)])),
    abilities: new Map(models.map((m, i) => [m, theta[i] ?? 0])),
    items: new Map(
      items.map((item, i) => [
        item,
        { difficulty: b[i] ?? 0, slope: Math.exp(logA[i] ?? 0), models: perItem[i] ?? 0 },
      ]),
    ),
  };
}
