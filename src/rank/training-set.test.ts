import { describe, expect, it } from 'vitest';
import { clusteredVectors } from '../../tests/helpers/vectors.ts';
import { buildTrainingSet, type LabelPoint, samplePseudoNegativeIds } from './training-set.ts';
import { rowIndex, selectRows } from './vector-matrix.ts';

describe('samplePseudoNegativeIds', () => {
  const matrix = clusteredVectors(500, 8, 3);
  const labels: LabelPoint[] = [
    ...[3, 40, 77, 120].map((i) => ({ id: matrix.ids[i] ?? '', label: 1 as const })),
    ...[9, 200].map((i) => ({ id: matrix.ids[i] ?? '', label: -1 as const })),
    { id: '2699.00001', label: 1 },
  ];
  const scored = new Set(matrix.ids.slice(450));
  const options = { pseudoNegativeRatio: 5, pseudoNegativeWeight: 0.2, seed: 11, exclude: scored };

  it('samples from the ids alone what a training set over the whole matrix draws', () => {
    const ids = samplePseudoNegativeIds(matrix.ids, labels, options);
    // Five per positive that has a vector; never a labeled or an excluded paper.
    expect(ids).toHaveLength(20);
    const labeled = new Set(labels.map((l) => l.id));
    for (const id of ids) {
      expect(labeled.has(id)).toBe(false);
      expect(scored.has(id)).toBe(false);
    }
    const full = buildTrainingSet(matrix, labels, options);
    expect(full.ids.slice(full.ids.length - full.pseudoNegatives)).toEqual(ids);
  });

  it('gives a training set over only the rows it names the same examples as over the whole matrix', () => {
    const ids = samplePseudoNegativeIds(matrix.ids, labels, options);
    const rows = rowIndex(matrix);
    const wanted = [...labels.map((l) => l.id), ...scored, ...ids];
    const part = selectRows(
      matrix,
      wanted.flatMap((id) => rows.get(id) ?? []),
    );
    const small = buildTrainingSet(part, labels, options);
    const full = buildTrainingSet(matrix, labels, options);
    expect(new Set(small.ids)).toEqual(new Set(full.ids));
    expect(small.pseudoNegatives).toBe(full.pseudoNegatives);
    const byId = (set: typeof full) =>
      new Map(set.ids.map((id, i) => [id, [set.data.y[i], set.data.weights?.[i]] as const]));
    expect(byId(small)).toEqual(byId(full));
  });

  it('draws another sample under another seed', () => {
    const a = samplePseudoNegativeIds(matrix.ids, labels, options);
    const b = samplePseudoNegativeIds(matrix.ids, labels, { ...options, seed: 12 });
    expect(b).not.toEqual(a);
  });
});
