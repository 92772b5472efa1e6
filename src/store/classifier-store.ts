/**
 * `classifiers/<model>/classifier.json` (the trained weights) and `metrics.json` (its last
 * evaluation). Dense models store a logistic regression over their vectors; the lexical model
 * (`tfidf`) a linear SVM over the terms of its `vocabulary.json`, with the C the k-fold chose.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';

const isoDateTime = z.iso.datetime({ offset: true });
/** JSON has no NaN: an undefined metric (a class missing from the test set) is stored as null. */
const metric = z.number().nullable();

export const Regularization = z.object({
  c: z.number().positive(),
  folds: z.int().min(0),
  grid: z.array(z.object({ c: z.number().positive(), auc: metric })),
});

export const StoredClassifier = z.object({
  version: z.literal(1),
  model: z.string().min(1),
  kind: z.enum(['logistic', 'linear-svm', 'cold-start']),
  trainedAt: isoDateTime,
  dims: z.int().positive(),
  coefficients: z.array(z.number()),
  intercept: z.number(),
  positives: z.int().min(0),
  negatives: z.int().min(0),
  pseudoNegatives: z.int().min(0),
  iterations: z.int().min(0),
  converged: z.boolean(),
  settings: z.object({
    l2: z.number(),
    pseudoNegativeRatio: z.number(),
    pseudoNegativeWeight: z.number(),
    seed: z.int(),
  }),
  /** The regularization the stratified k-fold chose on the user's labels (lexical model). */
  regularization: Regularization.optional(),
  /** `fittedAt` of the vocabulary the coefficients index (lexical model). */
  vocabularyFittedAt: isoDateTime.optional(),
});
export type StoredClassifier = z.infer<typeof StoredClassifier>;

const SplitMetrics = z.object({
  auc: metric,
  precisionAtK: metric,
  k: z.int(),
  train: z.int(),
  test: z.int(),
});

export const StoredMetrics = z.object({
  version: z.literal(1),
  model: z.string().min(1),
  evaluatedAt: isoDateTime,
  temporal: SplitMetrics,
  kfold: SplitMetrics.extend({ folds: z.int().min(2) }),
  /** The built-in arxiv-sanity baseline on the same split and folds (lexical model). */
  baseline: z
    .object({ temporal: SplitMetrics, kfold: SplitMetrics.extend({ folds: z.int().min(2) }) })
    .optional(),
  regularization: Regularization.optional(),
});
export type StoredMetrics = z.infer<typeof StoredMetrics>;

export interface ClassifierStore {
  readClassifier(model: string): Promise<StoredClassifier | undefined>;
  writeClassifier(classifier: StoredClassifier): Promise<void>;
  readMetrics(model: string): Promise<StoredMetrics | undefined>;
  writeMetrics(metrics: StoredMetrics): Promise<void>;
}

export function createClassifierStore(stateDir: string): ClassifierStore {
  const dir = (model: string): string => join(statePaths(stateDir).classifiersDir, model);
  return {
    readClassifier: (model) => readJsonFile(join(dir(model), 'classifier.json'), StoredClassifier),
    writeClassifier: (classifier) =>
      writeJsonFile(join(dir(classifier.model), 'classifier.json'), StoredClassifier.parse(classifier)),
    readMetrics: (model) => readJsonFile(join(dir(model), 'metrics.json'), StoredMetrics),
    writeMetrics: (metrics) =>
      writeJsonFile(join(dir(metrics.model), 'metrics.json'), StoredMetrics.parse(metrics)),
  };
}
