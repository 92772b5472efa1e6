/** The lexical model's stored vocabulary ↔ the vectorizer: settings, idf, and when to refit. */
import { stemmer } from 'stemmer';
import type { StoredVocabulary, VocabularySettings } from '../../store/lexical-vocabulary-store.ts';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import { RADAR_TFIDF } from './text-rankers.ts';
import { idfOf, type TfidfOptions, type TfidfVocabulary, type TransformVocabulary } from './tfidf.ts';

/** The lexical ranking model's name in `ranking.models`, picks and `classifiers/`. */
export const LEXICAL_MODEL = 'tfidf';

/** Refit the vocabulary once the corpus has grown by this share since the last fit. */
export const REFIT_GROWTH = 0.1;

export function settingsOf(options: TfidfOptions): VocabularySettings {
  return {
    ngramMax: options.ngramMax,
    minDf: options.minDf,
    maxDf: options.maxDf,
    ...(options.maxFeatures !== undefined ? { maxFeatures: options.maxFeatures } : {}),
    stemming: options.normalizeToken ? 'porter' : 'none',
    stopWords: 'english',
    sublinearTf: options.sublinearTf,
  };
}

export function optionsOf(settings: VocabularySettings): TfidfOptions {
  return {
    stopWords: ENGLISH_STOP_WORDS,
    ngramMax: settings.ngramMax,
    minDf: settings.minDf,
    maxDf: settings.maxDf,
    ...(settings.maxFeatures !== undefined ? { maxFeatures: settings.maxFeatures } : {}),
    sublinearTf: settings.sublinearTf,
    ...(settings.stemming === 'porter' ? { normalizeToken: stemmer } : {}),
  };
}

/** The stored vocabulary for a transform: its terms decoded as the transform's tables take them. */
export function transformVocabularyOf(stored: StoredVocabulary): TransformVocabulary {
  return { terms: stored.terms(), idf: idfsOf(stored) };
}

function idfsOf(stored: StoredVocabulary): Float64Array {
  return Float64Array.from(stored.df, (df) => idfOf(stored.docCount, df));
}

/** The stored vocabulary with its terms in an array (for rankers that count them). */
export function vocabularyOf(stored: StoredVocabulary): TfidfVocabulary {
  return {
    terms: Array.from(stored.terms()),
    idf: idfsOf(stored),
    docCount: stored.docCount,
  };
}

/** Why the stored vocabulary must be refitted for a corpus of `papers`, or undefined when it still serves. */
export function refitReason(stored: StoredVocabulary | undefined, papers: number): string | undefined {
  if (!stored) return 'no vocabulary yet';
  if (JSON.stringify(stored.settings) !== JSON.stringify(settingsOf(RADAR_TFIDF))) return 'settings changed';
  if (papers >= stored.docCount * (1 + REFIT_GROWTH) && papers > stored.docCount)
    return `corpus grew from ${stored.docCount} to ${papers} papers`;
  return undefined;
}
