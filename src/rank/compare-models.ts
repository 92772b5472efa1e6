/**
 * `radar rank --eval` for text ranking models: the radar's model(s) beside the arxiv-sanity
 * baseline on the same temporal split (older 80 % of the labels train, newer 20 % test) and the
 * same stratified k-fold, with ROC-AUC, precision@k per label day and every test paper's score.
 */
import { stratifiedFolds, temporalSplit } from './evaluate.ts';
import type { TextRanker } from './lexical/text-rankers.ts';
import { precisionAtK, rocAuc } from './metrics.ts';

export interface LabeledText {
  id: string;
  label: 1 | -1;
  /** When the label was given (ISO); its day groups precision@k. */
  at: string;
  text: string;
}

export interface ModelComparison {
  model: string;
  temporal: { auc: number; precisionAtK: number };
  kfold: { auc: number; precisionAtK: number };
  /** The model's score for every test paper of the temporal split, in `split.test` order. */
  testScores: number[];
}

export interface Comparison {
  k: number;
  folds: number;
  split: { train: { id: string; label: 1 | -1 }[]; test: { id: string; label: 1 | -1; at: string }[] };
  models: ModelComparison[];
  verdict: string;
}

const truthOf = (items: readonly LabeledText[]): number[] => items.map((l) => (l.label === 1 ? 1 : 0));
const mean = (v: readonly number[]): number => {
  const f = v.filter(Number.isFinite);
  return f.length === 0 ? Number.NaN : f.reduce((a, b) => a + b, 0) / f.length;
};

export function precisionPerLabelDay(
  items: readonly LabeledText[],
  scores: ArrayLike<number>,
  k: number,
): number {
  const days = new Map<string, number[]>();
  items.forEach((l, i) => {
    days.set(l.at.slice(0, 10), [...(days.get(l.at.slice(0, 10)) ?? []), i]);
  });
  const truth = truthOf(items);
  return mean(
    [...days.values()].map((rows) =>
      precisionAtK(
        rows.map((i) => scores[i] ?? 0),
        rows.map((i) => truth[i] ?? 0),
        k,
      ),
    ),
  );
}

function fitScore(
  ranker: TextRanker,
  train: readonly LabeledText[],
  test: readonly LabeledText[],
): Float64Array {
  return ranker
    .train(
      train.map((l) => l.text),
      Uint8Array.from(truthOf(train)),
    )
    .score(test.map((l) => l.text));
}

function kfold(ranker: TextRanker, labels: readonly LabeledText[], folds: number, k: number, seed: number) {
  const assignment = stratifiedFolds(labels, folds, seed);
  const aucs: number[] = [];
  const precisions: number[] = [];
  for (let f = 0; f < folds; f++) {
    const test = labels.filter((_, i) => assignment[i] === f);
    const scores = fitScore(
      ranker,
      labels.filter((_, i) => assignment[i] !== f),
      test,
    );
    aucs.push(rocAuc(scores, truthOf(test)));
    precisions.push(precisionAtK(scores, truthOf(test), k));
  }
  return { auc: mean(aucs), precisionAtK: mean(precisions) };
}

export function verdictOf(models: readonly ModelComparison[], baseline: string): string {
  const base = models.find((m) => m.model === baseline);
  const others = models.filter((m) => m.model !== baseline);
  if (!base || others.length === 0) return 'no comparison';
  const best = others.reduce((a, b) => (b.temporal.auc > a.temporal.auc ? b : a));
  const delta = best.temporal.auc - base.temporal.auc;
  if (!Number.isFinite(delta)) return 'too few labels of a class in the test split to compare';
  const word = delta >= 0.005 ? 'beats' : delta > -0.005 ? 'ties with' : 'loses to';
  return `${best.model} ${word} the ${baseline} baseline (temporal ROC-AUC ${best.temporal.auc.toFixed(3)} vs ${base.temporal.auc.toFixed(3)}; k-fold ${best.kfold.auc.toFixed(3)} vs ${base.kfold.auc.toFixed(3)})`;
}

export function compareModels(
  rankers: readonly TextRanker[],
  labels: readonly LabeledText[],
  options: { k: number; folds: number; seed: number; baseline: string },
): Comparison {
  const split = temporalSplit(labels);
  const models = rankers.map((ranker): ModelComparison => {
    const scores = fitScore(ranker, split.train, split.test);
    return {
      model: ranker.name,
      temporal: {
        auc: rocAuc(scores, truthOf(split.test)),
        precisionAtK: precisionPerLabelDay(split.test, scores, options.k),
      },
      kfold: kfold(ranker, labels, options.folds, options.k, options.seed),
      testScores: Array.from(scores),
    };
  });
  return {
    k: options.k,
    folds: options.folds,
    split: {
      train: split.train.map((l) => ({ id: l.id, label: l.label })),
      test: split.test.map((l) => ({ id: l.id, label: l.label, at: l.at })),
    },
    models,
    verdict: verdictOf(models, options.baseline),
  };
}
