/** Wiring for the benchmark radar tests: the HF, GitHub and OpenAI fakes, real-shaped data, the job's deps. */
import { createGitHubReposSource } from '../../src/adapters/github/github-repos-source.ts';
import { createHfDatasetsSource } from '../../src/adapters/huggingface/hf-datasets-source.ts';
import { createArxivBenchmarkSource } from '../../src/benchmarks/arxiv-benchmark-source.ts';
import type { BenchmarkSource } from '../../src/benchmarks/benchmark-source.ts';
import type {
  CollectBenchmarksDeps,
  CollectBenchmarksOptions,
} from '../../src/benchmarks/collect-benchmarks.ts';
import { createHashingEmbedder } from '../../src/embed/backends/hashing.ts';
import { createHttpClient, type HttpClient } from '../../src/http/http-client.ts';
import type { LlmClient } from '../../src/llm/llm-client.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createBenchmarksStore } from '../../src/store/benchmarks-store.ts';
import type { Paper } from '../../src/store/schemas.ts';
import type { GitHubFake } from '../fakes/github-fake.ts';
import { makeRepository } from '../fakes/github-fake.ts';
import type { HubDataset, HuggingFaceFake } from '../fakes/huggingface-fake.ts';
import type { ChatReply, ChatRequest } from '../fakes/openai-fake.ts';
import { makePaper } from '../helpers/papers.ts';

export const NOW = new Date('2026-11-20T12:00:00Z');
export const SINCE = new Date('2026-10-21T00:00:00Z');

export const quickHttp = (): HttpClient =>
  createHttpClient({ retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 10 }, timeoutMs: 5000 });

/** Evaluation datasets in the Hub's list shape, modified recently. */
export function evalDatasets(n: number): HubDataset[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `evalorg/bench-set-${String(i).padStart(2, '0')}`,
    author: 'evalorg',
    downloads: 500 + i,
    likes: i,
    tags: ['task_categories:question-answering', 'language:en', 'benchmark'],
    lastModified: new Date(Date.UTC(2026, 10, 19 - i)).toISOString(),
    createdAt: new Date(Date.UTC(2026, 10, 1)).toISOString(),
    description: `An evaluation benchmark for question answering, part ${i}.`,
  }));
}

/** The paper + repository + dataset of one benchmark (ParseBench, from a real abstract's links). */
export const PARSEBENCH = {
  paper: makePaper('2611.01234', {
    title: 'ParseBench: A Document Parsing Benchmark for AI Agents',
    abstract:
      'We introduce ParseBench, a benchmark for evaluating document parsing by AI agents. Code: https://github.com/run-llama/ParseBench and data: https://huggingface.co/datasets/llamaindex/ParseBench.',
    published: '2026-11-18T17:00:00Z',
    updated: '2026-11-18T17:00:00Z',
  }),
  repo: makeRepository({
    fullName: 'run-llama/ParseBench',
    description: 'ParseBench: a document parsing benchmark for AI agents',
    stars: 320,
    topics: ['benchmark', 'document-parsing'],
    createdAt: '2026-11-10T00:00:00Z',
    pushedAt: '2026-11-19T00:00:00Z',
  }),
  dataset: {
    id: 'llamaindex/ParseBench',
    author: 'llamaindex',
    downloads: 1500,
    likes: 40,
    tags: ['task_categories:document-question-answering', 'benchmark', 'arxiv:2611.01234', 'modality:image'],
    lastModified: '2026-11-19T08:00:00.000Z',
    createdAt: '2026-11-12T08:00:00.000Z',
    description: 'ParseBench evaluates document parsing.',
  } satisfies HubDataset,
};

export function benchmarkRepos() {
  return [
    PARSEBENCH.repo,
    ...Array.from({ length: 4 }, (_, i) =>
      makeRepository({
        fullName: `labs${i}/agent-benchmark-${i}`,
        description: `A benchmark for LLM agents, number ${i}`,
        stars: 100 + i * 10,
        topics: ['benchmark', 'llm'],
        createdAt: '2026-11-01T00:00:00Z',
        pushedAt: '2026-11-15T00:00:00Z',
      }),
    ),
    makeRepository({
      fullName: 'tiny/benchmark-toy',
      description: 'toy benchmark',
      stars: 3,
      createdAt: '2026-11-01T00:00:00Z',
    }),
  ];
}

export function sources(
  hf: HuggingFaceFake,
  gh: GitHubFake,
  llm: LlmClient | undefined,
  papers: Paper[],
  http = quickHttp(),
): BenchmarkSource[] {
  const logger = silentLogger();
  return [
    createHfDatasetsSource(
      { http, logger, now: () => NOW },
      {
        endpoint: hf.url,
        keywords: ['bench', 'ParseBench'],
        taskCategories: [],
        minDownloads: 50,
        since: SINCE,
        maxPages: 5,
        pageSize: 2,
      },
    ),
    createGitHubReposSource(
      { http, logger, now: () => NOW.getTime(), sleep: async () => {} },
      {
        apiUrl: gh.url,
        keywords: ['benchmark'],
        topics: [],
        minStars: 50,
        since: SINCE,
        maxPages: 5,
        pageSize: 2,
        maxWaitMs: 60_000,
        searchPerMinute: 6000,
      },
    ),
    createArxivBenchmarkSource(
      { papers: { readAll: async () => papers }, llm, logger, now: () => NOW },
      { since: SINCE },
    ),
  ];
}

export function jobDeps(
  stateDir: string,
  list: BenchmarkSource[],
  llm: LlmClient,
  alerts: string[],
): CollectBenchmarksDeps {
  return {
    sources: list,
    store: createBenchmarksStore(stateDir),
    llm,
    async embed(texts) {
      const embedder = createHashingEmbedder({ dims: 256 });
      embedder.fit(texts);
      return embedder.embed(texts);
    },
    alert: (kind, component) => {
      alerts.push(`${kind} ${component}`);
    },
    now: () => NOW,
    logger: silentLogger(),
  };
}

export const JOB_OPTIONS: CollectBenchmarksOptions = {
  ttlDays: 7,
  interests: ['evaluation of LLM agents'],
  mergeThreshold: 0.15,
  failuresBeforeAlert: 3,
  minLlmSuccessRate: 0.5,
};

function userText(request: ChatRequest): string {
  const content = request.messages.findLast((m) => m.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}

export const schemaNameOf = (request: ChatRequest): string | undefined =>
  request.response_format?.type === 'json_schema' ? request.response_format.json_schema.name : undefined;

const NOT_A_BENCHMARK =
  /curated list|awesome|evaluation harness|toolkit for|our agent|solver|state of the art on|evaluation run of|results of \d+ models|leaderboard results|instruction[- ]tuning/i;

/** Verdicts for every paper id in the prompt (named after the title prefix); a fixed rubric otherwise. */
export function benchmarkResponder(request: ChatRequest): ChatReply {
  const text = userText(request);
  if (schemaNameOf(request) === 'benchmark_verdicts') {
    const ids = [...text.matchAll(/^id: (\S+)\ntitle: ([^:\n]*)/gm)];
    return {
      json: {
        verdicts: ids.map((m) => ({
          id: m[1],
          introducesBenchmark: true,
          name: m[2],
          task: 'document parsing',
          modality: 'text',
        })),
      },
    };
  }
  const axis = (score: number) => ({ score, reason: 'one line' });
  const overall = /ParseBench/.test(text) ? 9 : 5;
  // The model's call on what the item is: the words a list, a harness, a solver or a run dump uses of itself.
  const item = text.slice(text.indexOf('Source:'));
  const isBenchmark = !NOT_A_BENCHMARK.test(item);
  return {
    json: { isBenchmark, relevance: axis(8), novelty: axis(7), rigor: axis(6), adoption: axis(5), overall },
  };
}
