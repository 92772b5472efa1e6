import { describe, expect, it } from 'vitest';
import { benchmarkName, introducesBenchmark } from './arxiv-benchmark-source.ts';

// Real titles and abstract openings from the arXiv data (2604.08538, 2604.11689, 2605.12684).
const parse = {
  title: 'ParseBench: A Document Parsing Benchmark for AI Agents',
  abstract:
    'AI agents are changing the requirements for document parsing. We introduce ParseBench, a benchmark of 2,000 pages.',
};
const lary = {
  title:
    'LARY: A Latent Action Representation Yielding Benchmark for Generalizable Vision-to-Action Alignment',
  abstract: 'We present LARYBench, a comprehensive benchmark for latent action representations.',
};
const method = {
  title: 'Efficient Attention with Sparse Kernels',
  abstract:
    'We propose a sparse attention kernel and evaluate it on standard benchmarks, where it is 2x faster.',
};

describe('arXiv benchmark rules', () => {
  it('flags papers that introduce a benchmark and not those that only use one', () => {
    expect(introducesBenchmark(parse)).toBe(true);
    expect(introducesBenchmark(lary)).toBe(true);
    expect(introducesBenchmark(method)).toBe(false);
  });

  it('names the benchmark from the title prefix, else from the introducing sentence', () => {
    expect(benchmarkName(parse)).toBe('ParseBench');
    expect(benchmarkName(lary)).toBe('LARY');
    expect(
      benchmarkName({
        title: 'Can Agents Read the Room? Benchmarking Social Intelligence',
        abstract: 'We introduce AgentViSS, a benchmark.',
      }),
    ).toBe('AgentViSS');
  });
});
