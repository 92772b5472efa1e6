import { describe, expect, it } from 'vitest';
import {
  cosine,
  extractFeatures,
  featureWeight,
  fitIdf,
  hashFeature,
  IDF_SLOTS,
  idfWeights,
  l2Normalize,
  tokenize,
  vectorize,
} from './text-features.ts';

const ones = idfWeights(undefined);

describe('text features', () => {
  it('lowercases and splits on anything that is not a letter or digit', () => {
    expect(tokenize('LLM-based Retrieval, 2x faster!')).toEqual([
      'llm',
      'based',
      'retrieval',
      '2x',
      'faster',
    ]);
  });

  it('extracts words and boundary-marked character 3-5-grams with their counts', () => {
    const features = extractFeatures('Cat cat');
    expect(features.get('wcat')).toBe(2);
    expect(features.get('c<ca')).toBe(2);
    expect(features.get('c<cat>')).toBe(2);
    expect(features.has('c<cat')).toBe(true);
    expect([...features.keys()].every((f) => f.startsWith('w') || f.startsWith('c'))).toBe(true);
  });

  it('hashes a feature to the same bucket, sign and slot every time, within range', () => {
    const a = hashFeature('wtransformer', 384);
    expect(hashFeature('wtransformer', 384)).toEqual(a);
    expect(a.bucket).toBeGreaterThanOrEqual(0);
    expect(a.bucket).toBeLessThan(384);
    expect(a.slot).toBeLessThan(IDF_SLOTS);
    const signs = new Set(
      ['wa', 'wb', 'wc', 'wd', 'we', 'wf', 'wg', 'wh'].map((f) => hashFeature(f, 64).sign),
    );
    expect(signs).toEqual(new Set([1, -1]));
  });

  it('gives unit-length vectors, and the zero vector for text without words', () => {
    const v = vectorize('Sparse attention for long-context language models', 256, ones);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(vectorize('  ... ', 256, ones).every((x) => x === 0)).toBe(true);
  });

  it('counts document frequency once per document', () => {
    const table = fitIdf(['graph graph graph', 'graph neural', 'protein']);
    expect(table.docCount).toBe(3);
    const slot = hashFeature('wgraph', 1).slot;
    expect(table.df[slot]).toBe(2);
    const weights = idfWeights(table);
    // smoothed idf: ln((1+3)/(1+2)) + 1 for "graph", larger for a slot no document used
    expect(weights[slot]).toBeCloseTo(Math.log(4 / 3) + 1, 5);
    expect(weights[hashFeature('wprotein', 1).slot]).toBeGreaterThan(weights[slot] ?? 0);
  });

  it('lets idf shrink what every document shares', () => {
    const corpus = [
      'we propose a method',
      'we propose a model',
      'we propose a graph network',
      'quantum error codes',
    ];
    const fitted = idfWeights(fitIdf(corpus));
    const a = 'we propose quantum codes';
    const b = 'we propose a loss';
    expect(cosine(vectorize(a, 512, fitted), vectorize(b, 512, fitted))).toBeLessThan(
      cosine(vectorize(a, 512, ones), vectorize(b, 512, ones)),
    );
  });

  it('computes, on its fast path, exactly the vector the string features define', () => {
    const text = 'Mixture-of-Experts routing: über-sparse MoE layers, 4-bit KV caches and caches again.';
    const idf = idfWeights(fitIdf([text, 'sparse layers', 'routing of experts']));
    const reference = new Float32Array(96);
    for (const [feature, count] of extractFeatures(text)) {
      const { bucket, sign, slot } = hashFeature(feature, 96);
      reference[bucket] = (reference[bucket] ?? 0) + sign * featureWeight(feature, count) * (idf[slot] ?? 1);
    }
    const fast = vectorize(text, 96, idf);
    Array.from(l2Normalize(reference)).forEach((x, i) => {
      expect(fast[i]).toBeCloseTo(x, 6);
    });
  });
});
