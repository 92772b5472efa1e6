import { describe, expect, it } from 'vitest';
import { createRandom } from '../rank/prng.ts';
import { kmeans, normalizeRow, type Points } from './kmeans.ts';
import { meanSilhouette, pairwiseDistances } from './silhouette.ts';

/** Three tight groups around the first three axes of a 6-dimensional space. */
function threeGroups(perGroup: number, seed = 7): { points: Points; truth: number[] } {
  const random = createRandom(seed);
  const dims = 6;
  const count = perGroup * 3;
  const data = new Float32Array(count * dims);
  const truth: number[] = [];
  for (let i = 0; i < count; i++) {
    const group = i % 3;
    truth.push(group);
    for (let d = 0; d < dims; d++) data[i * dims + d] = (d === group ? 1 : 0) + 0.15 * (random() - 0.5);
    normalizeRow(data, i, dims);
  }
  return { points: { count, dims, data }, truth };
}

describe('kmeans', () => {
  it('recovers well-separated groups exactly', () => {
    const { points, truth } = threeGroups(20);
    const result = kmeans(points, 3, createRandom(1));
    const mapping = new Map<number, number>();
    truth.forEach((group, i) => {
      const cluster = result.assignments[i] ?? -1;
      if (!mapping.has(group)) mapping.set(group, cluster);
      expect(mapping.get(group)).toBe(cluster);
    });
    expect(new Set(mapping.values()).size).toBe(3);
  });

  it('is reproducible under a seed', () => {
    const { points } = threeGroups(15);
    const a = kmeans(points, 4, createRandom(99));
    const b = kmeans(points, 4, createRandom(99));
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
  });

  it('rejects a k outside [1, n]', () => {
    const { points } = threeGroups(2);
    expect(() => kmeans(points, 0, createRandom(1))).toThrow(RangeError);
    expect(() => kmeans(points, 7, createRandom(1))).toThrow(RangeError);
  });
});

describe('meanSilhouette', () => {
  it('is highest at the true number of groups', () => {
    const { points } = threeGroups(20);
    const distances = pairwiseDistances(points);
    const scores = [2, 3, 4, 5].map((k) =>
      meanSilhouette(distances, kmeans(points, k, createRandom(3)).assignments, k),
    );
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
    expect(scores[1]).toBeGreaterThan(0.8);
  });

  it('is 0 for a single cluster and for singletons', () => {
    const { points } = threeGroups(2);
    const distances = pairwiseDistances(points);
    expect(meanSilhouette(distances, new Int32Array(points.count), 1)).toBe(0);
    expect(
      meanSilhouette(
        distances,
        Int32Array.from({ length: points.count }, (_, i) => i),
        points.count,
      ),
    ).toBe(0);
  });
});
