import { describe, expect, it } from 'vitest';
import { clusteredVectors } from '../../tests/helpers/vectors.ts';
import { createRandom } from '../rank/prng.ts';
import { duplicateIds, findNearDuplicates, findNearDuplicatesOf } from './dedup.ts';
import { createVectorIndex } from './vector-index.ts';

describe('findNearDuplicates', () => {
  it('finds planted duplicates, chains them into one cluster and keeps the oldest id', () => {
    const dims = 32;
    const base = clusteredVectors(1000, dims, 4);
    const random = createRandom(9);
    // Plant: 2611.00010 ≈ 2612.00001 ≈ 2612.00002 (a chain of tiny perturbations), 2611.00500 ≈ 2612.00003.
    const plant = (sourceRow: number, noise: number): Float32Array =>
      Float32Array.from(
        base.data.subarray(sourceRow * dims, (sourceRow + 1) * dims),
        (v) => v + noise * (random() - 0.5),
      );
    const extra = [plant(10, 0.01), plant(10, 0.02), plant(500, 0.01)];
    const ids = [...base.ids, '2612.00001', '2612.00002', '2612.00003'];
    const data = new Float32Array(ids.length * dims);
    data.set(base.data);
    extra.forEach((v, i) => {
      data.set(v, (1000 + i) * dims);
    });
    const matrix = { ids, dims, data };
    const index = createVectorIndex(dims);
    index.add(matrix);
    const queries = ids.map((id, row) => ({ id, vector: data.subarray(row * dims, (row + 1) * dims) }));
    const clusters = findNearDuplicates(queries, (v, k) => index.search(v, k), { threshold: 0.995 });
    expect(clusters).toEqual([
      { keep: '2611.00010', duplicates: ['2612.00001', '2612.00002'] },
      { keep: '2611.00500', duplicates: ['2612.00003'] },
    ]);
    expect(duplicateIds(clusters)).toEqual(new Set(['2612.00001', '2612.00002', '2612.00003']));
  });

  it('finds nothing when nothing is above the threshold', () => {
    const matrix = clusteredVectors(300, 16, 5);
    const index = createVectorIndex(16);
    index.add(matrix);
    const queries = matrix.ids.map((id, row) => ({
      id,
      vector: matrix.data.subarray(row * 16, (row + 1) * 16),
    }));
    expect(findNearDuplicates(queries, (v, k) => index.search(v, k), { threshold: 0.9999 })).toEqual([]);
  });
});

describe('findNearDuplicatesOf', () => {
  it('finds the planted duplicates of the new rows in one batch, as the per-query pass does', () => {
    const dims = 32;
    const base = clusteredVectors(800, dims, 6);
    const copy = (row: number, id: string) => ({
      ids: [id],
      dims,
      data: Float32Array.from(base.data.subarray(row * dims, (row + 1) * dims), (v) => v * 1.001),
    });
    const fresh = [copy(3, '2612.00001'), copy(400, '2612.00002')];
    const index = createVectorIndex(dims);
    index.add(base);
    for (const row of fresh) index.add(row);
    const newRows = {
      ids: fresh.flatMap((r) => r.ids),
      dims,
      data: Float32Array.from(fresh.flatMap((r) => [...r.data])),
    };
    const clusters = findNearDuplicatesOf(newRows, index, { threshold: 0.999 });
    expect(clusters).toEqual([
      { keep: '2611.00003', duplicates: ['2612.00001'] },
      { keep: '2611.00400', duplicates: ['2612.00002'] },
    ]);
    const perQuery = findNearDuplicates(
      newRows.ids.map((id, i) => ({ id, vector: newRows.data.subarray(i * dims, (i + 1) * dims) })),
      (v, k) => index.search(v, k),
      { threshold: 0.999 },
    );
    expect(perQuery).toEqual(clusters);
  });
});
