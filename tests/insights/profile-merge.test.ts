/**
 * The profile's clusters on the proxy user of tests/insights (real papers, three planted interests,
 * efficient inference made of three sub-topics): k-means over-splits, and the merge leaves one
 * interest per planted interest — none split into its sub-topics, none lost — each named by
 * exactly one cluster, and no two names alike.
 */
import { describe, expect, it } from 'vitest';
import { buildProfileDraft } from '../../src/insights/profile-build.ts';
import type { PlantedInterest } from '../helpers/proxy-user.ts';
import { embedFixture, MODEL, plantedInterests, proxyLabels, readFixture } from './proxy-state.ts';

const rows = readFixture();
const planted = plantedInterests(rows);

/** What a name of each planted interest contains: any of its sub-topics' words. */
const NAME_WORDS: Record<PlantedInterest, RegExp> = {
  'efficient-inference': /quantiz|speculative|decoding|cache|\bkv\b|draft|ptq/i,
  'retrieval-augmented': /\brag\b|retriev/i,
  'robot-manipulation': /robot|manipulat|grasp|dexterous|\bvla\b/i,
};

async function draftOf(seed: number) {
  return buildProfileDraft({
    date: '2026-07-01',
    createdAt: '2026-07-01T00:00:00.000Z',
    model: MODEL,
    seed,
    matrix: await embedFixture(rows),
    labels: proxyLabels(rows),
    papers: rows,
    tagsById: new Map(),
  });
}

function majorityOf(ids: readonly string[]): { interest: string; count: number } {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(planted.get(id) ?? '?', (counts.get(planted.get(id) ?? '?') ?? 0) + 1);
  const [interest, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['?', 0];
  return { interest, count };
}

describe('the profile of the proxy user', () => {
  it('has one interest per planted interest, each named by exactly one cluster', async () => {
    // The default seed; the merge's threshold is seed-sensitive (cluster-merge.ts says how much).
    const { profile, members } = await draftOf(42);
    expect(profile.clustering.tried.map((t) => t.k)).toEqual([16]);
    const names = profile.interests.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const [interest, words] of Object.entries(NAME_WORDS)) {
      const naming = names.filter((name) => words.test(name));
      expect(naming, `${interest} in ${names.join(' | ')}`).toHaveLength(1);
    }
    const majorities = members.map(majorityOf);
    expect(majorities.map((m) => m.interest).sort()).toEqual(Object.keys(NAME_WORDS).sort());
    const liked = members.flat().length;
    expect(liked).toBe(planted.size);
    const purity = majorities.reduce((sum, m) => sum + m.count, 0) / liked;
    // Measured: 0.88 (the robot cluster takes in tokenizer papers that the quantization rule planted).
    expect(purity).toBeGreaterThan(0.85);
  }, 60_000);
});
