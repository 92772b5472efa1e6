import { describe, expect, it } from 'vitest';
import type { SparseRow } from '../rank/lexical/sparse-row.ts';
import { createRandom } from '../rank/prng.ts';
import { dotRows } from './kmeans.ts';
import { fitTopics, topicPoints } from './topic-space.ts';

/** Columns: 0 quantization, 1 kv-cache, 2 inference, 3 memory, 4 robot, 5 grasping. */
const row = (...columns: number[]): SparseRow => ({
  indices: Int32Array.from(columns),
  values: Float32Array.from(columns, () => 1 / Math.sqrt(columns.length)),
});

describe('fitTopics', () => {
  // Quantization and KV-cache papers never share their own word, but both come with "inference"
  // and "memory" across the corpus; robot papers come with "grasping".
  const corpus = [
    ...Array.from({ length: 10 }, () => row(0, 2, 3)),
    ...Array.from({ length: 10 }, () => row(1, 2, 3)),
    ...Array.from({ length: 10 }, () => row(4, 5)),
  ];

  it('puts papers whose words co-occur with the same corpus vocabulary together, others apart', () => {
    const topics = fitTopics(corpus, 6, 2, createRandom(1));
    const p = topicPoints([row(0), row(1), row(4)], topics);
    const cos = (a: number, b: number) => dotRows(p.data, a, p.data, b, p.dims);
    // In tf-idf the three have cosine 0; on two corpus topics the first two point the same way.
    expect(cos(0, 1)).toBeGreaterThan(0.9);
    expect(Math.abs(cos(0, 2))).toBeLessThan(0.1);
    for (let i = 0; i < 3; i++) expect(cos(i, i)).toBeCloseTo(1, 5);
  });

  it('gives a zero row to a paper with no vocabulary term, and the same topics under the same seed', () => {
    const topics = fitTopics(corpus, 6, 2, createRandom(1));
    const empty = topicPoints([row()], topics);
    expect(Array.from(empty.data)).toEqual([0, 0]);
    expect(Array.from(fitTopics(corpus, 6, 2, createRandom(1)).basis)).toEqual(Array.from(topics.basis));
  });
});
