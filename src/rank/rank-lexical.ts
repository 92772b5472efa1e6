/**
 * The lexical ranking model (`tfidf`) inside `radar rank`: fit or reuse the state's vocabulary,
 * train the SVM on the user's labels with the C the k-fold chooses (or, with few labels, score
 * the seed interests by BM25), drop near-duplicates, and sample the picks.
 */
import type { RadarConfig } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';
import type { StoredVocabulary } from '../store/lexical-vocabulary-store.ts';
import type { Label, Paper } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import {
  LEXICAL_TRAINING,
  type LexicalClassifier,
  trainLexicalClassifier,
} from './lexical/lexical-classifier.ts';
import { type RowsCacheStats, visitRows, vocabularyStamp } from './lexical/rows-cache.ts';
import { seedBm25Scores } from './lexical/seed-bm25.ts';
import { sparseDuplicates } from './lexical/sparse-dedup.ts';
import { createRowBlocks } from './lexical/sparse-matrix.ts';
import type { SparseRow } from './lexical/sparse-row.ts';
import { RADAR_TFIDF } from './lexical/text-rankers.ts';
import { createTfidfCounter, createTfidfTransform, type TfidfTransform } from './lexical/tfidf.ts';
import { LEXICAL_MODEL, refitReason, settingsOf, transformVocabularyOf } from './lexical/vocabulary-state.ts';
import { hashSeed } from './prng.ts';
import { medianScore, samplePicks } from './sampling.ts';
import { countLabels } from './training-set.ts';

export interface LexicalDeps {
  stores: Pick<Stores, 'papers' | 'classifiers' | 'vocabulary' | 'lexicalRows'>;
  config: RadarConfig;
  logger: Logger;
  now?: () => Date;
}

export const paperText = (p: { title: string; abstract: string }): string => `${p.title} ${p.abstract}`;

export interface LexicalModel {
  stored: StoredVocabulary;
  transform: TfidfTransform;
  df(term: string): number;
  /** The papers' rows through the stored rows cache (transformed and stored when missing or stale). */
  visitRows(
    papers: readonly Pick<Paper, 'id' | 'title' | 'abstract'>[],
    visit: (index: number, row: SparseRow) => void,
  ): Promise<RowsCacheStats>;
}

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    if (!value) value = { v: make() };
    return value.v;
  };
}

/** The stored vocabulary, refitted over every paper of the state (streamed by shard) when due. */
export async function loadLexicalModel(deps: LexicalDeps): Promise<LexicalModel> {
  const store = deps.stores.vocabulary;
  const papers = deps.stores.papers;
  let stored = await store.read(LEXICAL_MODEL);
  const count = stored ? await countPapers(papers) : 0;
  const reason = refitReason(stored, count);
  if (reason !== undefined) {
    const counter = createTfidfCounter(RADAR_TFIDF);
    await papers.readAll({
      where: (p) => {
        counter.add(paperText(p));
        return false;
      },
    });
    const counts = counter.finish();
    const input = {
      version: 1 as const,
      model: LEXICAL_MODEL,
      fittedAt: (deps.now?.() ?? new Date()).toISOString(),
      docCount: counts.docCount,
      settings: settingsOf(RADAR_TFIDF),
      terms: counts.terms,
      df: counts.df,
    };
    await store.write(input);
    // Read back rather than kept: the stored form decodes its ~760k terms only as they are
    // iterated, where the fit's array would hold them all for the rest of the rank.
    stored = await store.read(LEXICAL_MODEL);
    if (!stored) throw new Error(`the ${LEXICAL_MODEL} vocabulary just written cannot be read back`);
    deps.logger.info(
      { model: LEXICAL_MODEL, reason, terms: counts.terms.length },
      'fitted the tf-idf vocabulary',
    );
  }
  const fitted = stored as StoredVocabulary;
  // Built on first use: with every row cached, a rank never tokenizes, and the df map serves
  // only a cold start — at 100k papers each would hold tens of MB of the vocabulary's strings.
  const built = lazy(() => createTfidfTransform(transformVocabularyOf(fitted), RADAR_TFIDF));
  const transform: TfidfTransform = (text) => built()(text);
  const dfByTerm = lazy(() => new Map(Array.from(fitted.terms(), (t, i) => [t, fitted.df[i] ?? 0])));
  const cache = {
    store: deps.stores.lexicalRows,
    model: LEXICAL_MODEL,
    vocabulary: vocabularyStamp(stored as StoredVocabulary),
    transform,
  };
  return {
    stored: stored as StoredVocabulary,
    transform,
    df: (term) => dfByTerm().get(term) ?? 0,
    async visitRows(papers, visit) {
      const stats = await visitRows(cache, papers, paperText, visit);
      if (stats.transformed > 0) deps.logger.debug({ model: LEXICAL_MODEL, ...stats }, 'tf-idf rows cached');
      return stats;
    },
  };
}

async function countPapers(papers: Stores['papers']): Promise<number> {
  let n = 0;
  await papers.readAll({
    where: () => {
      n += 1;
      return false;
    },
  });
  return n;
}

export interface LexicalScores {
  mode: 'classifier' | 'cold-start';
  scores: Float64Array;
}

export interface LexicalTraining {
  positives: number;
  negatives: number;
  /** Absent below `ranking.minLabelsPerClass` labels of a class. */
  trained?: LexicalClassifier;
}

/** Trains the SVM on the labeled papers (C chosen by the folds) and stores it, when labels suffice. */
export async function trainAndStoreLexical(
  deps: LexicalDeps,
  model: LexicalModel,
  labels: readonly Label[],
): Promise<LexicalTraining> {
  const ranking = deps.config.ranking;
  const labeled = await deps.stores.papers.get(labels.map((l) => l.id));
  const usable = labels.filter((l) => labeled.has(l.id));
  const { positives, negatives } = countLabels(usable);
  if (positives < ranking.minLabelsPerClass || negatives < ranking.minLabelsPerClass)
    return { positives, negatives };
  // Copied as they come (a cached row is a view of its whole shard's buffer), packed in label order.
  const blocks = createRowBlocks();
  const blockOf = new Uint32Array(usable.length);
  await model.visitRows(
    usable.map((l) => labeled.get(l.id) as Paper),
    (i, row) => {
      blockOf[i] = blocks.add(row);
    },
  );
  const rows = blocks.toCsr(blockOf);
  const y = Uint8Array.from(usable, (l) => (l.label === 1 ? 1 : 0));
  const { maxDfCaps, ...training } = LEXICAL_TRAINING;
  const shares = Float64Array.from(model.stored.df, (df) => df / Math.max(1, model.stored.docCount));
  const trained = trainLexicalClassifier(rows, y, model.stored.termCount, {
    ...training,
    ...(maxDfCaps ? { maxDfGrid: { shares, caps: maxDfCaps } } : {}),
    seed: ranking.seed,
  });
  await deps.stores.classifiers.writeClassifier({
    version: 1,
    model: LEXICAL_MODEL,
    kind: 'linear-svm',
    trainedAt: (deps.now?.() ?? new Date()).toISOString(),
    dims: model.stored.termCount,
    coefficients: Array.from(trained.model.weights),
    intercept: trained.model.bias,
    positives,
    negatives,
    pseudoNegatives: 0,
    iterations: trained.model.iterations,
    converged: trained.model.converged,
    settings: {
      l2: 1 / (2 * trained.choice.c),
      pseudoNegativeRatio: 0,
      pseudoNegativeWeight: 0,
      seed: ranking.seed,
    },
    regularization: trained.choice,
    vocabularyFittedAt: model.stored.fittedAt,
  });
  return { positives, negatives, trained };
}

/** Trains on the labeled papers and stores the classifier (with the chosen C); scores `papers`. */
export async function trainAndScoreLexical(
  deps: LexicalDeps,
  model: LexicalModel,
  labels: readonly Label[],
  papers: readonly Paper[],
): Promise<LexicalScores> {
  const { positives, negatives, trained } = await trainAndStoreLexical(deps, model, labels);
  if (!trained) {
    deps.logger.info(
      { model: LEXICAL_MODEL, positives, negatives },
      'too few labels: BM25 of the seed interests',
    );
    const corpus = { docCount: model.stored.docCount, df: model.df };
    return {
      mode: 'cold-start',
      scores: seedBm25Scores(papers.map(paperText), deps.config.ranking.seedInterests, corpus, RADAR_TFIDF),
    };
  }
  const scores = new Float64Array(papers.length);
  await model.visitRows(papers, (i, row) => {
    scores[i] = trained.score(row);
  });
  return { mode: 'classifier', scores };
}

/** Near-duplicates among the best-scored candidates (only those are compared; see sparse-dedup.ts). */
async function duplicatesAmongTop(
  model: LexicalModel,
  papers: readonly Paper[],
  scores: Float64Array,
  threshold: number,
): Promise<Set<number>> {
  const top = Array.from(papers, (_, i) => i)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
    .slice(0, DEDUP_LIMIT);
  const rows: SparseRow[] = new Array(top.length);
  await model.visitRows(
    top.map((i) => papers[i] as Paper),
    (k, row) => {
      rows[k] = { indices: row.indices.slice(), values: row.values.slice() };
    },
  );
  const dropped = sparseDuplicates(
    rows,
    Float64Array.from(top, (i) => scores[i] ?? 0),
    threshold,
    DEDUP_LIMIT,
  );
  return new Set(Array.from(dropped, (k) => top[k] ?? -1));
}

/** Candidates compared for near-duplicates, best score first. */
const DEDUP_LIMIT = 2000;

export interface LexicalRanking {
  mode: 'classifier' | 'cold-start';
  picks: { id: string; score: number; reason: 'top' | 'explore' }[];
  candidates: number;
  duplicates: number;
}

export async function rankLexical(
  deps: LexicalDeps,
  day: { date: string; labels: readonly Label[]; candidates: readonly Paper[]; shown: ReadonlySet<string> },
): Promise<LexicalRanking> {
  const model = await loadLexicalModel(deps);
  const scored = await trainAndScoreLexical(deps, model, day.labels, day.candidates);
  const ranking = deps.config.ranking;
  const dropped = await duplicatesAmongTop(model, day.candidates, scored.scores, ranking.dedupThreshold);
  const scores = day.candidates.map((p, i) => ({ id: p.id, score: scored.scores[i] ?? 0 }));
  const kept = scores.filter((_, i) => !dropped.has(i));
  const picks = samplePicks(kept, {
    model: LEXICAL_MODEL,
    count: ranking.picksPerDay,
    exploreShare: ranking.exploreShare,
    seed: hashSeed(ranking.seed, day.date, LEXICAL_MODEL),
    exclude: day.shown,
    // The SVM's decision boundary is 0; BM25 has none, so the median stands in.
    uncertainCenter: scored.mode === 'classifier' ? 0 : medianScore(kept),
  });
  return {
    mode: scored.mode,
    picks: picks.map((p) => ({ id: p.id, score: p.score, reason: p.reason })),
    candidates: kept.length,
    duplicates: dropped.size,
  };
}
