/**
 * The radar's lexical preference classifier: a linear SVM (squared hinge, balanced classes) over
 * tf-idf rows whose C is chosen per retrain by stratified k-fold on the user's own labels. Noisy,
 * sparse labels want strong regularization; how strong depends on the user, so the folds decide.
 */

import { stratifiedFolds } from '../evaluate.ts';
import { rocAuc } from '../metrics.ts';
import { balancedWeights, type SvmModel, svmScore, trainLinearSvm } from './linear-svm.ts';
import type { SparseRow } from './sparse-row.ts';

/** C values tried per retrain; 0.01 is arxiv-sanity's fixed choice. */
export const C_GRID: readonly number[] = [0.003, 0.01, 0.03, 0.1, 0.3];

export interface CChoice {
  c: number;
  folds: number;
  /** Mean k-fold ROC-AUC of each C tried. */
  grid: { c: number; auc: number }[];
}

export interface LexicalClassifier {
  model: SvmModel;
  choice: CChoice;
}

export interface ChooseOptions {
  grid?: readonly number[];
  folds?: number;
  seed: number;
}

function fitSvm(rows: readonly SparseRow[], y: Uint8Array, features: number, c: number): SvmModel {
  return trainLinearSvm(rows, y, features, {
    c,
    classWeights: balancedWeights(y),
    maxIterations: 1000,
    tolerance: 1e-4,
  });
}

function meanFinite(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/** Mean out-of-fold AUC of each C; with too few labels of a class for the folds, the grid's C nearest 0.01 wins. */
export function chooseC(
  rows: readonly SparseRow[],
  y: Uint8Array,
  features: number,
  options: ChooseOptions,
): CChoice {
  const grid = options.grid ?? C_GRID;
  const positives = y.reduce((a, b) => a + b, 0);
  const folds = Math.min(options.folds ?? 5, positives, y.length - positives);
  if (folds < 2) return { c: 0.01, folds: 0, grid: [] };
  const assignment = stratifiedFolds(
    Array.from(y, (v, i) => ({ id: String(i), label: v === 1 ? 1 : -1 })),
    folds,
    options.seed,
  );
  const results = grid.map((c) => {
    const aucs: number[] = [];
    for (let f = 0; f < folds; f++) {
      const trainIdx = assignment.flatMap((a, i) => (a === f ? [] : [i]));
      const testIdx = assignment.flatMap((a, i) => (a === f ? [i] : []));
      const model = fitSvm(
        trainIdx.map((i) => rows[i] as SparseRow),
        Uint8Array.from(trainIdx, (i) => y[i] ?? 0),
        features,
        c,
      );
      aucs.push(
        rocAuc(
          testIdx.map((i) => svmScore(model, rows[i] as SparseRow)),
          testIdx.map((i) => y[i] ?? 0),
        ),
      );
    }
    return { c, auc: meanFinite(aucs) };
  });
  const best = results.reduce((a, b) => (b.auc > a.auc + 1e-9 ? b : a));
  return { c: best.c, folds, grid: results };
}

export function trainLexicalClassifier(
  rows: readonly SparseRow[],
  y: Uint8Array,
  features: number,
  options: ChooseOptions,
): LexicalClassifier {
  const choice = chooseC(rows, y, features, options);
  return { model: fitSvm(rows, y, features, choice.c), choice };
}
