import { describe, expect, it } from 'vitest';
import type { MergedBenchmark } from '../../benchmarks/schemas.ts';
import { BENCHMARK_PROPS, BENCHMARKS_DATABASE, benchmarkProperties } from './benchmarks-schema.ts';
import { initialProperties } from './schema.ts';

const merged: MergedBenchmark = {
  id: 'arxiv:arxiv.org/abs/2604.08538',
  name: 'ParseBench',
  title: 'ParseBench: A Document Parsing Benchmark for AI Agents',
  description: 'We introduce ParseBench.',
  sources: ['arxiv', 'github'],
  memberIds: ['arxiv:arxiv.org/abs/2604.08538', 'github:github.com/run-llama/parsebench'],
  urls: {
    arxiv: ['https://arxiv.org/abs/2604.08538'],
    github: ['https://github.com/run-llama/ParseBench'],
    huggingface: [],
  },
  links: [],
  task: ['document parsing'],
  modality: ['image'],
  metrics: [],
  license: null,
  popularity: { stars: 320 },
  firstSeenAt: '2026-11-20T10:00:00.000Z',
  score: 8.5,
  rubric: {
    relevance: { score: 9, reason: 'agents' },
    novelty: { score: 8, reason: 'new' },
    rigor: { score: 7, reason: 'ok' },
    adoption: { score: 6, reason: 'some' },
    overall: 8.5,
  },
  keywords: [],
};

describe('Benchmarks database', () => {
  it('declares every property it writes', () => {
    const declared = Object.keys(initialProperties(BENCHMARKS_DATABASE));
    const written = Object.keys(benchmarkProperties(merged)).filter((k) => k !== 'title');
    for (const name of written) expect(declared).toContain(name);
    expect(declared).toContain(BENCHMARK_PROPS.name);
  });

  it('maps a merged benchmark to property values, leaving out what it lacks', () => {
    const values = benchmarkProperties(merged);
    expect(values[BENCHMARK_PROPS.paper]).toEqual({ url: 'https://arxiv.org/abs/2604.08538' });
    expect(values[BENCHMARK_PROPS.dataset]).toBeUndefined();
    expect(values[BENCHMARK_PROPS.license]).toBeUndefined();
    expect(values[BENCHMARK_PROPS.score]).toEqual({ number: 8.5 });
    expect(values[BENCHMARK_PROPS.stars]).toEqual({ number: 320 });
    expect(values[BENCHMARK_PROPS.sources]).toEqual({
      multi_select: [{ name: 'arxiv' }, { name: 'github' }],
    });
    expect(JSON.stringify(values[BENCHMARK_PROPS.rubric])).toContain('overall 8.5 — relevance 9: agents');
  });
});
