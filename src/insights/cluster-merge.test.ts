import { describe, expect, it } from 'vitest';
import { mergeClusters, profileCosine, sameName } from './cluster-merge.ts';
import { spanningTerms } from './cluster-profile.ts';
import { classTerms, documentFrequencies } from './terms.ts';

describe('sameName', () => {
  it('joins names whose leading term the other leads with, word for word', () => {
    expect(sameName(['rag', 'retrieval-augmented generation'], ['rag', 'retrieval-augmented'])).toBe(true);
    expect(sameName(['cache', 'kv-cache'], ['kv-cache', 'cache'])).toBe(true);
    expect(sameName(['quantization', 'quantized'], ['speculative decoding', 'draft'])).toBe(false);
    expect(sameName([], ['rag'])).toBe(false);
  });
});

describe('mergeClusters', () => {
  // Four clusters of 10 papers in a corpus of 100; their points point four ways, so only names and
  // term profiles can join them.
  const themes = [
    ['diffusion', 'image', 'denoising'],
    ['text-to-image', 'diffusion', 'image'],
    ['rag', 'retrieval', 'llm'],
    ['cache', 'kv-cache', 'llm'],
  ];
  const docs = themes.flatMap((terms) => Array.from({ length: 10 }, () => new Set(terms)));
  const rest = Array.from({ length: 60 }, (_, i) => new Set(i < 30 ? ['llm', 'language'] : ['language']));
  const corpusDf = documentFrequencies([...docs, ...rest]);
  const directions = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ];
  const points = {
    count: docs.length,
    dims: 2,
    data: new Float32Array(docs.flatMap((_, i) => directions[Math.floor(i / 10)] ?? [0, 0])),
  };
  const input = {
    points,
    assignments: Int32Array.from(docs, (_, i) => Math.floor(i / 10)),
    k: 4,
    termsOf: (i: number) => docs[i] ?? new Set<string>(),
    corpusDf,
    corpusSize: 100,
  };

  it('joins clusters whose distinctive terms coincide though their names differ, not two interests that share a common word', () => {
    const merged = mergeClusters(input);
    expect(merged.k).toBe(3);
    expect(merged.merged).toBe(1);
    const clusterOf = (theme: number) => merged.assignments[theme * 10];
    expect(clusterOf(0)).toBe(clusterOf(1));
    // "llm" is in a third of the corpus: rag and kv-cache share it but stay apart.
    expect(clusterOf(2)).not.toBe(clusterOf(3));
    expect(new Set(merged.assignments)).toEqual(new Set([0, 1, 2]));
  });

  it('joins clusters whose centroids point the same way, and leaves distinct ones alone', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    const own = (i: number) => new Set([words[Math.floor(i / 10)] ?? '']);
    expect(mergeClusters({ ...input, termsOf: own })).toMatchObject({ k: 4, merged: 0 });
    const data = new Float32Array(
      docs.flatMap((_, i) => (i < 20 ? [1, 0] : (directions[Math.floor(i / 10)] ?? []))),
    );
    const sameWay = mergeClusters({ ...input, termsOf: own, points: { ...points, data } });
    expect(sameWay.k).toBe(3);
    expect(sameWay.assignments[0]).toBe(sameWay.assignments[10]);
  });
});

describe('profileCosine', () => {
  it('is 1 for proportional profiles, 0 without a shared term or with an empty one', () => {
    expect(
      profileCosine(
        new Map([
          ['a', 1],
          ['b', 2],
        ]),
        new Map([
          ['a', 2],
          ['b', 4],
        ]),
      ),
    ).toBeCloseTo(1);
    expect(profileCosine(new Map([['a', 1]]), new Map([['b', 1]]))).toBe(0);
    expect(profileCosine(new Map(), new Map([['b', 1]]))).toBe(0);
  });
});

describe('classTerms', () => {
  it('names a cluster by what sets it apart from the rest, with a document-frequency floor', () => {
    const cluster = Array.from(
      { length: 10 },
      (_, i) =>
        new Set(['speculative decoding', 'speculative', 'decoding', 'language', ...(i < 2 ? ['tumor'] : [])]),
    );
    const rest = Array.from({ length: 90 }, (_, i) => new Set(['language', ...(i < 3 ? ['decoding'] : [])]));
    const df = documentFrequencies([...cluster, ...rest]);
    const terms = classTerms(cluster, df, 100, { limit: 3 }).map((t) => t.term);
    expect(terms[0]).toBe('speculative decoding');
    // "language" is in every paper, inside and out: no lift, no name.
    expect(terms).not.toContain('language');
    // "tumor" is in 2 of 10 papers: at the 20% floor it may name; with a floor of 3 it may not.
    expect(classTerms(cluster, df, 100, { limit: 5 }).map((t) => t.term)).toContain('tumor');
    const floor = classTerms(cluster, df, 100, { limit: 5, minDocs: 3 }).map((t) => t.term);
    expect(floor).not.toContain('tumor');
  });
});

describe('spanningTerms', () => {
  it('finds two leading terms held by different papers, and not when they are held together', () => {
    const docs = Array.from({ length: 8 }, (_, i) => ({
      id: String(i),
      title: String(i),
      terms: new Set(i < 4 ? ['rag', 'shared'] : ['robot', 'shared']),
      tags: [],
    }));
    expect(spanningTerms(docs, ['rag', 'robot', 'shared'])).toEqual(['rag', 'robot']);
    expect(spanningTerms(docs, ['rag', 'shared'])).toBeUndefined();
    expect(spanningTerms(docs, ['rag', 'robot'], () => false)).toBeUndefined();
  });
});
