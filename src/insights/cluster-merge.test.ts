import { describe, expect, it } from 'vitest';
import { mergeCoinciding, sameName } from './cluster-merge.ts';
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

describe('mergeCoinciding', () => {
  const points = { count: 4, dims: 2, data: new Float32Array([1, 0, 1, 0, 0, 1, 0.1, 1]) };
  it('merges clusters with one name, and clusters whose centroids point the same way', () => {
    const byName = mergeCoinciding(points, new Int32Array([0, 1, 2, 2]), 3, (c) =>
      c === 2 ? ['robot', 'grasp'] : ['rag', 'retrieval'],
    );
    // Clusters 0 and 1 share a name and a direction; 2 stays.
    expect(byName).toEqual({ assignments: new Int32Array([0, 0, 1, 1]), k: 2, merged: 1 });
    const distinct = mergeCoinciding(points, new Int32Array([0, 0, 1, 1]), 2, (c) => [
      c === 0 ? 'rag' : 'robot',
    ]);
    expect(distinct.merged).toBe(0);
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
