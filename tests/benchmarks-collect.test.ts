/** The benchmark job end to end against the fakes: isolation of failures, health, score cache, merge, alerts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectBenchmarks } from '../src/benchmarks/collect-benchmarks.ts';
import { createBenchmarksStore } from '../src/store/benchmarks-store.ts';
import { checkState, isClean } from '../src/store/state-check.ts';
import {
  benchmarkRepos,
  benchmarkResponder,
  evalDatasets,
  JOB_OPTIONS,
  jobDeps,
  PARSEBENCH,
  schemaNameOf,
  sources,
} from './benchmarks/setup.ts';
import { type GitHubFake, startGitHubFake } from './fakes/github-fake.ts';
import { type HuggingFaceFake, startHuggingFaceFake } from './fakes/huggingface-fake.ts';
import { type OpenAIFake, startOpenAIFake } from './fakes/openai-fake.ts';
import { type LlmTestSetup, setUpLlm } from './helpers/llm.ts';
import { makePaper } from './helpers/papers.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let hf: HuggingFaceFake;
let gh: GitHubFake;
let openai: OpenAIFake;
let stateDir: string;
let llm: LlmTestSetup;

const papers = [
  PARSEBENCH.paper,
  makePaper('2611.04321', {
    title: 'A Study of Attention Sinks',
    abstract: 'We analyze attention sinks in transformers.',
    published: '2026-11-17T17:00:00Z',
  }),
];

beforeEach(async () => {
  hf = await startHuggingFaceFake({ datasets: [...evalDatasets(3), PARSEBENCH.dataset] });
  gh = await startGitHubFake({ repositories: benchmarkRepos() });
  openai = await startOpenAIFake();
  openai.onChat(benchmarkResponder);
  stateDir = tempDir();
  llm = setUpLlm({ baseUrl: `${openai.url}/v1`, stateDir, maxRetries: 0 });
});
afterEach(async () => {
  await Promise.all([hf.close(), gh.close(), openai.close()]);
});

const run = (alerts: string[] = []) =>
  collectBenchmarks(jobDeps(stateDir, sources(hf, gh, llm.client, papers), llm.client, alerts), JOB_OPTIONS);
const rubricRequests = () => openai.chatRequests().filter((r) => schemaNameOf(r) === 'benchmark_rubric');

describe('collectBenchmarks', () => {
  it('collects from all three sources, scores, and merges the paper, repository and dataset into one benchmark', async () => {
    const result = await run();
    expect(result.sources.map((s) => [s.name, s.ok, s.candidates])).toEqual([
      ['huggingface', true, 4],
      ['github', true, 5],
      ['arxiv', true, 1],
    ]);
    expect(result.scoring).toMatchObject({ attempted: 10, scored: 10, failed: 0, successRate: 1, cached: 0 });
    expect(result.scoring.distribution).toEqual({ '0-2': 0, '2-4': 0, '4-6': 7, '6-8': 0, '8-10': 3 });
    const merged = await createBenchmarksStore(stateDir).readMerged();
    const parse = merged.filter((m) => m.memberIds.length > 1);
    expect(parse).toHaveLength(1);
    expect(parse[0]).toMatchObject({
      name: 'ParseBench',
      sources: ['arxiv', 'github', 'huggingface'],
      urls: {
        arxiv: ['https://arxiv.org/abs/2611.01234'],
        github: ['https://github.com/run-llama/ParseBench'],
        huggingface: ['https://huggingface.co/datasets/llamaindex/ParseBench'],
      },
      score: 9,
      popularity: { downloads: 1500, stars: 320, likes: 40 },
    });
    expect(result.merged).toEqual({ benchmarks: merged.length, multiSource: 1 });
    expect(merged.length).toBe(8);
    expect(isClean(await checkState(stateDir))).toBe(true);
  });

  it('records a source that is down while the others finish, and alerts after the third failed run in a row', async () => {
    hf.inject({ fault: { kind: 'status', status: 500 }, times: 1000 });
    const alerts: string[] = [];
    const first = await run(alerts);
    const hfReport = first.sources.find((s) => s.name === 'huggingface');
    expect(hfReport).toMatchObject({ ok: false, candidates: 0, consecutiveFailures: 1 });
    expect(hfReport?.error).toMatch(/500/);
    expect(first.sources.filter((s) => s.ok).map((s) => s.name)).toEqual(['github', 'arxiv']);
    expect((await createBenchmarksStore(stateDir).readCandidates()).length).toBe(6);
    await run(alerts);
    expect(alerts).toEqual([]);
    const third = await run(alerts);
    expect(alerts).toEqual(['benchmark-source-failing benchmarks/huggingface']);
    expect(third.alerts[0]?.message).toMatch(/failed 3 runs in a row/);
    const health = await createBenchmarksStore(stateDir).readHealth();
    expect(health.sources.huggingface?.consecutiveFailures).toBe(3);
    expect(health.sources.github?.consecutiveFailures).toBe(0);
  });

  it('resets the failure count after a success', async () => {
    // One failed run: the first request and its one retry.
    hf.inject({ fault: { kind: 'status', status: 500 }, times: 2 });
    expect((await run()).sources[0]?.ok).toBe(false);
    expect((await run()).sources[0]?.ok).toBe(true);
    const health = await createBenchmarksStore(stateDir).readHealth();
    expect(health.sources.huggingface?.consecutiveFailures).toBe(0);
    expect(health.sources.huggingface?.lastError).toMatch(/500/);
  });

  it('does not score unchanged candidates again; a changed description is re-scored', async () => {
    await run();
    expect(rubricRequests()).toHaveLength(10);
    const second = await run();
    expect(rubricRequests()).toHaveLength(10);
    expect(second.scoring).toMatchObject({ cached: 10, attempted: 0, successRate: null });
    gh.setRepositories(
      benchmarkRepos().map((r) =>
        r.full_name === 'labs0/agent-benchmark-0'
          ? { ...r, description: 'A harder benchmark for LLM agents' }
          : r,
      ),
    );
    const third = await run();
    expect(third.scoring).toMatchObject({ cached: 9, attempted: 1, scored: 1 });
    expect(rubricRequests().at(-1)?.messages.at(-1)?.content).toMatch(/A harder benchmark/);
  });

  it('alerts when LLM scoring succeeds for under half of the candidates', async () => {
    openai.onChat((request) =>
      schemaNameOf(request) === 'benchmark_rubric'
        ? { error: { status: 400, message: 'bad request' } }
        : benchmarkResponder(request),
    );
    const alerts: string[] = [];
    const result = await run(alerts);
    expect(result.scoring).toMatchObject({ attempted: 10, scored: 0, failed: 10, successRate: 0 });
    expect(alerts).toEqual(['benchmark-llm-success-rate benchmarks/score']);
    expect(await createBenchmarksStore(stateDir).readScores()).toEqual([]);
  });
});
