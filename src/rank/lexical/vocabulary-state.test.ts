import { describe, expect, it } from 'vitest';
import type { StoredVocabulary } from '../../store/lexical-vocabulary-store.ts';
import { RADAR_TFIDF } from './text-rankers.ts';
import { optionsOf, refitReason, settingsOf, vocabularyOf } from './vocabulary-state.ts';

const stored = (docCount: number): StoredVocabulary => ({
  version: 1,
  model: 'tfidf',
  fittedAt: '2026-06-01T00:00:00.000Z',
  docCount,
  settings: settingsOf(RADAR_TFIDF),
  termCount: 2,
  terms: () => ['retriev', 'rerank'],
  df: Uint32Array.of(10, 3),
});

describe('the lexical vocabulary state', () => {
  it('round-trips the vectorizer settings, stemming included', () => {
    const options = optionsOf(settingsOf(RADAR_TFIDF));
    expect(options.normalizeToken?.('retrieval')).toBe('retriev');
    expect(settingsOf(options)).toEqual(settingsOf(RADAR_TFIDF));
  });

  it('refits when missing, when the settings change, and when the corpus grew by 10 %', () => {
    expect(refitReason(undefined, 5)).toBe('no vocabulary yet');
    expect(refitReason(stored(1000), 1099)).toBeUndefined();
    expect(refitReason(stored(1000), 1100)).toContain('grew from 1000 to 1100');
    expect(refitReason({ ...stored(1000), settings: { ...stored(1000).settings, minDf: 2 } }, 1000)).toBe(
      'settings changed',
    );
  });

  it('derives the smooth idf from the stored document frequencies', () => {
    const v = vocabularyOf(stored(100));
    expect(v.idf[0]).toBeCloseTo(Math.log(101 / 11) + 1, 12);
    expect(v.idf[1]).toBeGreaterThan(v.idf[0] ?? 0);
  });
});
