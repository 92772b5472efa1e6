/**
 * The evaluation `radar rank --eval` runs for the lexical model: its k-fold-regularized SVM
 * beside the built-in arxiv-sanity baseline (tf-idf fitted on every paper of the state with
 * arxiv-sanity-lite's settings, LinearSVC C 0.01), on the user's labels; stored as the metrics.
 */
import type { Label, Paper } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { type Comparison, compareModels, type LabeledText } from './compare-models.ts';
import { BASELINE_TFIDF, createBaselineRankerFrom, createLexicalRanker } from './lexical/text-rankers.ts';
import { createTfidfCounter } from './lexical/tfidf.ts';
import { LEXICAL_MODEL, vocabularyOf } from './lexical/vocabulary-state.ts';
import { type LexicalDeps, loadLexicalModel, paperText } from './rank-lexical.ts';
import { countLabels } from './training-set.ts';

export const BASELINE_NAME = 'arxiv-sanity';

/** JSON has no NaN: an undefined metric (a class missing from the test set) is stored as null. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export async function labeledTexts(
  papersStore: Stores['papers'],
  labels: readonly Label[],
): Promise<LabeledText[]> {
  const papers = await papersStore.get(labels.map((l) => l.id));
  return labels
    .filter((l) => papers.has(l.id))
    .map((l) => ({ id: l.id, label: l.label, at: l.at, text: paperText(papers.get(l.id) as Paper) }));
}

export async function evaluateLexical(
  deps: LexicalDeps,
  labels: readonly Label[],
): Promise<Comparison | undefined> {
  const items = await labeledTexts(deps.stores.papers, labels);
  const { positives, negatives } = countLabels(items);
  if (positives < 2 || negatives < 2) return undefined;
  const model = await loadLexicalModel(deps);
  const counter = createTfidfCounter(BASELINE_TFIDF);
  await deps.stores.papers.readAll({
    where: (p) => {
      counter.add(paperText(p));
      return false;
    },
  });
  const seed = deps.config.ranking.seed;
  const radar = createLexicalRanker({ vocabulary: vocabularyOf(model.stored), seed });
  const baseline = createBaselineRankerFrom(counter.finish());
  const k = deps.config.ranking.picksPerDay;
  const folds = Math.min(5, positives, negatives);
  const comparison = compareModels([{ ...radar, name: LEXICAL_MODEL }, baseline], items, {
    k,
    folds,
    seed,
    baseline: BASELINE_NAME,
  });
  await storeMetrics(deps, comparison);
  return comparison;
}

async function storeMetrics(deps: LexicalDeps, comparison: Comparison): Promise<void> {
  const { train, test } = comparison.split;
  const splits = (name: string) => {
    const m = comparison.models.find((x) => x.model === name);
    const base = { k: comparison.k, train: train.length };
    return {
      temporal: {
        ...base,
        test: test.length,
        auc: finiteOrNull(m?.temporal.auc ?? Number.NaN),
        precisionAtK: finiteOrNull(m?.temporal.precisionAtK ?? Number.NaN),
      },
      kfold: {
        ...base,
        train: train.length + test.length,
        test: train.length + test.length,
        folds: comparison.folds,
        auc: finiteOrNull(m?.kfold.auc ?? Number.NaN),
        precisionAtK: finiteOrNull(m?.kfold.precisionAtK ?? Number.NaN),
      },
    };
  };
  const stored = await deps.stores.classifiers.readClassifier(LEXICAL_MODEL);
  await deps.stores.classifiers.writeMetrics({
    version: 1,
    model: LEXICAL_MODEL,
    evaluatedAt: (deps.now?.() ?? new Date()).toISOString(),
    ...splits(LEXICAL_MODEL),
    baseline: splits(BASELINE_NAME),
    ...(stored?.regularization ? { regularization: stored.regularization } : {}),
  });
}
