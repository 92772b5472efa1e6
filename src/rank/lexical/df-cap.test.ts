import { describe, expect, it } from 'vitest';
import { capRow, documentShares } from './df-cap.ts';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import { createTfidfTransform, fitTfidf, type TfidfOptions } from './tfidf.ts';

const options: TfidfOptions = {
  stopWords: ENGLISH_STOP_WORDS,
  ngramMax: 1,
  minDf: 1,
  maxDf: 1,
  sublinearTf: true,
};
const corpus = ['cat dog bird', 'cat dog', 'cat fish', 'cat bird fish', 'dog eel'];

describe('a tighter max_df over rows of a looser vocabulary', () => {
  it('recovers each term’s document share from the smooth idf', () => {
    const v = fitTfidf(corpus, options);
    const shares = documentShares(v);
    expect(v.terms).toEqual(['bird', 'cat', 'dog', 'eel', 'fish']);
    [2, 4, 3, 1, 2].forEach((df, i) => {
      expect(shares[i]).toBeCloseTo(df / 5, 5);
    });
  });

  it('gives the row a vocabulary fitted with that max_df gives', () => {
    const loose = fitTfidf(corpus, options);
    const tight = fitTfidf(corpus, { ...options, maxDf: 0.6 });
    const text = 'cat cat dog bird eel';
    const capped = capRow(createTfidfTransform(loose, options)(text), documentShares(loose), 0.6);
    const direct = createTfidfTransform(tight, options)(text);
    expect(Array.from(capped.indices, (i) => loose.terms[i])).toEqual(
      Array.from(direct.indices, (i) => tight.terms[i]),
    );
    capped.values.forEach((v, k) => {
      expect(v).toBeCloseTo(direct.values[k] ?? 0, 6);
    });
  });
});
