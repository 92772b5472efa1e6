/**
 * Training the preference classifier of each active model (and the lexical model when ranked with) and storing it under
 * `classifiers/<model>/`, without scoring or recording picks: what `radar rank` does before it
 * scores, and what the feedback poll runs when new labels arrive (so the stored classifier always
 * reflects the latest labels).
 */
import type { RadarConfig } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { Label } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { LEXICAL_MODEL } from './lexical/vocabulary-state.ts';
import { type PreferenceSettings, type TrainedPreference, trainPreference } from './preference-model.ts';
import { loadLexicalModel, trainAndStoreLexical } from './rank-lexical.ts';
import { countLabels } from './training-set.ts';
import type { VectorMatrix } from './vector-matrix.ts';

export interface TrainDeps {
  stores: Pick<Stores, 'papers' | 'labels' | 'classifiers' | 'vocabulary' | 'vectors' | 'lexicalRows'>;
  config: RadarConfig;
  logger: Logger;
  now?: () => Date;
}

export function preferenceSettings(config: RadarConfig): PreferenceSettings {
  const r = config.ranking;
  return {
    l2: r.l2,
    pseudoNegativeRatio: r.pseudoNegativeRatio,
    pseudoNegativeWeight: r.pseudoNegativeWeight,
    seed: r.seed,
  };
}

/** Trains one model's classifier on the labels that have a vector, and stores it. */
export async function trainAndStoreClassifier(
  deps: TrainDeps,
  model: string,
  matrix: VectorMatrix,
  usable: readonly Label[],
  exclude?: ReadonlySet<string>,
): Promise<TrainedPreference> {
  const settings = preferenceSettings(deps.config);
  const trained = trainPreference(matrix, usable, settings, exclude);
  await deps.stores.classifiers.writeClassifier({
    version: 1,
    model,
    kind: 'logistic',
    trainedAt: (deps.now?.() ?? new Date()).toISOString(),
    dims: matrix.dims,
    coefficients: trained.model.coefficients,
    intercept: trained.model.intercept,
    positives: trained.positives,
    negatives: trained.negatives,
    pseudoNegatives: trained.pseudoNegatives,
    iterations: trained.iterations,
    converged: trained.converged,
    settings,
  });
  return trained;
}

export interface TrainOutcome {
  model: string;
  trained: boolean;
  positives: number;
  negatives: number;
}

/** Every active model with enough labels of each class gets a freshly trained classifier. */
export async function trainClassifiers(deps: TrainDeps): Promise<TrainOutcome[]> {
  const labels = await deps.stores.labels.readAll();
  const outcomes: TrainOutcome[] = [];
  for (const model of deps.config.embedding.active) {
    const matrix = await deps.stores.vectors(model).load();
    const known = new Set(matrix.ids);
    const usable = labels.filter((l) => known.has(l.id));
    const counts = countLabels(usable);
    const min = deps.config.ranking.minLabelsPerClass;
    const enough = counts.positives >= min && counts.negatives >= min;
    if (enough) await trainAndStoreClassifier(deps, model, matrix, usable);
    else deps.logger.info({ model, ...counts }, 'too few labels to train a classifier');
    outcomes.push({ model, trained: enough, ...counts });
  }
  if (deps.config.ranking.models.includes(LEXICAL_MODEL)) {
    const lexical = await trainAndStoreLexical(deps, await loadLexicalModel(deps), labels);
    const counts = { positives: lexical.positives, negatives: lexical.negatives };
    if (!lexical.trained) deps.logger.info({ model: LEXICAL_MODEL, ...counts }, 'too few labels to train');
    outcomes.push({ model: LEXICAL_MODEL, trained: lexical.trained !== undefined, ...counts });
  }
  return outcomes;
}

/**
 * Retrains when the poll brought label changes, or when a label is newer than a stored
 * classifier (labels a chat bot wrote since the last training).
 */
export async function retrainIfLabelsChanged(deps: TrainDeps, changes: number): Promise<TrainOutcome[]> {
  if (changes > 0) return trainClassifiers(deps);
  const labels = await deps.stores.labels.readAll();
  const newest = labels.reduce((max, l) => (l.at > max ? l.at : max), '');
  if (newest === '') return [];
  const store = deps.stores.classifiers;
  const lexical = deps.config.ranking.models.includes(LEXICAL_MODEL) ? [LEXICAL_MODEL] : [];
  for (const model of [...deps.config.embedding.active, ...lexical]) {
    const trainedAt = (await store.readClassifier(model))?.trainedAt ?? '';
    if (Date.parse(newest) > (Date.parse(trainedAt) || 0)) return trainClassifiers(deps);
  }
  return [];
}
