/** Training one preference classifier from labels over one model's vectors. */
import { type LogisticModel, predictProba, trainLogistic } from './logistic-regression.ts';
import { buildTrainingSet, type LabelPoint } from './training-set.ts';
import { selectRows, type VectorMatrix } from './vector-matrix.ts';

export interface PreferenceSettings {
  l2: number;
  pseudoNegativeRatio: number;
  pseudoNegativeWeight: number;
  seed: number;
}

export interface TrainedPreference {
  model: LogisticModel;
  positives: number;
  negatives: number;
  pseudoNegatives: number;
  iterations: number;
  converged: boolean;
}

export function trainPreference(
  matrix: VectorMatrix,
  labels: readonly LabelPoint[],
  settings: PreferenceSettings,
  exclude?: ReadonlySet<string>,
): TrainedPreference {
  const set = buildTrainingSet(matrix, labels, { ...settings, ...(exclude ? { exclude } : {}) });
  const result = trainLogistic(set.data, { l2: settings.l2 });
  return {
    model: result.model,
    positives: set.positives,
    negatives: set.negatives,
    pseudoNegatives: set.pseudoNegatives,
    iterations: result.iterations,
    converged: result.converged,
  };
}

/** Probabilities for the given rows of the matrix. */
export function scoreRows(model: LogisticModel, matrix: VectorMatrix, rows: readonly number[]): Float64Array {
  return predictProba(model, selectRows(matrix, rows).data, rows.length);
}
