/**
 * The radar's lexical preference classifier: a linear SVM (squared hinge, balanced classes) over
 * tf-idf rows whose C is chosen per retrain by stratified k-fold on the user's own labels. Noisy,
 * sparse labels want strong regularization; how strong depends on the user, so the folds decide.
 */

import { stratifiedFolds } from '../evaluate.ts';
import { averagePrecision, precisionAtK, rocAuc } from '../metrics.ts';
import { capCsr, cappedScorer } from './df-cap.ts';
import { balancedWeights, type SvmModel, type SvmSolution, trainLinearSvmCsr } from './linear-svm.ts';
import {
  type CsrMatrix,
  compactColumns,
  csrAxpy,
  csrDot,
  csrSquaredNorm,
  expandWeights,
  type SplitMatrix,
  splitColumns,
} from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';

/** C values tried per retrain; 0.01 is arxiv-sanity's fixed choice. */
export const C_GRID: readonly number[] = [0.003, 0.01, 0.03, 0.1, 0.3];

export interface CChoice {
  c: number;
  folds: number;
  /** Mean k-fold ROC-AUC of each C tried (at the chosen max_df). */
  grid: { c: number; auc: number }[];
  /** The max_df bound the folds chose, when they tried several. */
  maxDf?: number;
}

export interface LexicalClassifier {
  model: SvmModel;
  choice: CChoice;
  /** The model's score of a row of the vocabulary (capped to the chosen max_df first). */
  score(row: SparseRow): number;
}

export interface ChooseOptions {
  grid?: readonly number[];
  folds?: number;
  seed: number;
  /**
   * The solver's stopping spread of the projected gradient. Default 0.1, LIBLINEAR's own
   * default for this dual solver (scikit-learn passes its 1e-4): ranking needs the order of the
   * scores, which settles long before the dual does (bench/ranking-speed.ts prints both).
   */
  tolerance?: number;
  /** What the folds maximize: ROC-AUC (default), average precision, or precision at `topK`. */
  criterion?: Criterion;
  topK?: number;
  /** The final model: one fit on every label (default) or the mean of the chosen C's fold models. */
  final?: 'refit' | 'fold-mean';
  /**
   * max_df bounds the folds try beside the C grid (each with every C), given the share of the
   * corpus's documents holding each feature; the vocabulary's own bound only when absent.
   */
  maxDfGrid?: { shares: ArrayLike<number>; caps: readonly number[] };
}

export type Criterion = 'auc' | 'average-precision' | 'precision-at-k';

export const DEFAULT_TOLERANCE = 0.1;

/**
 * How the radar's lexical model trains: the folds choose C and a max_df bound together, by
 * average precision (the picks are the top of the ranking; AUC weighs every pair alike). A 10 %
 * bound is arxiv-sanity's and suits topics spread over many word forms; it drops a topic whose
 * stem is in more than a tenth of the papers (e.g. "retriev"), hence the looser bounds beside it.
 */
export const LEXICAL_TRAINING: Pick<ChooseOptions, 'criterion' | 'final'> & {
  maxDfCaps?: readonly number[];
} = { criterion: 'average-precision', maxDfCaps: [0.1, 0.15, 0.5] };

/** A dual point and, when known, its primal w (bias last): where a fit starts. */
interface WarmStart {
  alpha: Float64Array;
  primal?: Float64Array;
}

/**
 * The labeled rows as the solver takes them: the columns two or more rows share, packed, and
 * the one-row columns as a diagonal term (`restNorms`); `features` counts the shared columns.
 */
interface Problem {
  matrix: CsrMatrix;
  restNorms: Float64Array;
  /** Per row, its squared norm in `matrix` (computed once for the 76 fits). */
  squaredNorms: Float64Array;
  features: number;
}

function problemOf(matrix: CsrMatrix, shared: number): Problem & SplitMatrix {
  const split = splitColumns(matrix, shared);
  const rows = split.matrix.offsets.length - 1;
  const squaredNorms = Float64Array.from({ length: rows }, (_, r) => csrSquaredNorm(split.matrix, r));
  return { ...split, squaredNorms, features: shared };
}

function fitSvm(
  problem: Problem,
  rows: Uint32Array,
  y: Uint8Array,
  c: number,
  tolerance: number,
  start?: WarmStart,
): SvmSolution {
  const labels = Uint8Array.from(rows, (r) => y[r] ?? 0);
  return trainLinearSvmCsr(problem.matrix, rows, labels, problem.features, {
    privateNorms: problem.restNorms,
    squaredNorms: problem.squaredNorms,
    c,
    classWeights: balancedWeights(labels),
    maxIterations: 1000,
    tolerance,
    ...(start ? { initialAlpha: start.alpha } : {}),
    ...(start?.primal ? { initialWeights: start.primal } : {}),
  });
}

/**
 * A solution at C = `from` as a start at C = `to`: α (and so w) scaled by the ratio of the Cs.
 * The primal is scaled in place (its solution is superseded by the fit it starts); α is copied,
 * as the grid keeps each fit's α.
 */
function scaledStart(solution: SvmSolution | undefined, from: number, to: number): WarmStart | undefined {
  if (!solution) return undefined;
  const ratio = to / from;
  const primal = solution.primal;
  for (let j = 0; j < primal.length; j++) primal[j] = (primal[j] ?? 0) * ratio;
  return { alpha: solution.alpha.map((a) => a * ratio), primal };
}

function meanFinite(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/** Per C of the grid (by index), each fold fit's dual variables; absent for a C not tried. */
type FoldDuals = (Float64Array[] | undefined)[];

interface GridRun {
  choice: CChoice;
  /** The chosen C's mean fold criterion. */
  score: number;
  /** The chosen C's index in the (ascending) grid. */
  bestIndex: number;
  /** Per row, the mean dual variable of the fold fits at the chosen C (a warm start for the final fit). */
  alpha?: Float64Array;
  /** The fold fits' dual variables at each C tried. */
  perC?: FoldDuals;
}

/**
 * Mean out-of-fold AUC of each C, the grid walked in ascending order with each fold's fit
 * warm-started from the same fold's fit at the previous C (its α scaled by the ratio of the
 * Cs: under the squared hinge α ≈ 2C·slack) — or, given `previous` (the fold fits at each C
 * under an earlier max_df bound), from the same fold and C there: two bounds differ by a few
 * frequent terms, so those fits are the nearer start (a fifth fewer solver passes at 10k
 * labels). Given `around`, only that grid index and its two neighbours are tried. With too few
 * labels of a class for the folds, the grid's C nearest 0.01 wins.
 */
function runGrid(
  problem: Problem,
  y: Uint8Array,
  options: ChooseOptions,
  previous?: FoldDuals,
  around?: number,
): GridRun {
  const grid = [...(options.grid ?? C_GRID)].sort((a, b) => a - b);
  const positives = y.reduce((a, b) => a + b, 0);
  const folds = Math.min(options.folds ?? 5, positives, y.length - positives);
  if (folds < 2) return { choice: { c: 0.01, folds: 0, grid: [] }, score: Number.NaN, bestIndex: -1 };
  const assignment = stratifiedFolds(
    Array.from(y, (v, i) => ({ id: String(i), label: v === 1 ? 1 : -1 })),
    folds,
    options.seed,
  );
  const foldRows = Array.from({ length: folds }, (_, f) => ({
    train: Uint32Array.from(assignment.flatMap((a, i) => (a === f ? [] : [i]))),
    test: assignment.flatMap((a, i) => (a === f ? [i] : [])),
  }));
  const first = around === undefined ? 0 : Math.max(0, around - 1);
  const last = around === undefined ? grid.length - 1 : Math.min(grid.length - 1, around + 1);
  const solutions: (SvmSolution | undefined)[] = new Array(folds).fill(undefined);
  const perC: FoldDuals = [];
  let previousC = 0;
  const measure = criterionOf(options);
  const results: { c: number; auc: number; score: number }[] = [];
  for (let ci = first; ci <= last; ci++) {
    const c = grid[ci] ?? 0.01;
    const perFold = foldRows.map(({ train, test }, f) => {
      const near = previous?.[ci]?.[f];
      const start = near ? { alpha: near } : scaledStart(solutions[f], previousC, c);
      const model = fitSvm(problem, train, y, c, options.tolerance ?? DEFAULT_TOLERANCE, start);
      solutions[f] = model;
      // A test row's one-row columns are absent from the fold's training rows: their weight is 0.
      const scores = test.map((r) => csrDot(problem.matrix, r, model.weights) + model.bias);
      const truth = test.map((r) => y[r] ?? 0);
      return { auc: rocAuc(scores, truth), score: measure(scores, truth) };
    });
    perC[ci] = solutions.map((s) => s?.alpha ?? new Float64Array(0));
    previousC = c;
    results.push({
      c,
      auc: meanFinite(perFold.map((m) => m.auc)),
      score: meanFinite(perFold.map((m) => m.score)),
    });
  }
  const bestAt = results.reduce((a, b, i) => (b.score > (results[a]?.score ?? 0) + 1e-9 ? i : a), 0);
  const best = results[bestAt] ?? { c: 0.01, score: Number.NaN };
  return {
    choice: { c: best.c, folds, grid: results.map(({ c, auc }) => ({ c, auc })) },
    score: best.score,
    bestIndex: first + bestAt,
    alpha: meanFoldAlpha(perC[first + bestAt] ?? [], foldRows, y.length),
    perC,
  };
}

function criterionOf(options: ChooseOptions): (scores: number[], truth: number[]) => number {
  switch (options.criterion ?? 'auc') {
    case 'auc':
      return rocAuc;
    case 'average-precision':
      return averagePrecision;
    case 'precision-at-k':
      return (scores, truth) => precisionAtK(scores, truth, options.topK ?? 20);
  }
}

function meanFoldAlpha(
  alphas: readonly Float64Array[],
  foldRows: readonly { train: Uint32Array }[],
  n: number,
): Float64Array {
  const sum = new Float64Array(n);
  const count = new Uint16Array(n);
  foldRows.forEach(({ train }, f) => {
    const a = alphas[f];
    if (!a) return;
    train.forEach((r, k) => {
      sum[r] = (sum[r] ?? 0) + (a[k] ?? 0);
      count[r] = (count[r] ?? 0) + 1;
    });
  });
  return sum.map((s, r) => (count[r] ? s / (count[r] ?? 1) : 0));
}

interface BoundRun {
  cap: number | undefined;
  run: GridRun;
  /** The capped matrix, kept only for a fold-mean final model. */
  matrix?: CsrMatrix;
  problem: Problem & SplitMatrix;
}

/**
 * The max_df bound (with its C) whose folds score best. The first (loosest) bound tries the
 * whole C grid; each next one only the best C so far and its two neighbours, since two bounds
 * differ by a few frequent terms and move the best C by a step at most (at 10k labels, 45 fold
 * fits instead of 75). One packed, column-compacted matrix of the labeled rows; each bound is a
 * filtered copy of it. Only the best bound's problem is kept: at 10k labels each is ~18 MB, and
 * the matrices of the bounds tried die with this call.
 */
function chooseBound(
  labeled: CsrMatrix,
  y: Uint8Array,
  features: number,
  options: ChooseOptions,
): { best: BoundRun; columns: Int32Array } {
  const caps = options.maxDfGrid ? [...options.maxDfGrid.caps].sort((a, b) => b - a) : [undefined];
  const shares = options.maxDfGrid?.shares ?? [];
  const { matrix: full, columns, shared } = compactColumns(labeled, features);
  const columnShares = Float64Array.from(columns, (f) => shares[f] ?? 0);
  const keepMatrix = options.final === 'fold-mean';
  let best: BoundRun | undefined;
  const duals: FoldDuals = [];
  for (const cap of caps) {
    const capped = cap === undefined ? full : capCsr(full, columnShares, cap);
    const problem = problemOf(capped, shared);
    const around = best && best.run.bestIndex >= 0 ? best.run.bestIndex : undefined;
    const run = runGrid(problem, y, options, duals, around);
    run.perC?.forEach((fits, ci) => {
      duals[ci] = fits;
    });
    if (!best || run.score > best.run.score + 1e-9)
      best = { cap, run, problem, ...(keepMatrix ? { matrix: capped } : {}) };
  }
  return { best: best as BoundRun, columns };
}

/** Trains on the labeled rows (`y[r]` the label of row r), choosing C and max_df by the folds. */
export function trainLexicalClassifier(
  labeled: CsrMatrix,
  y: Uint8Array,
  features: number,
  options: ChooseOptions,
): LexicalClassifier {
  const { best, columns } = chooseBound(labeled, y, features, options);
  const { cap, run, matrix, problem } = best;
  const all = Uint32Array.from(y, (_, i) => i);
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const fit =
    options.final === 'fold-mean' && run.alpha && matrix
      ? primalOf(matrix, all, y, columns.length, run.alpha)
      : withRestWeights(
          fitSvm(problem, all, y, run.choice.c, tolerance, run.alpha && { alpha: run.alpha }),
          problem,
          y,
          columns.length,
        );
  const model = {
    weights: expandWeights(fit.weights, columns, features),
    bias: fit.bias,
    iterations: fit.iterations,
    converged: fit.converged,
  };
  const shares = options.maxDfGrid?.shares ?? [];
  const scorer = cappedScorer(model, cap === undefined ? undefined : { shares, bound: cap });
  return {
    model,
    choice: cap === undefined ? run.choice : { ...run.choice, maxDf: cap },
    score: (row) => scorer(row.indices, row.values, 0, row.indices.length),
  };
}

/** A fit over every row, its weights extended to the one-row columns: wⱼ = αᵢyᵢxᵢⱼ. */
function withRestWeights(fit: SvmSolution, split: SplitMatrix, y: Uint8Array, features: number): SvmModel {
  const weights = new Float64Array(features);
  weights.set(fit.weights);
  const rows = split.rest.offsets.length - 1;
  for (let r = 0; r < rows; r++) csrAxpy(split.rest, r, (fit.alpha[r] ?? 0) * (y[r] === 1 ? 1 : -1), weights);
  return { weights, bias: fit.bias, iterations: fit.iterations, converged: fit.converged };
}

/** The primal point w = Σ αᵢ yᵢ x̃ᵢ of a dual point (the mean of the fold models, up to scale). */
function primalOf(
  matrix: CsrMatrix,
  rows: Uint32Array,
  y: Uint8Array,
  features: number,
  alpha: Float64Array,
): SvmModel {
  const w = new Float64Array(features);
  let bias = 0;
  rows.forEach((r, i) => {
    const scale = (alpha[i] ?? 0) * (y[r] === 1 ? 1 : -1);
    if (scale === 0) return;
    csrAxpy(matrix, r, scale, w);
    bias += scale;
  });
  return { weights: w, bias, iterations: 0, converged: true };
}
