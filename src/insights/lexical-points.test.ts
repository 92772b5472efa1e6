import { describe, expect, it } from 'vitest';
import { dotRows } from './kmeans.ts';
import { createLexicalSpace, createLexicalSpaces } from './lexical-points.ts';

const paper = (id: string, title: string, abstract: string) => ({ id, title, abstract });
const corpus = [
  paper('q1', 'Weight quantization for LLM inference', 'Low-bit quantization cuts inference memory.'),
  paper('q2', 'KV cache compression for LLM inference', 'Compressing the cache cuts inference memory.'),
  paper('r1', 'Robotic grasping with tactile sensing', 'A dexterous hand learns grasping from touch.'),
  paper('r2', 'Dexterous grasping policies', 'Tactile feedback improves dexterous grasping.'),
  paper('x1', 'A survey of graph databases', 'Query engines for property graphs.'),
  paper('x2', 'Protein folding at scale', 'Structure prediction of proteins.'),
];

describe('createLexicalSpace', () => {
  it('gives L2-normalized rows over the terms two of the papers share', () => {
    const points = createLexicalSpace(corpus)(['q1', 'q2', 'r1', 'r2']);
    expect(points.count).toBe(4);
    for (let i = 0; i < points.count; i++)
      expect(dotRows(points.data, i, points.data, i, points.dims)).toBeCloseTo(1, 5);
    // "quantization" occurs in one of the four papers only: not a column.
    expect(points.dims).toBeLessThan(12);
  });

  it('puts papers of one topic nearer each other than papers of two topics', () => {
    const p = createLexicalSpace(corpus)(['q1', 'q2', 'r1', 'r2']);
    const cos = (a: number, b: number) => dotRows(p.data, a, p.data, b, p.dims);
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 2) + 0.3);
    expect(cos(2, 3)).toBeGreaterThan(cos(1, 3) + 0.3);
  });

  it('gives a zero row for a paper outside the corpus', () => {
    const p = createLexicalSpace(corpus)(['q1', 'q2', 'missing']);
    expect(dotRows(p.data, 2, p.data, 2, p.dims)).toBe(0);
  });
});

describe('createLexicalSpaces', () => {
  it('puts the papers on normalized corpus topics, and baselines them by two random papers', () => {
    const spaces = createLexicalSpaces(corpus, { components: 2, seed: 1 });
    const t = spaces.topics(['q1', 'q2', 'r1', 'r2']);
    expect(t.dims).toBe(2);
    for (let i = 0; i < t.count; i++) expect(dotRows(t.data, i, t.data, i, t.dims)).toBeCloseTo(1, 5);
    const cos = (a: number, b: number) => dotRows(t.data, a, t.data, b, t.dims);
    expect(cos(0, 1)).toBeGreaterThan(cos(0, 2));
    const baseline = spaces.topicBaseline();
    expect(baseline).toBeGreaterThanOrEqual(-1);
    expect(baseline).toBeLessThanOrEqual(1);
  });

  it('fits the topics on a sample of a larger corpus, the same way under the same seed', () => {
    const topicsOf = (seed: number) =>
      Array.from(createLexicalSpaces(corpus, { components: 2, seed, sample: 4 }).topics(['q1', 'r1']).data);
    expect(topicsOf(1)).toEqual(topicsOf(1));
  });
});
