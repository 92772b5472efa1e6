import { describe, expect, it } from 'vitest';
import { joinClusters, mergeClusters, SAME_TOPIC_RATIO, sameName } from './cluster-merge.ts';
import { spanningTerms } from './cluster-profile.ts';
import { classTerms, documentFrequencies, exclusiveClassTerms } from './terms.ts';

describe('sameName', () => {
  it('joins names whose leading term the other leads with, word for word', () => {
    expect(sameName(['rag', 'retrieval-augmented generation'], ['rag', 'retrieval-augmented'])).toBe(true);
    expect(sameName(['cache', 'kv-cache'], ['kv-cache', 'cache'])).toBe(true);
    expect(sameName(['quantization', 'quantized'], ['speculative decoding', 'draft'])).toBe(false);
    expect(sameName([], ['rag'])).toBe(false);
  });
});

/** A unit vector at `degrees` in the plane. */
const at = (degrees: number): number[] => [
  Math.cos((degrees * Math.PI) / 180),
  Math.sin((degrees * Math.PI) / 180),
];

describe('mergeClusters', () => {
  // Four clusters of 10 papers in a corpus of 100, each with its own words: only the topics join them.
  const words = ['quantization', 'kv-cache', 'retrieval', 'grasping'];
  const docs = words.flatMap((word) => Array.from({ length: 10 }, () => new Set([word, 'llm'])));
  const rest = Array.from({ length: 60 }, () => new Set(['language']));
  const corpusDf = documentFrequencies([...docs, ...rest]);
  const input = (angles: readonly number[]) => ({
    topics: {
      count: docs.length,
      dims: 2,
      data: new Float32Array(docs.flatMap((_, i) => at(angles[Math.floor(i / 10)] ?? 0))),
    },
    assignments: Int32Array.from(docs, (_, i) => Math.floor(i / 10)),
    // Two corpus papers have a topic cosine of 0.4 on average: clusters are one from 0.43.
    baseline: 0.4,
    k: 4,
    termsOf: (i: number) => docs[i] ?? new Set<string>(),
    corpusDf,
    corpusSize: 100,
  });

  it('joins clusters whose papers sit together on the corpus topics though they share no distinctive word', () => {
    // cos 30° ≈ 0.87 between the first two, cos 90° = 0 to the others.
    const merged = mergeClusters(input([0, 30, 120, 210]));
    expect(merged).toMatchObject({ k: 3, merged: 1 });
    const clusterOf = (theme: number) => merged.assignments[theme * 10];
    expect(clusterOf(0)).toBe(clusterOf(1));
    expect(clusterOf(2)).not.toBe(clusterOf(3));
    expect(new Set(merged.assignments)).toEqual(new Set([0, 1, 2]));
  });

  it('compares a merged cluster by all its papers, so it does not chain through one close pair', () => {
    // 40° and 90° are close enough to be one (cos 50° ≈ 0.64), but once 0° and 40° are one
    // cluster (cos 40° ≈ 0.77, the closest pair), 90° is compared with both: (cos 90° + cos 50°) / 2 ≈ 0.32.
    expect(Math.cos((50 * Math.PI) / 180)).toBeGreaterThan(SAME_TOPIC_RATIO * 0.4);
    const merged = mergeClusters(input([0, 40, 90, 200]));
    expect(merged.k).toBe(3);
    expect(merged.assignments[0]).toBe(merged.assignments[10]);
    expect(merged.assignments[20]).not.toBe(merged.assignments[0]);
  });

  it('leaves clusters apart whose topics differ, and joins those whose names coincide', () => {
    expect(mergeClusters(input([0, 90, 180, 270]))).toMatchObject({ k: 4, merged: 0 });
    const named = ['kv-cache', 'cache', 'retrieval', 'grasping'];
    const sameLead = (i: number) => new Set([named[Math.floor(i / 10)] ?? '', 'llm']);
    const merged = mergeClusters({ ...input([0, 90, 180, 270]), termsOf: sameLead });
    expect(merged.k).toBe(3);
    expect(merged.assignments[0]).toBe(merged.assignments[10]);
  });
});

describe('joinClusters', () => {
  it('moves one cluster into another and numbers the rest 0..k−1 by first member', () => {
    const joined = joinClusters(Int32Array.from([2, 0, 1, 2, 3, 1]), 0, 2);
    expect(Array.from(joined.assignments)).toEqual([0, 0, 1, 0, 2, 1]);
    expect(joined).toMatchObject({ k: 3, merged: 1 });
  });
});

describe('exclusiveClassTerms', () => {
  it('names each term by the cluster holding most of its papers, so two clusters never share a name', () => {
    const quantization = Array.from({ length: 20 }, () => new Set(['quantization', 'bits']));
    const robots = Array.from(
      { length: 10 },
      (_, i) => new Set(['robot', 'grasping', ...(i < 5 ? ['quantization'] : [])]),
    );
    const rest = Array.from({ length: 70 }, () => new Set(['language']));
    const df = documentFrequencies([...quantization, ...robots, ...rest]);
    // Alone, the robot cluster would be named by quantization too (half of it carries the word).
    expect(classTerms(robots, df, 100, { limit: 3 }).map((t) => t.term)).toContain('quantization');
    const [q, r] = exclusiveClassTerms([quantization, robots], df, 100, { limit: 3 }).map((terms) =>
      terms.map((t) => t.term),
    );
    expect(q).toContain('quantization');
    expect(r).not.toContain('quantization');
    expect(r).toEqual(expect.arrayContaining(['robot', 'grasping']));
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
