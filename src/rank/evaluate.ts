/**
 * Offline quality of the preference classifier. The temporal split (train on older labels,
 * test on newer) is the honest one: a random split lets tomorrow's taste leak into training.
 */
import { precisionAtK, rocAuc } from './metrics.ts';
import { type PreferenceSettings, scoreRows, trainPreference } from './preference-model.ts';
import { createRandom, sampleIndices } from './prng.ts';
import type { LabelPoint } from './training-set.ts';
import { rowIndex, type VectorMatrix } from './vector-matrix.ts';

export interface TimedLabel extends LabelPoint {
  at: string;
}

export interface SplitScore {
  auc: number;
  precisionAtK: number;
  k: number;
  train: number;
  test: number;
}

export interface Evaluation {
  temporal: SplitScore;
  kfold: SplitScore & { folds: number };
}

export interface EvaluateOptions extends PreferenceSettings {
  k?: number;
  folds?: number;
  /** Share of the labels, the newest, held out by the temporal split. */
  testShare?: number;
}

function scoreSplit(
  matrix: VectorMatrix,
  train: readonly LabelPoint[],
  test: readonly LabelPoint[],
  options: EvaluateOptions,
): SplitScore {
  const rows = rowIndex(matrix);
  const held = test.filter((l) => rows.has(l.id));
  const k = options.k ?? 10;
  const trained = trainPreference(matrix, train, options, new Set(held.map((l) => l.id)));
  const scores = scoreRows(
    trained.model,
    matrix,
    held.map((l) => rows.get(l.id) ?? 0),
  );
  const truth = held.map((l) => (l.label === 1 ? 1 : 0));
  return {
    auc: rocAuc(scores, truth),
    precisionAtK: precisionAtK(scores, truth, k),
    k,
    train: train.length,
    test: held.length,
  };
}

export function temporalSplit<T extends TimedLabel>(
  labels: readonly T[],
  testShare = 0.2,
): { train: T[]; test: T[] } {
  const sorted = [...labels].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const cut = Math.max(1, Math.min(sorted.length - 1, Math.round(sorted.length * (1 - testShare))));
  return { train: sorted.slice(0, cut), test: sorted.slice(cut) };
}

/** Fold of each label, stratified: each class is shuffled (seeded) and dealt round-robin. */
export function stratifiedFolds(labels: readonly LabelPoint[], folds: number, seed: number): number[] {
  const assignment = new Array<number>(labels.length).fill(0);
  const random = createRandom(seed);
  for (const cls of [1, -1]) {
    const members = labels.flatMap((l, i) => (l.label === cls ? [i] : []));
    sampleIndices(members.length, members.length, random).forEach((pos, rank) => {
      assignment[members[pos] ?? 0] = rank % folds;
    });
  }
  return assignment;
}

function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
}

export function evaluatePreference(
  matrix: VectorMatrix,
  labels: readonly TimedLabel[],
  options: EvaluateOptions,
): Evaluation {
  const split = temporalSplit(labels, options.testShare);
  const temporal = scoreSplit(matrix, split.train, split.test, options);
  const folds = options.folds ?? 5;
  const assignment = stratifiedFolds(labels, folds, options.seed);
  const scores: SplitScore[] = [];
  for (let f = 0; f < folds; f++) {
    const train = labels.filter((_, i) => assignment[i] !== f);
    const test = labels.filter((_, i) => assignment[i] === f);
    if (test.length > 0) scores.push(scoreSplit(matrix, train, test, options));
  }
  return {
    temporal,
    kfold: {
      auc: mean(scores.map((s) => s.auc)),
      precisionAtK: mean(scores.map((s) => s.precisionAtK)),
      k: options.k ?? 10,
      train: labels.length,
      test: labels.length,
      folds,
    },
  };
}
