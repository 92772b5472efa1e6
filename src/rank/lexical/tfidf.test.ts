import { stemmer } from 'stemmer';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng.ts';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';
import {
  createStringTfidfCounter,
  createStringTfidfTransform,
  createTfidfCounter,
  createTfidfTransform,
  fitTfidf,
  idfOf,
  type TfidfOptions,
} from './tfidf.ts';

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

describe('the integer-id counter and transform', () => {
  // Words with stems shared by several forms, stop words, digits, underscores, accents and other
  // scripts, and punctuation: every path of the analyzer, in seeded random texts.
  const words = [
    'retrieval',
    'retrieving',
    'retrieved',
    'the',
    'of',
    'model',
    'models',
    'modeling',
    'x_2',
    '3d',
    'gpt-4',
    'café',
    'naïve',
    'αβc',
    'graph',
    'graphs',
    'neural',
    'network',
    'networks',
    'and',
    'reinforcement',
    'learning',
    'policy',
    'optimization',
    'RAG',
    'Rerank',
    'quantized',
    'a',
    'low-bit',
    'pruning',
    'mAP50',
    'résumé',
    'data',
    'is',
    'sparse',
    'dense',
    'R^2:',
    'tf_idf',
  ];
  const random = createRandom(11);
  const corpus = Array.from({ length: 400 }, () =>
    Array.from(
      { length: 5 + Math.floor(random() * 40) },
      () => words[Math.floor(random() * words.length)],
    ).join(random() < 0.5 ? ' ' : ', '),
  );
  const cases: [string, TfidfOptions][] = [
    ['bigrams, stemmed, df bounds', { ...base, ngramMax: 2, minDf: 3, maxDf: 0.5, normalizeToken: stemmer }],
    ['bigrams, max_features', { ...base, ngramMax: 2, minDf: 2, maxDf: 0.9, maxFeatures: 40 }],
    ['unigrams', { ...base, minDf: 1, maxDf: 1 }],
  ];
  for (const [name, options] of cases)
    it(`fits the same vocabulary and rows as the string version (${name})`, () => {
      const fast = createTfidfCounter(options);
      const slow = createStringTfidfCounter(options);
      for (const text of corpus) {
        fast.add(text);
        slow.add(text);
      }
      const v = fast.finish();
      const reference = slow.finish();
      expect(v.terms.length).toBeGreaterThan(10);
      expect(v.terms).toEqual(reference.terms);
      expect(Array.from(v.df)).toEqual(Array.from(reference.df));
      expect(Array.from(v.idf)).toEqual(Array.from(reference.idf));
      const transform = createTfidfTransform(v, options);
      const stringTransform = createStringTfidfTransform(v, options);
      for (const text of [...corpus.slice(0, 100), 'unknown words only', 'Retrieval of the graph networks']) {
        const row = transform(text);
        const expected = stringTransform(text);
        expect(Array.from(row.indices)).toEqual(Array.from(expected.indices));
        expect(Array.from(row.values)).toEqual(Array.from(expected.values));
      }
    });
});

describe('the id counter and transform at the edges', () => {
  const options: TfidfOptions = { ...base, ngramMax: 2, minDf: 1, maxDf: 1 };

  it('orders terms as strings do when one token is a prefix of another', () => {
    const corpus = ['ab cd', 'ab_x cd', 'abc cd', 'ab', 'a_b ab', 'ab ab_x', 'ab abc'];
    const terms = fitTfidf(corpus, options).terms;
    expect(terms).toContain('ab ab_x');
    expect(terms).toContain('abc cd');
    expect(terms).toEqual([...terms].sort());
    const reference = createStringTfidfCounter(options);
    for (const text of corpus) reference.add(text);
    expect(terms).toEqual(reference.finish().terms);
  });

  it('builds a transform from terms that can be iterated only once', () => {
    const corpus = ['sparse attention for long context', 'long context retrieval', 'sparse retrieval'];
    const v = fitTfidf(corpus, options);
    function* once(): Generator<string> {
      yield* v.terms;
    }
    const fromArray = createTfidfTransform(v, options);
    const fromGenerator = createTfidfTransform({ terms: once(), idf: v.idf }, options);
    for (const text of [...corpus, 'attention retrieval unknown']) {
      const a = fromArray(text);
      const b = fromGenerator(text);
      expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
      expect(Array.from(b.values)).toEqual(Array.from(a.values));
    }
  });
});
