import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { clusteredVectors } from '../../tests/helpers/vectors.ts';
import { createRandom } from '../rank/prng.ts';
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
    // The old vector is gone: both rows are now orthogonal to it (a tie, so no id is asserted).
    const nearOld = index.search([1, 0, 0, 0], 2);
    expect(nearOld).toHaveLength(2);
    for (const n of nearOld) expect(n.similarity).toBeCloseTo(0, 2);
    expect(index.search([0, 1, 0, 0], 1)[0]?.id).toBe('2611.00002');
  });

  it('writes a graph that reads back with the same answers', async () => {
    const { readVectorIndex } = await import('./vector-index.ts');
    const matrix = clusteredVectors(500, 8, 3);
    const index = createVectorIndex(8);
    index.add(matrix);
    const file = `${tempDir()}/ann.usearch`;
    await index.writeGraph(file);
    const back = await readVectorIndex(file, 8, index.params, index.ids());
    const q = matrix.data.subarray(0, 8);
    expect(back.search(q, 5)).toEqual(index.search(q, 5));
  });

  it('answers a batch of queries in parallel with the same neighbours as one query at a time', () => {
    const matrix = clusteredVectors(1500, 32, 4);
    const index = createVectorIndex(32);
    index.add(matrix);
    const rows = { ids: matrix.ids.slice(0, 50), dims: 32, data: matrix.data.subarray(0, 50 * 32) };
    const batch = index.searchMany(rows, 5);
    expect(batch).toHaveLength(50);
    batch.forEach((found, i) => {
      expect(found[0]?.id).toBe(matrix.ids[i]);
      expect(found.map((n) => n.id)).toEqual(
        index.search(rows.data.subarray(i * 32, (i + 1) * 32), 5).map((n) => n.id),
      );
    });
  });

  it('serves another ef from the saved graph as an index built for that ef would, and its own ef once changed', async () => {
    const { readVectorIndex } = await import('./vector-index.ts');
    // Uniform noise in 64 dimensions: flat neighbour lists, where a small ef visibly misses.
    const random = createRandom(5);
    const n = 4000;
    const matrix = {
      ids: Array.from({ length: n }, (_, i) => `2611.${String(i).padStart(5, '0')}`),
      dims: 64,
      data: Float32Array.from({ length: n * 64 }, () => random() - 0.5),
    };
    const params = { m: 16, efConstruction: 64, efSearch: 256, quantization: 'f32' as const };
    const built = createVectorIndex(64, params);
    built.add(matrix);
    const file = `${tempDir()}/ann.usearch`;
    await built.writeGraph(file);
    const index = readVectorIndex(file, 64, params, built.ids());
    const narrowIndex = readVectorIndex(file, 64, { ...params, efSearch: 10 }, built.ids());
    const queries = Array.from({ length: 40 }, (_, q) =>
      matrix.data.subarray(q * 97 * 64, (q * 97 + 1) * 64),
    );
    const answers = (ef?: number) =>
      queries.map((v) => index.search(v, 10, ef === undefined ? {} : { ef }).map((x) => x.id));
    const wide = answers();
    const narrow = answers(10);
    expect(narrow).toEqual(queries.map((v) => narrowIndex.search(v, 10).map((x) => x.id)));
    expect(narrow).not.toEqual(wide);
    index.add({ ids: ['2612.00001'], dims: 64, data: matrix.data.slice(0, 64) });
    const afterChange = answers(10);
    expect(afterChange[0]).toContain('2612.00001');
    expect(afterChange.slice(1)).toEqual(wide.slice(1));
  });

  it('refuses a graph file that is not a usearch index', async () => {
    const { readVectorIndex } = await import('./vector-index.ts');
    const { writeFile } = await import('node:fs/promises');
    const file = `${tempDir()}/ann.usearch`;
    await writeFile(file, 'hnswlib graph bytes');
    expect(() =>
      readVectorIndex(file, 8, { m: 16, efConstruction: 64, efSearch: 64 }, ['2611.00001']),
    ).toThrow();
  });
});
