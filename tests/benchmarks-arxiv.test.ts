/** The arXiv benchmark source: rule hits go to the LLM in batches; its verdict decides and names. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createArxivBenchmarkSource } from '../src/benchmarks/arxiv-benchmark-source.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createBenchmarksStore } from '../src/store/benchmarks-store.ts';
import { NOW, SINCE, schemaNameOf } from './benchmarks/setup.ts';
import { type OpenAIFake, startOpenAIFake } from './fakes/openai-fake.ts';
import { setUpLlm } from './helpers/llm.ts';
import { makePaper } from './helpers/papers.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let openai: OpenAIFake;
beforeEach(async () => {
  openai = await startOpenAIFake();
});
afterEach(() => openai.close());

const papers = [
  makePaper('2611.00001', {
    title: 'MedCTA: A Benchmark for Clinical Tool Agents',
    abstract: 'We introduce MedCTA, a benchmark of clinical tool use.',
  }),
  makePaper('2611.00002', {
    title: 'HardMTBench: Stress-Testing Translation',
    abstract: 'We present HardMTBench, a dataset of hard translation cases.',
  }),
  makePaper('2611.00003', {
    title: 'Sparse Kernels',
    abstract: 'We propose a kernel and evaluate it on standard benchmarks.',
  }),
  makePaper('2611.00004', {
    title: 'OldBench: A Benchmark',
    abstract: 'We introduce OldBench, a benchmark.',
    published: '2026-01-01T00:00:00Z',
  }),
];

describe('arXiv benchmark source', () => {
  it('asks the LLM about rule hits only, in batches, and keeps what it confirms with its name and task', async () => {
    openai.onChat((request) => {
      const content = request.messages.at(-1)?.content;
      const text = typeof content === 'string' ? content : '';
      const ids = [...text.matchAll(/^id: (\S+)$/gm)].map((m) => m[1] ?? '');
      return {
        json: {
          verdicts: ids.map((id) => ({
            id,
            introducesBenchmark: id === '2611.00001',
            name: id === '2611.00001' ? 'MedCTA' : '',
            task: id === '2611.00001' ? 'Clinical Tool Use' : '',
            modality: 'text',
          })),
        },
      };
    });
    const { client } = setUpLlm({ baseUrl: `${openai.url}/v1`, stateDir: tempDir() });
    const source = createArxivBenchmarkSource(
      { papers: { readAll: async () => papers }, llm: client, logger: silentLogger(), now: () => NOW },
      { since: SINCE, batchSize: 1 },
    );
    const { candidates, counts } = await source.collect();
    expect(counts).toMatchObject({
      papers: 3,
      ruleHits: 2,
      llmCalls: 2,
      llmFailed: 0,
      rejected: 1,
      candidates: 1,
    });
    expect(openai.chatRequests().every((r) => schemaNameOf(r) === 'benchmark_verdicts')).toBe(true);
    expect(candidates[0]).toMatchObject({
      id: 'arxiv:arxiv.org/abs/2611.00001',
      name: 'MedCTA',
      task: ['clinical tool use'],
      modality: ['text'],
      links: ['arxiv.org/abs/2611.00001'],
    });
  });

  it('keeps the rule hits when no LLM is configured', async () => {
    const { client } = setUpLlm({ baseUrl: `${openai.url}/v1`, stateDir: tempDir() });
    const noKey = { ...client, available: () => false };
    const source = createArxivBenchmarkSource(
      { papers: { readAll: async () => papers }, llm: noKey, logger: silentLogger() },
      { since: SINCE },
    );
    const { candidates } = await source.collect();
    expect(candidates.map((c) => c.name)).toEqual(['MedCTA', 'HardMTBench']);
    expect(openai.chatRequests()).toHaveLength(0);
  });

  it('asks about a paper once per version: a second run reuses the verdicts, a new version is asked again', async () => {
    openai.onChat((request) => {
      const content = request.messages.at(-1)?.content;
      const ids = [...(typeof content === 'string' ? content : '').matchAll(/^id: (\S+)$/gm)];
      return {
        json: {
          verdicts: ids.map((m) => ({
            id: m[1] ?? '',
            introducesBenchmark: m[1] === '2611.00001',
            name: 'MedCTA',
            task: 'tool use',
            modality: 'text',
          })),
        },
      };
    });
    const stateDir = tempDir();
    const store = createBenchmarksStore(stateDir);
    const verdicts = { read: () => store.readVerdicts(), write: store.writeVerdicts };
    const { client } = setUpLlm({ baseUrl: `${openai.url}/v1`, stateDir });
    let current = papers;
    const source = createArxivBenchmarkSource(
      {
        papers: { readAll: async () => current },
        llm: client,
        logger: silentLogger(),
        now: () => NOW,
        verdicts,
      },
      { since: SINCE, batchSize: 1 },
    );
    const first = await source.collect();
    expect(first.counts).toMatchObject({ llmCalls: 2, verdictsCached: 0, candidates: 1 });
    const second = await source.collect();
    expect(second.counts).toMatchObject({ llmCalls: 0, verdictsCached: 2, rejected: 1, candidates: 1 });
    expect(second.candidates.map((c) => c.name)).toEqual(['MedCTA']);
    expect(openai.chatRequests()).toHaveLength(2);
    current = papers.map((p) => (p.id === '2611.00002' ? { ...p, version: 2 } : p));
    const third = await source.collect();
    expect(third.counts).toMatchObject({ llmCalls: 1, verdictsCached: 1 });
    expect((await store.readVerdicts()).map((r) => [r.id, r.version])).toEqual([
      ['2611.00001', 1],
      ['2611.00002', 2],
    ]);
  });
});
