/**
 * The radar on a catalogue of real benchmark names and their look-alikes (tests/benchmarks/catalogue.ts),
 * through the Hugging Face, GitHub and OpenAI fakes with the default source settings: how many
 * genuine benchmarks it finds, how many non-benchmarks it shows, whether it merges two different
 * things, and whether a second collect re-scores or duplicates anything. The LLM is the fake's
 * responder (tests/benchmarks/setup.ts), which judges an item by the words it uses of itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubReposSource } from '../src/adapters/github/github-repos-source.ts';
import { createHfDatasetsSource } from '../src/adapters/huggingface/hf-datasets-source.ts';
import { createArxivBenchmarkSource } from '../src/benchmarks/arxiv-benchmark-source.ts';
import { collectBenchmarks } from '../src/benchmarks/collect-benchmarks.ts';
import type { MergedBenchmark } from '../src/benchmarks/schemas.ts';
import { shownBenchmarks } from '../src/benchmarks/select.ts';
import { SourcesConfig } from '../src/config/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createBenchmarksStore } from '../src/store/benchmarks-store.ts';
import { GENUINE, HUB, PAPERS, REPOS, truthById } from './benchmarks/catalogue.ts';
import { benchmarkResponder, JOB_OPTIONS, jobDeps, NOW, quickHttp, SINCE } from './benchmarks/setup.ts';
import { type GitHubFake, startGitHubFake } from './fakes/github-fake.ts';
import { type HuggingFaceFake, startHuggingFaceFake } from './fakes/huggingface-fake.ts';
import { type OpenAIFake, startOpenAIFake } from './fakes/openai-fake.ts';
import { type LlmTestSetup, setUpLlm } from './helpers/llm.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let hf: HuggingFaceFake;
let gh: GitHubFake;
let openai: OpenAIFake;
let stateDir: string;
let llm: LlmTestSetup;

beforeEach(async () => {
  hf = await startHuggingFaceFake({ datasets: HUB.map((h) => h.dataset) });
  for (const h of HUB) hf.setCard(h.dataset.id, h.card);
  gh = await startGitHubFake({ repositories: REPOS.map((r) => r.repo) });
  openai = await startOpenAIFake();
  openai.onChat(benchmarkResponder);
  stateDir = tempDir();
  llm = setUpLlm({ baseUrl: `${openai.url}/v1`, stateDir, maxRetries: 0 });
});
afterEach(async () => {
  await Promise.all([hf.close(), gh.close(), openai.close()]);
});

function catalogueSources() {
  const defaults = SourcesConfig.parse({});
  const http = quickHttp();
  const logger = silentLogger();
  const store = createBenchmarksStore(stateDir);
  return [
    createHfDatasetsSource(
      { http, logger, now: () => NOW },
      { ...defaults.huggingface, endpoint: hf.url, since: SINCE, maxPages: 3 },
    ),
    createGitHubReposSource(
      { http, logger, now: () => NOW.getTime(), sleep: async () => {} },
      { ...defaults.github, apiUrl: gh.url, since: SINCE, maxPages: 3, maxWaitMs: 0, searchPerMinute: 6000 },
    ),
    createArxivBenchmarkSource(
      {
        papers: { readAll: async () => PAPERS.map((p) => p.paper) },
        llm: llm.client,
        logger,
        now: () => NOW,
        verdicts: { read: () => store.readVerdicts(), write: store.writeVerdicts },
      },
      { since: SINCE },
    ),
  ];
}

interface Figures {
  found: string[];
  nonBenchmarksShown: string[];
  falseMerges: string[][];
}

function figures(merged: readonly MergedBenchmark[]): Figures {
  const truth = truthById();
  const shown = shownBenchmarks(merged);
  const labels = (b: MergedBenchmark) => b.memberIds.map((id) => truth.get(id) ?? null);
  return {
    found: [...new Set(shown.flatMap((b) => labels(b).filter((l): l is string => l !== null)))].sort(),
    nonBenchmarksShown: shown.filter((b) => labels(b).every((l) => l === null)).map((b) => b.id),
    falseMerges: merged
      .filter((b) => new Set(labels(b)).size > 1 || labels(b).filter((l) => l === null).length > 1)
      .map((b) => b.memberIds),
  };
}

describe('the radar on a catalogue of real benchmarks and look-alikes', () => {
  it('finds at least 7 of the 8 benchmarks, shows at most one non-benchmark, merges nothing wrongly', async () => {
    const first = await collectBenchmarks(jobDeps(stateDir, catalogueSources(), llm.client, []), JOB_OPTIONS);
    const merged = await createBenchmarksStore(stateDir).readMerged();
    const f = figures(merged);
    process.stdout.write(
      `catalogue: found ${f.found.length}/${GENUINE.length} (${f.found.join(', ')}); non-benchmarks shown ${f.nonBenchmarksShown.length} ${JSON.stringify(f.nonBenchmarksShown)}; false merges ${f.falseMerges.length}; candidates ${first.upsert.added}, merged ${merged.length}, shown ${shownBenchmarks(merged).length}\n`,
    );
    expect(f.found.length).toBeGreaterThanOrEqual(7);
    expect(f.nonBenchmarksShown.length).toBeLessThanOrEqual(1);
    expect(f.falseMerges).toEqual([]);
    const hle = merged.find((b) => b.memberIds.includes('huggingface:huggingface.co/datasets/cais/hle'));
    expect(hle?.sources).toEqual(['arxiv', 'github', 'huggingface']);
    const swe = merged.find((b) => b.memberIds.includes('github:github.com/swe-bench/swe-bench'));
    expect(swe?.memberIds).toHaveLength(2);
    expect(swe?.popularity.stars).toBe(3800);
  });

  it('a second collect re-scores nothing, asks no verdict again and adds no duplicate', async () => {
    const deps = () => jobDeps(stateDir, catalogueSources(), llm.client, []);
    await collectBenchmarks(deps(), JOB_OPTIONS);
    const before = await createBenchmarksStore(stateDir).readMerged();
    const requests = openai.chatRequests().length;
    const second = await collectBenchmarks(deps(), JOB_OPTIONS);
    expect(second.scoring).toMatchObject({ attempted: 0, scored: 0 });
    expect(second.upsert.added).toBe(0);
    expect(openai.chatRequests()).toHaveLength(requests);
    const after = await createBenchmarksStore(stateDir).readMerged();
    expect(after.map((b) => b.memberIds)).toEqual(before.map((b) => b.memberIds));
  });
});
