/**
 * The interest profile on a realistic labeled set: the proxy user (tests/helpers/proxy-user.ts) over
 * real arXiv papers, hashing vectors. Checks that the clusters recover the planted interests, the
 * LLM naming (one call for all clusters, against the OpenAI fake), the no-LLM names, and /profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile as profileCommand } from '../../src/chat/commands/profile.ts';
import { plainText } from '../../src/chat/message-format.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { clusterPoints } from '../../src/insights/cluster-profile.ts';
import { buildInterestProfile } from '../../src/insights/profile.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { selectRows } from '../../src/rank/vector-matrix.ts';
import type { StoredProfile } from '../../src/store/insights-store.ts';
import { statePaths } from '../../src/store/paths.ts';
import { checkState } from '../../src/store/state-check.ts';
import { createFileStores, type Stores } from '../../src/store/stores.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { setUpLlm } from '../helpers/llm.ts';
import type { PlantedInterest } from '../helpers/proxy-user.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { embedFixture, plantedInterests, readFixture, writeProxyState } from './proxy-state.ts';

const rows = readFixture();
const planted = plantedInterests(rows);
const tempDir = useTempDirs();
const now = () => new Date('2026-07-01T12:00:00Z');
const config = RadarConfig.parse({});

/** Words a name made from a planted interest's terms is expected to contain. */
const NAME_WORDS: Record<PlantedInterest, RegExp> = {
  'efficient-inference': /quantiz|speculative|decoding|cache|kv|draft|ptq/i,
  'retrieval-augmented': /\brag\b|retrieval/i,
  'robot-manipulation': /robot|manipulation|grasp|dexterous|vla/i,
};

/** The planted interest most of the ids carry, with its share. */
function majority(ids: readonly string[]): { interest: PlantedInterest | undefined; share: number } {
  const counts = new Map<PlantedInterest, number>();
  for (const id of ids) {
    const interest = planted.get(id);
    if (interest) counts.set(interest, (counts.get(interest) ?? 0) + 1);
  }
  const [interest, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  return { interest, share: ids.length === 0 ? 0 : n / ids.length };
}

describe('clusters of the proxy user', () => {
  it('recover the three planted interests, the same way under the same seed', async () => {
    const matrix = await embedFixture(rows);
    const likedRows = matrix.ids.flatMap((id, i) => (planted.has(id) ? [i] : []));
    const liked = selectRows(matrix, likedRows);
    const points = { count: liked.ids.length, dims: liked.dims, data: liked.data };
    const clustering = clusterPoints(points, { seed: 42 });
    const members = Array.from({ length: clustering.k }, (_, c) =>
      liked.ids.filter((_, i) => clustering.assignments[i] === c),
    );
    const majorities = members.map(majority);
    const purity =
      majorities.reduce((sum, m, c) => sum + m.share * (members[c]?.length ?? 0), 0) / liked.ids.length;
    // Measured: k = 6 (efficient inference splits into quantization / speculative decoding / KV cache), purity 0.86.
    expect(purity).toBeGreaterThan(0.75);
    const dominated = new Set(majorities.filter((m) => m.share > 0.5).map((m) => m.interest));
    expect(dominated).toEqual(new Set(['efficient-inference', 'retrieval-augmented', 'robot-manipulation']));
    const again = clusterPoints(points, { seed: 42 });
    expect(Array.from(again.assignments)).toEqual(Array.from(clustering.assignments));
  });
});

describe('radar profile on the proxy state', () => {
  let stateDir: string;
  // On files: the saved profile is checked as `radar state check` reads it.
  let stores: Stores;
  let outDir: string;
  let fake: OpenAIFake;
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'radar-profile-'));
    stores = createFileStores(stateDir);
    outDir = statePaths(stateDir).outDir;
    await writeProxyState(stateDir, rows);
    fake = await startOpenAIFake();
  }, 60_000);
  afterAll(async () => {
    await fake.close();
    rmSync(stateDir, { recursive: true, force: true });
  });

  function interestOf(p: StoredProfile['interests'][number]) {
    return majority(p.evidence.map((e) => e.id));
  }

  it('without an LLM names the clusters by terms that carry the planted keywords', async () => {
    const run = await buildInterestProfile({ stores, outDir, config, logger: silentLogger(), now });
    const p = run.profile;
    expect(p.naming.by).toBe('terms');
    expect(p.labels.likedClustered).toBe(planted.size);
    for (const interest of Object.keys(NAME_WORDS) as PlantedInterest[]) {
      const named = p.interests.filter((i) => interestOf(i).interest === interest);
      expect(named.length, interest).toBeGreaterThan(0);
      for (const i of named) expect(i.name, interest).toMatch(NAME_WORDS[interest]);
    }
    expect(p.avoids.length).toBeGreaterThan(0);
    expect(p.crossCutting.signal).toBe('label');
    expect(p.crossCutting.keys.length).toBeGreaterThan(0);
    expect(p.drift.recentLikes + p.drift.earlierLikes).toBe(planted.size);
    expect(run.markdown).toContain('## What you avoid');
    const reports = await checkState(stateDir);
    expect(reports.find((r) => r.file === `profiles/${p.date}.json`)?.status).toBe('ok');
  }, 60_000);

  it('has the LLM name every cluster in one call, and reuses today’s profile unless rebuilt', async () => {
    fake.onChat((request) => {
      const user = request.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n');
      const count = Number(/grouped into (\d+) clusters/.exec(user)?.[1] ?? 0);
      const interests = Array.from({ length: count }, (_, cluster) => ({
        cluster,
        name: `Interest number ${cluster}`,
        description: `Why cluster ${cluster} matters.`,
      }));
      return { json: { interests } };
    });
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir() });
    const deps = { stores, outDir, config, logger: silentLogger(), now, llm: client };
    const before = fake.chatRequests().length;
    const run = await buildInterestProfile(deps, { rebuild: true });
    expect(fake.chatRequests().length - before).toBe(1);
    const request = fake.chatRequests().at(-1);
    expect(request?.response_format?.type).toBe('json_schema');
    expect(JSON.stringify(request?.messages)).toMatch(/retrieval-augmented/);
    expect(run.profile.naming.by).toBe('llm');
    expect(run.profile.interests.map((i) => i.name)).toEqual(
      run.profile.interests.map((_, c) => `Interest number ${c}`),
    );
    expect(run.profile.interests.every((i) => i.namedBy === 'llm')).toBe(true);
    const reused = await buildInterestProfile(deps);
    expect(reused.reused).toBe(true);
    expect(reused.profile.interests[0]?.name).toBe('Interest number 0');
    expect(fake.chatRequests().length - before).toBe(1);
  }, 60_000);

  it('falls back to names from terms when the LLM call fails', async () => {
    fake.onChat(() => ({ error: { status: 400, message: 'context length exceeded' } }));
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 0 });
    const run = await buildInterestProfile(
      {
        stores,
        outDir,
        config,
        logger: silentLogger(),
        now: () => new Date('2026-06-30T12:00:00Z'),
        llm: client,
      },
      { rebuild: true },
    );
    expect(run.profile.naming).toMatchObject({ by: 'terms', model: null });
    expect(run.profile.naming.error).toMatch(/^api: /);
    expect(run.profile.interests.every((i) => i.namedBy === 'terms' && i.name.includes(' · '))).toBe(true);
  }, 60_000);

  it('/profile answers from the saved profile', async () => {
    const message = await profileCommand(
      {
        stores,
        stateDir,
        config,
        clock: { now },
        labels: { direct: async () => ({ kind: 'ignored', why: 'not a paper message' }) },
        resendDigest: async () => 0,
      },
      { platform: 'telegram', chatId: '1', userId: '1', args: '', at: now().toISOString() },
    );
    const text = plainText(message);
    expect(text).toContain('Your interests (2026-07-01)');
    expect(text).toContain('Interest number 0');
    expect(text).toContain('out/profile-2026-07-01.md');
  });
});
