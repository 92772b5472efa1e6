import { describe, expect, it } from 'vitest';
import { evaluatePreference, stratifiedFolds, type TimedLabel, temporalSplit } from './evaluate.ts';
import { createRandom } from './prng.ts';
import { buildTrainingSet } from './training-set.ts';
import type { VectorMatrix } from './vector-matrix.ts';

/** Papers on two topics: dimension 0 carries the topic the user likes. */
function corpus(n: number): { matrix: VectorMatrix; liked: (row: number) => boolean } {
  const dims = 8;
  const random = createRandom(5);
  const data = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < dims; j++) data[i * dims + j] = random() - 0.5;
    data[i * dims] = (data[i * dims] ?? 0) + (i % 4 === 0 ? 1 : -0.3);
  }
  const ids = Array.from({ length: n }, (_, i) => `2611.${String(i).padStart(5, '0')}`);
  return { matrix: { ids, dims, data }, liked: (row) => row % 4 === 0 };
}

const settings = { l2: 1, pseudoNegativeRatio: 5, pseudoNegativeWeight: 0.2, seed: 1 };

describe('buildTrainingSet', () => {
  it('adds pseudo-negatives at the configured ratio and weight, never labeled or excluded papers', () => {
    const { matrix } = corpus(200);
    const labels = [
      { id: '2611.00000', label: 1 as const },
      { id: '2611.00004', label: 1 as const },
      { id: '2611.00001', label: -1 as const },
    ];
    const exclude = new Set(['2611.00002', '2611.00003']);
    const set = buildTrainingSet(matrix, labels, { ...settings, exclude });
    expect(set.pseudoNegatives).toBe(10);
    expect(set.data.rows).toBe(13);
    const pseudo = set.ids.slice(3);
    for (const id of pseudo) expect(['2611.00000', '2611.00004', '2611.00001', ...exclude]).not.toContain(id);
    const w = set.data.weights ?? new Float64Array();
    // balanced: positive weight sum equals negative weight sum; pseudo weight is 0.2 of a labeled negative
    const pos = (w[0] ?? 0) + (w[1] ?? 0);
    const neg = Array.from(w.subarray(2)).reduce((a, b) => a + b, 0);
    expect(pos).toBeCloseTo(neg, 9);
    expect((w[3] ?? 0) / (w[2] ?? 1)).toBeCloseTo(0.2, 9);
  });
});

describe('evaluatePreference', () => {
  it('splits by label time: the test set holds the newest labels', () => {
    const labels: TimedLabel[] = [3, 1, 2, 5, 4].map((d) => ({
      id: `2611.0000${d}`,
      label: 1,
      at: `2026-11-0${d}T00:00:00Z`,
    }));
    const { train, test } = temporalSplit(labels, 0.4);
    expect(train.map((l) => l.at.slice(8, 10))).toEqual(['01', '02', '03']);
    expect(test.map((l) => l.at.slice(8, 10))).toEqual(['04', '05']);
  });

  it('deals each class evenly over the folds', () => {
    const labels = Array.from({ length: 20 }, (_, i) => ({
      id: String(i),
      label: (i < 5 ? 1 : -1) as 1 | -1,
    }));
    const folds = stratifiedFolds(labels, 5, 3);
    for (let f = 0; f < 5; f++) {
      expect(labels.filter((l, i) => l.label === 1 && folds[i] === f)).toHaveLength(1);
      expect(labels.filter((l, i) => l.label === -1 && folds[i] === f)).toHaveLength(3);
    }
  });

  it('scores a learnable preference well on the temporal split and the folds', () => {
    const { matrix, liked } = corpus(600);
    const labels: TimedLabel[] = matrix.ids.slice(0, 120).map((id, row) => ({
      id,
      label: liked(row) ? 1 : -1,
      at: new Date(Date.UTC(2026, 10, 1) + row * 3600_000).toISOString(),
    }));
    const result = evaluatePreference(matrix, labels, { ...settings, k: 5 });
    expect(result.temporal.test).toBe(24);
    expect(result.temporal.auc).toBeGreaterThan(0.9);
    expect(result.kfold.auc).toBeGreaterThan(0.9);
    expect(result.kfold.precisionAtK).toBeGreaterThan(0.7);
  });
});
