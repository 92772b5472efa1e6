/**
 * Ranking models over paper texts, behind one interface so that training, evaluation and the
 * comparison treat the radar's lexical model and the arxiv-sanity baseline alike.
 */
import { stemmer } from 'stemmer';
import { documentShares } from './df-cap.ts';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import {
  type CChoice,
  type ChooseOptions,
  LEXICAL_TRAINING,
  trainLexicalClassifier,
} from './lexical-classifier.ts';
import { balancedWeights, svmScore, trainLinearSvm } from './linear-svm.ts';
import { toCsr } from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';
import { createTfidfTransform, fitTfidf, type TfidfOptions, type TfidfVocabulary } from './tfidf.ts';

export interface TrainedRanker {
  score(texts: readonly string[]): Float64Array;
  /** What the training chose (the radar's k-fold C); absent for fixed models. */
  choice?: CChoice;
}

export interface TextRanker {
  name: string;
  train(texts: readonly string[], y: Uint8Array): TrainedRanker;
}

/** arxiv-sanity-lite's `TfidfVectorizer` settings (compute.py). */
export const BASELINE_TFIDF: TfidfOptions = {
  stopWords: ENGLISH_STOP_WORDS,
  ngramMax: 2,
  minDf: 5,
  maxDf: 0.1,
  maxFeatures: 20_000,
  sublinearTf: true,
};

/**
 * The radar's tf-idf: the same analyzer with Porter stemming, no cap on the vocabulary and a
 * max_df of 0.5. Stemming folds a topic's word forms into one term; a 10 % max_df then drops
 * exactly the terms of any interest that a tenth of the papers share, so the bound is loosened
 * to what only function-like words exceed.
 */
export const RADAR_TFIDF: TfidfOptions = {
  stopWords: ENGLISH_STOP_WORDS,
  ngramMax: 2,
  minDf: 5,
  maxDf: 0.5,
  sublinearTf: true,
  normalizeToken: stemmer,
};

function rowsOf(
  vocabulary: TfidfVocabulary,
  options: TfidfOptions,
): (texts: readonly string[]) => SparseRow[] {
  const transform = createTfidfTransform(vocabulary, options);
  return (texts) => texts.map(transform);
}

/**
 * arxiv-sanity-lite's ranking (serve.py): tf-idf fitted on the whole corpus + `LinearSVC(
 * class_weight='balanced', max_iter=10000, tol=1e-6, C=0.01)`, squared hinge, intercept_scaling 1.
 */
export function createBaselineRanker(corpus: Iterable<string>): TextRanker {
  return createBaselineRankerFrom(fitTfidf(corpus, BASELINE_TFIDF));
}

/** The baseline over a vocabulary already fitted with `BASELINE_TFIDF` (e.g. streamed from the state). */
export function createBaselineRankerFrom(vocabulary: TfidfVocabulary): TextRanker {
  const rows = rowsOf(vocabulary, BASELINE_TFIDF);
  return {
    name: 'arxiv-sanity',
    train(texts, y) {
      const model = trainLinearSvm(rows(texts), y, vocabulary.terms.length, {
        c: 0.01,
        classWeights: balancedWeights(y),
        maxIterations: 10_000,
        tolerance: 1e-6,
      });
      return { score: (t) => Float64Array.from(rows(t), (r) => svmScore(model, r)) };
    },
  };
}

export interface LexicalRankerOptions {
  vocabulary: TfidfVocabulary;
  tfidf?: TfidfOptions;
  seed: number;
  grid?: readonly number[];
  /** How the folds choose C (and max_df) and what the final model is; default `LEXICAL_TRAINING`. */
  training?: Pick<ChooseOptions, 'criterion' | 'topK' | 'final' | 'folds'> & {
    maxDfCaps?: readonly number[];
  };
  name?: string;
}

/** The radar's lexical model: tf-idf rows + a linear SVM whose C the k-fold chooses. */
export function createLexicalRanker(options: LexicalRankerOptions): TextRanker {
  const tfidf = options.tfidf ?? RADAR_TFIDF;
  const rows = rowsOf(options.vocabulary, tfidf);
  const shares = documentShares(options.vocabulary);
  return {
    name: options.name ?? 'radar-tfidf',
    train(texts, y) {
      const { maxDfCaps, ...training } = options.training ?? LEXICAL_TRAINING;
      const trained = trainLexicalClassifier(toCsr(rows(texts)), y, options.vocabulary.terms.length, {
        ...training,
        ...(maxDfCaps ? { maxDfGrid: { shares, caps: maxDfCaps } } : {}),
        seed: options.seed,
        ...(options.grid ? { grid: options.grid } : {}),
      });
      return {
        score: (t) => Float64Array.from(rows(t), trained.score),
        choice: trained.choice,
      };
    },
  };
}

function standardizer(values: Float64Array): (v: number) => number {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length)) || 1;
  return (v) => (v - mean) / sd;
}

/** The mean of the members' scores, each standardized by its scores on the training texts. */
export function createEnsembleRanker(name: string, members: readonly TextRanker[]): TextRanker {
  return {
    name,
    train(texts, y) {
      const trained = members.map((m) => {
        const t = m.train(texts, y);
        return { t, z: standardizer(t.score(texts)) };
      });
      return {
        score(t) {
          const out = new Float64Array(t.length);
          for (const { t: m, z } of trained) {
            const scores = m.score(t);
            for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) + z(scores[i] ?? 0);
          }
          return out.map((v) => v / trained.length);
        },
      };
    },
  };
}
