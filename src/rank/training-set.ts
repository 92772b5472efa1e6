/**
 * The classifier's training set: the user's labels plus unlabeled papers sampled as
 * pseudo-negatives (most papers are not interesting), with a lower sample weight, and class
 * weights balanced over the weighted counts.
 */
import type { LogisticData } from './logistic-regression.ts';
import { createRandom, sampleIndices } from './prng.ts';
import { rowIndex, type VectorMatrix } from './vector-matrix.ts';

export interface LabelPoint {
  id: string;
  label: 1 | -1;
}

export interface TrainingSetOptions {
  pseudoNegativeRatio: number;
  pseudoNegativeWeight: number;
  seed: number;
  /** Ids never used as pseudo-negatives (e.g. the papers being scored). */
  exclude?: ReadonlySet<string>;
}

export interface TrainingSet {
  data: LogisticData;
  ids: string[];
  positives: number;
  negatives: number;
  pseudoNegatives: number;
}

export function countLabels(labels: readonly LabelPoint[]): { positives: number; negatives: number } {
  const positives = labels.filter((l) => l.label === 1).length;
  return { positives, negatives: labels.length - positives };
}

/** Positions in `ids` of the pseudo-negatives: a seeded sample of the ids neither labeled nor excluded. */
function samplePool(
  ids: readonly string[],
  labeled: ReadonlySet<string>,
  count: number,
  options: TrainingSetOptions,
): number[] {
  const pool: number[] = [];
  ids.forEach((id, row) => {
    if (!labeled.has(id) && !options.exclude?.has(id)) pool.push(row);
  });
  const picked = sampleIndices(pool.length, count, createRandom(options.seed));
  return picked.map((i) => pool[i] ?? 0).sort((a, b) => a - b);
}

/**
 * The pseudo-negatives `buildTrainingSet` draws over a matrix with these ids (in this order),
 * chosen from the ids alone: a caller reads only these rows and the labels' instead of the whole
 * matrix, and a training set built over those rows (same options) uses exactly these ids.
 */
export function samplePseudoNegativeIds(
  ids: readonly string[],
  labels: readonly LabelPoint[],
  options: TrainingSetOptions,
): string[] {
  const present = new Set(ids);
  const known = labels.filter((l) => present.has(l.id));
  const count = Math.round(options.pseudoNegativeRatio * countLabels(known).positives);
  const labeled = new Set(known.map((l) => l.id));
  return samplePool(ids, labeled, count, options).map((row) => ids[row] ?? '');
}

/** Labels without a vector are skipped. */
export function buildTrainingSet(
  matrix: VectorMatrix,
  labels: readonly LabelPoint[],
  options: TrainingSetOptions,
): TrainingSet {
  const rows = rowIndex(matrix);
  const known = labels.filter((l) => rows.has(l.id));
  const labeled = new Set(known.map((l) => l.id));
  const { positives, negatives } = countLabels(known);
  const pseudoRows = samplePool(
    matrix.ids,
    labeled,
    Math.round(options.pseudoNegativeRatio * positives),
    options,
  );
  const n = known.length + pseudoRows.length;
  const { dims } = matrix;
  const x = new Float32Array(n * dims);
  const y = new Uint8Array(n);
  const base = new Float64Array(n);
  const ids: string[] = [];
  const put = (i: number, row: number, label: number, weight: number): void => {
    x.set(matrix.data.subarray(row * dims, (row + 1) * dims), i * dims);
    y[i] = label;
    base[i] = weight;
    ids.push(matrix.ids[row] ?? '');
  };
  for (const [i, l] of known.entries()) put(i, rows.get(l.id) ?? 0, l.label === 1 ? 1 : 0, 1);
  for (const [i, row] of pseudoRows.entries()) put(known.length + i, row, 0, options.pseudoNegativeWeight);
  return {
    data: { rows: n, dims, x, y, weights: balance(y, base) },
    ids,
    positives,
    negatives,
    pseudoNegatives: pseudoRows.length,
  };
}

/** sklearn's "balanced" over weighted counts: each class carries half of the total weight. */
export function balance(y: Uint8Array, base: Float64Array): Float64Array {
  const sums = [0, 0];
  y.forEach((label, i) => {
    sums[label] = (sums[label] ?? 0) + (base[i] ?? 0);
  });
  const total = (sums[0] ?? 0) + (sums[1] ?? 0);
  return base.map((w, i) => {
    const classSum = sums[y[i] ?? 0] ?? 0;
    return classSum > 0 ? (w * total) / (2 * classSum) : 0;
  });
}
