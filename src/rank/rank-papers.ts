/**
 * The job behind `radar rank`: per ranking model (`ranking.models`: the lexical `tfidf` and/or
 * embedding models), train the preference classifier (or fall back to the seed interests while
 * labels are few), score the new papers, drop near-duplicates, sample the picks and record them.
 * New means not ranked yet: papers no earlier rank considered, never picked, never labeled. The
 * day is the local day in `schedule.timezone`. A re-run of a date returns its picks.
 */
import type { RadarConfig } from '../config/schema.ts';
import { ConfigError } from '../core/errors.ts';
import { localDay } from '../core/local-day.ts';
import { loadVectorRows } from '../digest/vector-rows.ts';
import type { VectorIndex } from '../index/vector-index.ts';
import type { Logger } from '../log/logger.ts';
import type { PickRecord } from '../store/picks-store.ts';
import type { Label, Paper } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { type CandidateRows, candidateRows, windowFilter } from './candidates.ts';
import { coldStartScores, type EmbedTexts } from './cold-start.ts';
import type { Comparison } from './compare-models.ts';
import { type Evaluation, evaluatePreference } from './evaluate.ts';
import { evaluateLexical, finiteOrNull } from './evaluate-lexical.ts';
import { LEXICAL_MODEL } from './lexical/vocabulary-state.ts';
import { scoreRows } from './preference-model.ts';
import { hashSeed } from './prng.ts';
import { rankLexical } from './rank-lexical.ts';
import { medianScore, samplePicks } from './sampling.ts';
import { preferenceSettings, trainAndStoreClassifier } from './train-classifiers.ts';
import { countLabels, samplePseudoNegativeIds } from './training-set.ts';
import { rowIndex, selectRows, type VectorMatrix } from './vector-matrix.ts';

/** Opens the model's nearest-neighbour index over all its stored vectors (derived files the root knows where to keep), searched at the index's own efSearch, which the opener sets for near-duplicate search; `matrix` holds the rows the day reads. */
export type OpenModelIndex = (model: string, matrix: VectorMatrix) => Promise<Pick<VectorIndex, 'search'>>;

export interface RankDeps {
  stores: Pick<
    Stores,
    'papers' | 'labels' | 'picks' | 'classifiers' | 'vocabulary' | 'vectors' | 'lexicalRows'
  >;
  /** The near-duplicate search of an embedding model. */
  openIndex: OpenModelIndex;
  config: RadarConfig;
  logger: Logger;
  /** The model's embed function, for the seed interests of a cold start. */
  embedderFor: (model: string) => Promise<EmbedTexts>;
  now?: () => Date;
  /** The model's vectors, when the caller shares one matrix across a run; default: read the store. */
  loadVectors?: (model: string) => Promise<VectorMatrix>;
}

export interface RankOptions {
  /** YYYY-MM-DD; default today in `schedule.timezone`. */
  date?: string;
  /** Also require publication in the `windowDays` days ending on `windowEnd`; no bound when absent. */
  windowDays?: number;
  /** Last day (YYYY-MM-DD) of that publication window; default `date`. */
  windowEnd?: string;
  evaluate?: boolean;
}

export interface ModelRanking {
  model: string;
  mode: 'classifier' | 'cold-start' | 'recorded';
  picks: PickRecord[];
  candidates: number;
  duplicates: number;
  withoutVector: number;
  labels: { positives: number; negatives: number };
  evaluation?: Evaluation;
  /** The lexical model beside the arxiv-sanity baseline (`--eval`). */
  comparison?: Comparison;
}

export interface RankResult {
  date: string;
  models: ModelRanking[];
}

interface DayInputs {
  date: string;
  labels: Label[];
  /** Not ranked, picked or labeled yet (and in the publication window when one is given). */
  candidates: Paper[];
  shown: Set<string>;
  recorded: PickRecord[];
}

export async function rankPapers(deps: RankDeps, options: RankOptions = {}): Promise<RankResult> {
  const date = options.date ?? localDay(deps.now?.() ?? new Date(), deps.config.schedule.timezone);
  const picks = deps.stores.picks;
  const all = await picks.readAll();
  const labels = await deps.stores.labels.readAll();
  const inWindow = options.windowDays
    ? windowFilter(options.windowEnd ?? date, options.windowDays)
    : undefined;
  const shown = new Set([...all.map((p) => p.id), ...labels.map((l) => l.id)]);
  const inputs: DayInputs = {
    date,
    labels,
    candidates: await newPapers(deps, shown, inWindow),
    shown,
    recorded: all.filter((p) => p.date === date),
  };
  const models: ModelRanking[] = [];
  for (const model of deps.config.ranking.models) {
    const ranking = await rankOne(deps, model, inputs, options);
    if (ranking.mode !== 'recorded') await picks.append(ranking.picks);
    for (const p of ranking.picks) inputs.shown.add(p.id);
    models.push(ranking);
  }
  if (models.some((m) => m.mode !== 'recorded') && inputs.candidates.length > 0)
    await picks.appendRanked({
      date,
      at: (deps.now?.() ?? new Date()).toISOString(),
      ids: inputs.candidates.map((p) => p.id),
    });
  return { date, models };
}

/**
 * The papers no earlier rank considered, filtered as each shard is read: only the new papers are
 * held, never the whole store. Its own function so that the set of every ranked id (1M ids at 1M
 * papers, ~90 MB) is garbage before the rank opens the ANN graph, instead of living as long as
 * `rankPapers` does.
 */
async function newPapers(
  deps: RankDeps,
  seen: Iterable<string>,
  where: ((paper: Paper) => boolean) | undefined,
): Promise<Paper[]> {
  const excluded = await deps.stores.picks.readRanked();
  for (const id of seen) excluded.add(id);
  return deps.stores.papers.readAll({ exclude: excluded, ...(where ? { where } : {}) });
}

async function rankOne(
  deps: RankDeps,
  model: string,
  day: DayInputs,
  options: RankOptions,
): Promise<ModelRanking> {
  if (model !== LEXICAL_MODEL && !deps.config.embedding.models[model])
    throw new ConfigError(
      `ranking.models names "${model}", which is neither "tfidf" nor defined in embedding.models`,
    );
  if (model !== LEXICAL_MODEL) return rankModel(deps, model, day, options);
  const counts = countLabels(day.labels);
  const comparison = options.evaluate ? await evaluateLexical(deps, day.labels) : undefined;
  const base = { model, labels: counts, ...(comparison ? { comparison } : {}) };
  const recorded = day.recorded.filter((p) => p.model === model);
  if (recorded.length > 0)
    return { ...base, mode: 'recorded', picks: recorded, candidates: 0, duplicates: 0, withoutVector: 0 };
  const ranked = await rankLexical(deps, day);
  return {
    ...base,
    mode: ranked.mode,
    picks: ranked.picks.map((p) => ({ date: day.date, model, ...p })),
    candidates: ranked.candidates,
    duplicates: ranked.duplicates,
    withoutVector: 0,
  };
}

async function rankModel(
  deps: RankDeps,
  model: string,
  day: DayInputs,
  options: RankOptions,
): Promise<ModelRanking> {
  const shared = await deps.loadVectors?.(model);
  const store = deps.stores.vectors(model);
  // Every id with a vector (1M at 1M papers): let go once the day's rows are read, before the
  // near-duplicate index opens its graph.
  let known: ReadonlySet<string> | undefined = shared ? new Set(shared.ids) : await store.ids();
  const usable = labelsIn(day.labels, known);
  const counts = countLabels(usable);
  const evaluation = options.evaluate
    ? await evaluateModel(deps, model, shared ?? (await store.load()), usable)
    : undefined;
  const recorded = day.recorded.filter((p) => p.model === model);
  const base = { model, labels: counts, ...(evaluation ? { evaluation } : {}) };
  if (recorded.length > 0)
    return { ...base, mode: 'recorded', picks: recorded, candidates: 0, duplicates: 0, withoutVector: 0 };
  if (known.size === 0) {
    deps.logger.warn({ model }, 'no embeddings for this model yet: nothing to rank');
    return {
      ...base,
      mode: 'cold-start',
      picks: [],
      candidates: 0,
      duplicates: 0,
      withoutVector: day.candidates.length,
    };
  }
  const fresh = new Set(day.candidates.filter((p) => !day.shown.has(p.id)).map((p) => p.id));
  const matrix = await rankRows(deps, model, { known: [...known], usable, fresh, shared });
  known = undefined;
  const found = await findCandidates(deps, model, matrix, day);
  const scored = await scoreCandidates(deps, model, matrix, usable, found.rows, fresh);
  const scores = found.rows.map((row, i) => ({ id: matrix.ids[row] ?? '', score: scored.scores[i] ?? 0 }));
  const ranking = deps.config.ranking;
  const sampled = samplePicks(scores, {
    model,
    count: ranking.picksPerDay,
    exploreShare: ranking.exploreShare,
    seed: hashSeed(ranking.seed, day.date, model),
    exclude: day.shown,
    uncertainCenter: scored.mode === 'classifier' ? 0.5 : medianScore(scores),
  });
  return {
    ...base,
    mode: scored.mode,
    picks: sampled.map((p) => ({ date: day.date, id: p.id, model, score: p.score, reason: p.reason })),
    candidates: found.rows.length,
    duplicates: found.duplicates.reduce((n, c) => n + c.duplicates.length, 0),
    withoutVector: found.withoutVector,
  };
}

function labelsIn(labels: readonly Label[], ids: ReadonlySet<string>): Label[] {
  return labels.filter((l) => ids.has(l.id));
}

/**
 * The rows a ranking day reads: the labeled papers, the new ones and the classifier's sampled
 * pseudo-negatives, never the model's whole matrix (150 MB at 100k × 384).
 */
async function rankRows(
  deps: RankDeps,
  model: string,
  day: {
    known: string[];
    usable: readonly Label[];
    fresh: ReadonlySet<string>;
    shared: VectorMatrix | undefined;
  },
): Promise<VectorMatrix> {
  const settings = preferenceSettings(deps.config);
  const pseudo = samplePseudoNegativeIds(day.known, day.usable, { ...settings, exclude: day.fresh });
  const wanted = new Set([...day.usable.map((l) => l.id), ...day.fresh, ...pseudo]);
  if (!day.shared) return loadVectorRows(deps.stores.vectors(model), wanted);
  const rows = rowIndex(day.shared);
  return selectRows(
    day.shared,
    [...wanted].flatMap((id) => rows.get(id) ?? []),
  );
}

/** The window's papers not shown yet, minus near-duplicates found through the model's index. */
async function findCandidates(
  deps: RankDeps,
  model: string,
  matrix: VectorMatrix,
  day: DayInputs,
): Promise<CandidateRows> {
  const index = await deps.openIndex(model, matrix);
  return candidateRows(matrix, day.candidates, day.shown, {
    // Pairs above a high threshold are far closer than the 10th neighbour: the opener gives an
    // index whose own efSearch is small (src/rank/stored-index.ts DEDUP_EF), so the search runs
    // on the graph in memory instead of a second view at another ef.
    search: (v, k) => index.search(v, k),
    threshold: deps.config.ranking.dedupThreshold,
  });
}

async function scoreCandidates(
  deps: RankDeps,
  model: string,
  matrix: VectorMatrix,
  usable: readonly Label[],
  rows: readonly number[],
  fresh: ReadonlySet<string>,
): Promise<{ mode: 'classifier' | 'cold-start'; scores: Float64Array }> {
  const ranking = deps.config.ranking;
  const { positives, negatives } = countLabels(usable);
  if (positives < ranking.minLabelsPerClass || negatives < ranking.minLabelsPerClass) {
    deps.logger.info({ model, positives, negatives }, 'too few labels: cold start from the seed interests');
    const embed = await deps.embedderFor(model);
    return {
      mode: 'cold-start',
      scores: await coldStartScores(selectRows(matrix, rows), ranking.seedInterests, embed),
    };
  }
  // Every new paper, duplicates too: the matrix holds them besides the sampled pseudo-negatives.
  const trained = await trainAndStoreClassifier(deps, model, matrix, usable, fresh);
  return { mode: 'classifier', scores: scoreRows(trained.model, matrix, rows) };
}

async function evaluateModel(
  deps: RankDeps,
  model: string,
  matrix: VectorMatrix,
  usable: readonly Label[],
): Promise<Evaluation | undefined> {
  const { positives, negatives } = countLabels(usable);
  if (positives < 2 || negatives < 2) return undefined;
  const evaluation = evaluatePreference(matrix, usable, preferenceSettings(deps.config));
  const split = (s: Evaluation['temporal']) => ({
    ...s,
    auc: finiteOrNull(s.auc),
    precisionAtK: finiteOrNull(s.precisionAtK),
  });
  await deps.stores.classifiers.writeMetrics({
    version: 1,
    model,
    evaluatedAt: (deps.now?.() ?? new Date()).toISOString(),
    temporal: split(evaluation.temporal),
    kfold: { ...split(evaluation.kfold), folds: evaluation.kfold.folds },
  });
  return evaluation;
}
