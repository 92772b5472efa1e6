import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { clusteredVectors } from '../../tests/helpers/vectors.ts';
import { bruteForceSearch, createVectorIndex, rowNorms } from './vector-index.ts';

const tempDir = useTempDirs();

describe('vector index', () => {
  it('reaches recall@10 ≥ 0.95 against brute force', () => {
    const matrix = clusteredVectors(3000, 64);
    const index = createVectorIndex(64);
    expect(index.add(matrix)).toBe(3000);
    const norms = rowNorms(matrix);
    let hits = 0;
    const queries = 100;
    for (let q = 0; q < queries; q++) {
      const row = q * 29;
      const vector = matrix.data.subarray(row * 64, (row + 1) * 64);
      const exact = new Set(bruteForceSearch(matrix, norms, vector, 10).map((n) => n.id));
      hits += index.search(vector, 10).filter((n) => exact.has(n.id)).length;
    }
    expect(hits / (queries * 10)).toBeGreaterThanOrEqual(0.95);
  });

  it('returns similarities best first, finds a point itself, and grows past its capacity', () => {
    const matrix = clusteredVectors(2500, 16, 2);
    const index = createVectorIndex(16, undefined, 10);
    index.add(matrix);
    expect(index.size()).toBe(2500);
    const result = index.search(matrix.data.subarray(16 * 7, 16 * 8), 5);
    expect(result[0]?.id).toBe('2611.00007');
    expect(result[0]?.similarity).toBeCloseTo(1, 5);
    for (let i = 1; i < result.length; i++)
      expect(result[i]?.similarity).toBeLessThanOrEqual(result[i - 1]?.similarity ?? 1);
  });

  it('replaces the vector of an id added again instead of duplicating it', () => {
    const index = createVectorIndex(4);
    index.add({
      ids: ['2611.00001', '2611.00002'],
      dims: 4,
      data: Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0]),
    });
    expect(index.add({ ids: ['2611.00001'], dims: 4, data: Float32Array.from([0, 0, 1, 0]) })).toBe(0);
    expect(index.size()).toBe(2);
    expect(index.search([0, 0, 1, 0], 1)[0]?.id).toBe('2611.00001');
    expect(index.search([1, 0, 0, 0], 1)[0]?.id).toBe('2611.00002');
  });

  it('writes a graph that reads back with the same answers', async () => {
    const { readVectorIndex } = await import('./vector-index.ts');
    const matrix = clusteredVectors(500, 8, 3);
    const index = createVectorIndex(8);
    index.add(matrix);
    const file = `${tempDir()}/hnsw.bin`;
    await index.writeGraph(file);
    const back = await readVectorIndex(file, 8, index.params, index.ids());
    const q = matrix.data.subarray(0, 8);
    expect(back.search(q, 5)).toEqual(index.search(q, 5));
  });
});
