import { describe, expect, it } from 'vitest';
import { capCsr, cappedScorer, capRow, documentShares } from './df-cap.ts';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import { svmScore } from './linear-svm.ts';
import { toCsr } from './sparse-matrix.ts';
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

describe('the packed forms of the bound', () => {
  const loose = fitTfidf(corpus, options);
  const shares = documentShares(loose);
  const transform = createTfidfTransform(loose, options);
  const rows = ['cat cat dog bird eel', 'cat', 'fish eel', 'dog bird'].map(transform);

  it('caps a packed matrix row by row as capRow does', () => {
    const capped = capCsr(toCsr(rows), shares, 0.6);
    rows.forEach((row, r) => {
      const one = capRow(row, shares, 0.6);
      const from = capped.offsets[r] ?? 0;
      expect(Array.from(capped.indices.subarray(from, capped.offsets[r + 1]))).toEqual(
        Array.from(one.indices),
      );
      expect(Array.from(capped.values.subarray(from, capped.offsets[r + 1]))).toEqual(Array.from(one.values));
    });
  });

  it('scores a row without building its capped copy, as the model scores the capped row', () => {
    const model = {
      weights: Float64Array.from(loose.terms, (_, f) => (f % 2 === 0 ? 0.7 : -0.4)),
      bias: 0.1,
    };
    // The model of a bound has no weight on the terms over it.
    shares.forEach((s, f) => {
      if (s > 0.6) model.weights[f] = 0;
    });
    const score = cappedScorer(model, { shares, bound: 0.6 });
    for (const row of rows)
      expect(score(row.indices, row.values, 0, row.indices.length)).toBeCloseTo(
        svmScore(model, capRow(row, shares, 0.6)),
        6,
      );
  });
});
