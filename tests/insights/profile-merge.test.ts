/**
 * The profile's clusters on the proxy user of tests/insights (real papers, three planted interests):
 * k-means over-splits, and the merge leaves clusters that each hold mostly one planted interest,
 * with distinct names and no interest lost.
 */
import { describe, expect, it } from 'vitest';
import { buildProfileDraft } from '../../src/insights/profile-build.ts';
import { embedFixture, MODEL, plantedInterests, proxyLabels, readFixture } from './proxy-state.ts';

const rows = readFixture();
const planted = plantedInterests(rows);

describe('the profile of the proxy user', () => {
  it('merges the over-split clusters into interests that are each mostly one planted interest', async () => {
    const { profile, members } = buildProfileDraft({
      date: '2026-07-01',
      createdAt: '2026-07-01T00:00:00.000Z',
      model: MODEL,
      seed: 42,
      matrix: await embedFixture(rows),
      labels: proxyLabels(rows),
      papers: rows,
      tagsById: new Map(),
    });
    const overSplit = profile.clustering.tried.map((t) => t.k);
    expect(overSplit).toEqual([8]);
    expect(profile.interests.length).toBeLessThan(8);
    let pure = 0;
    const dominant = new Set<string>();
    for (const ids of members) {
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(planted.get(id) ?? '?', (counts.get(planted.get(id) ?? '?') ?? 0) + 1);
      const [interest, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['?', 0];
      pure += n;
      if (n > ids.length / 2) dominant.add(interest);
    }
    const liked = members.flat().length;
    expect(liked).toBe(planted.size);
    // Measured: purity 0.87.
    expect(pure / liked).toBeGreaterThan(0.85);
    expect(dominant).toEqual(new Set(['efficient-inference', 'retrieval-augmented', 'robot-manipulation']));
    const names = profile.interests.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
  }, 60_000);
});
