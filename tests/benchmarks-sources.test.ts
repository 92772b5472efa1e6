/** The Hugging Face and GitHub collectors against the fakes: paging, card check, rate limits. */
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubRateLimitError } from '../src/adapters/github/github-rate-limit.ts';
import { createGitHubReposSource } from '../src/adapters/github/github-repos-source.ts';
import { createHfDatasetsSource } from '../src/adapters/huggingface/hf-datasets-source.ts';
import { silentLogger } from '../src/log/logger.ts';
import { benchmarkRepos, evalDatasets, NOW, PARSEBENCH, quickHttp, SINCE } from './benchmarks/setup.ts';
import { type GitHubFake, startGitHubFake } from './fakes/github-fake.ts';
import {
  type HuggingFaceFake,
  loadFixtureDatasetDetail,
  startHuggingFaceFake,
} from './fakes/huggingface-fake.ts';

let hf: HuggingFaceFake | undefined;
let gh: GitHubFake | undefined;
afterEach(async () => {
  await hf?.close();
  await gh?.close();
  hf = undefined;
  gh = undefined;
});

const hfOptions = (url: string) => ({
  endpoint: url,
  keywords: ['bench'],
  taskCategories: [] as string[],
  minDownloads: 50,
  since: SINCE,
  maxPages: 10,
  pageSize: 2,
});

describe('Hugging Face datasets source', () => {
  it('pages through the Link cursor, drops unpopular, old and non-evaluation datasets, reads the cards', async () => {
    const openMath = {
      ...loadFixtureDatasetDetail(),
      id: 'nvidia/OpenMathInstruct-bench-2',
      lastModified: '2026-11-18T00:00:00.000Z',
      createdAt: '2026-11-02T00:00:00.000Z',
    };
    // Touched this week, created years ago: not a new benchmark.
    const stale = {
      ...evalDatasets(1)[0],
      id: 'classic/bench-stale',
      createdAt: '2023-03-01T00:00:00.000Z',
    };
    const unpopular = { ...evalDatasets(1)[0], id: 'solo/bench-unpopular', downloads: 3 };
    const old = { ...evalDatasets(1)[0], id: 'old/bench-old', lastModified: '2025-01-01T00:00:00.000Z' };
    hf = await startHuggingFaceFake({
      datasets: [...evalDatasets(5), openMath, unpopular, old, stale],
      token: 'hf_test',
    });
    hf.setPageSize(2);
    hf.setCard(
      'evalorg/bench-set-00',
      '---\nlicense: mit\nconfigs:\n- config_name: default\n  data_files:\n  - split: test\n    path: t.parquet\n---\nA benchmark. Metric: accuracy.\n',
    );
    const source = createHfDatasetsSource(
      { http: quickHttp(), logger: silentLogger(), now: () => NOW },
      { ...hfOptions(hf.url), token: 'hf_test' },
    );
    const { candidates, counts } = await source.collect();
    expect(candidates.map((c) => c.title).sort()).toEqual(
      evalDatasets(5)
        .map((d) => d.id)
        .sort(),
    );
    expect(counts).toMatchObject({
      listed: 8,
      stale: 1,
      belowMinDownloads: 1,
      notEvaluation: 1,
      candidates: 5,
    });
    const pages = hf.requestsTo('/api/datasets');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.filter((r) => r.query.get('cursor') !== null).length).toBe(pages.length - 1);
    expect(pages[0]?.query.get('sort')).toBe('lastModified');
    expect(hf.bearerTokens().every((t) => t === 'hf_test')).toBe(true);
    const first = candidates.find((c) => c.title === 'evalorg/bench-set-00');
    expect(first).toMatchObject({
      source: 'huggingface',
      url: 'https://huggingface.co/datasets/evalorg/bench-set-00',
      license: 'mit',
      metrics: ['accuracy'],
      task: ['question-answering'],
      popularity: { downloads: 500, likes: 0 },
      firstSeenAt: NOW.toISOString(),
    });
  });

  it('reads at most maxCards cards, the most downloaded first', async () => {
    hf = await startHuggingFaceFake({ datasets: evalDatasets(5) });
    const source = createHfDatasetsSource(
      { http: quickHttp(), logger: silentLogger() },
      { ...hfOptions(hf.url), maxCards: 2 },
    );
    const { candidates, counts } = await source.collect();
    expect(candidates.map((c) => c.title)).toEqual(['evalorg/bench-set-04', 'evalorg/bench-set-03']);
    expect(counts.cardsSkipped).toBe(3);
    expect(hf.requests.filter((r) => r.path.endsWith('README.md'))).toHaveLength(2);
  });

  it('links the arXiv paper a dataset is tagged with', async () => {
    hf = await startHuggingFaceFake({ datasets: [PARSEBENCH.dataset] });
    const source = createHfDatasetsSource(
      { http: quickHttp(), logger: silentLogger() },
      { ...hfOptions(hf.url), keywords: ['ParseBench'] },
    );
    const [candidate] = (await source.collect()).candidates;
    expect(candidate?.links).toEqual([
      'huggingface.co/datasets/llamaindex/parsebench',
      'arxiv.org/abs/2611.01234',
    ]);
    expect(candidate?.modality).toEqual(['image']);
  });
});

function ghSource(fake: GitHubFake, clock: { now: number; slept: number[] }, maxWaitMs = 120_000) {
  return createGitHubReposSource(
    {
      http: quickHttp(),
      logger: silentLogger(),
      now: () => clock.now,
      sleep: async (ms) => {
        clock.slept.push(ms);
        clock.now += ms;
      },
    },
    {
      apiUrl: fake.url,
      token: 'ghp_test',
      keywords: ['benchmark'],
      topics: ['benchmark'],
      minStars: 50,
      since: SINCE,
      maxPages: 10,
      pageSize: 2,
      maxWaitMs,
      searchPerMinute: 30,
    },
  );
}

describe('GitHub repositories source', () => {
  it('searches per keyword and topic with date and star qualifiers, paging with Link', async () => {
    const clock = { now: NOW.getTime(), slept: [] as number[] };
    gh = await startGitHubFake({ repositories: benchmarkRepos(), now: () => clock.now });
    const { candidates, counts } = await ghSource(gh, clock).collect();
    expect(candidates.map((c) => c.title).sort()).toEqual([
      'labs0/agent-benchmark-0',
      'labs1/agent-benchmark-1',
      'labs2/agent-benchmark-2',
      'labs3/agent-benchmark-3',
      'run-llama/ParseBench',
    ]);
    const queries = gh.requestsTo('/search/repositories').map((r) => r.query.get('q') ?? '');
    expect(queries[0]).toBe('benchmark created:>=2026-10-21 stars:>=50 archived:false');
    expect(queries.some((q) => q.startsWith('topic:benchmark pushed:>=2026-10-21'))).toBe(true);
    expect(gh.requestsTo('/search/repositories').some((r) => r.query.get('page') === '3')).toBe(true);
    expect(counts.rateLimitWaits).toBe(0);
    expect(candidates.find((c) => c.name === 'ParseBench')).toMatchObject({
      url: 'https://github.com/run-llama/ParseBench',
      popularity: { stars: 320 },
      keywords: ['benchmark', 'document-parsing'],
    });
  });

  it('on a 403 rate limit with a near reset, waits until the reset and resumes', async () => {
    const clock = { now: NOW.getTime(), slept: [] as number[] };
    gh = await startGitHubFake({
      repositories: benchmarkRepos(),
      enforceRateLimit: true,
      limits: { search: { authenticated: 2 } },
      now: () => clock.now,
    });
    const { candidates, counts } = await ghSource(gh, clock).collect();
    expect(candidates).toHaveLength(5);
    expect(counts.rateLimitWaits).toBeGreaterThanOrEqual(1);
    const limited = gh.requests.filter((r) => r.path === '/search/repositories').length;
    expect(limited).toBe(counts.requests);
    // It waited out the window (60 s from the first request), not a blind backoff.
    expect(clock.slept.some((ms) => ms >= 50_000 && ms <= 62_000)).toBe(true);
  });

  it('stops with a clear error when the reset is further than it may wait', async () => {
    const clock = { now: NOW.getTime(), slept: [] as number[] };
    gh = await startGitHubFake({
      repositories: benchmarkRepos(),
      enforceRateLimit: true,
      now: () => clock.now,
    });
    gh.exhaustRateLimit('search', { resetInMs: 3_600_000 });
    const error = await ghSource(gh, clock, 90_000)
      .collect()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(String(error)).toMatch(/rate limit exhausted until .* more than the 90 s/);
    expect(clock.slept.filter((ms) => ms > 10_000)).toEqual([]);
    expect(gh.requestsTo('/search/repositories')).toHaveLength(1);
  });
});
