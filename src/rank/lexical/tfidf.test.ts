import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import { createTfidfTransform, fitTfidf, idfOf, type TfidfOptions } from './tfidf.ts';

const base: TfidfOptions = {
  stopWords: ENGLISH_STOP_WORDS,
  ngramMax: 1,
  minDf: 1,
  maxDf: 1,
  sublinearTf: true,
};

describe('tf-idf with sklearn semantics', () => {
  const corpus = ['cat cat cat dog', 'cat bird', 'dog bird fish', 'fish fish'];

  it('computes the smooth idf ln((1+n)/(1+df)) + 1 over a sorted vocabulary', () => {
    const v = fitTfidf(corpus, base);
    expect(v.terms).toEqual(['bird', 'cat', 'dog', 'fish']);
    expect(v.docCount).toBe(4);
    expect(Array.from(v.idf)).toEqual([2, 2, 2, 2].map((df) => Math.log(5 / (1 + df)) + 1));
    expect(idfOf(4, 1)).toBeCloseTo(Math.log(2.5) + 1, 12);
  });

  it('applies min_df as a count and max_df as a share of the documents', () => {
    expect(fitTfidf(corpus, { ...base, minDf: 2, maxDf: 0.5 }).terms).toEqual(['bird', 'cat', 'dog', 'fish']);
    expect(fitTfidf([...corpus, 'cat'], { ...base, maxDf: 0.5 }).terms).toEqual(['bird', 'dog', 'fish']);
  });

  it('cuts max_features by total term count, not by document frequency', () => {
    // cat: df 2, tf 4; fish: df 2, tf 3; bird, dog: df 2, tf 2.
    expect(fitTfidf(corpus, { ...base, maxFeatures: 2 }).terms).toEqual(['cat', 'fish']);
  });

  it('weights sublinear tf by idf and L2-normalizes the row', () => {
    const v = fitTfidf(corpus, base);
    const row = createTfidfTransform(v, base)('cat cat cat dog unknown');
    expect(Array.from(row.indices)).toEqual([1, 2]);
    const cat = (1 + Math.log(3)) * (v.idf[1] ?? 0);
    const dog = 1 * (v.idf[2] ?? 0);
    const norm = Math.hypot(cat, dog);
    expect(row.values[0]).toBeCloseTo(cat / norm, 6);
    expect(row.values[1]).toBeCloseTo(dog / norm, 6);
  });

  it('gives an empty row to a text with no known term', () => {
    const row = createTfidfTransform(fitTfidf(corpus, base), base)('zebra');
    expect(row.indices.length).toBe(0);
  });
});
