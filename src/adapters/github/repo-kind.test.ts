import { describe, expect, it } from 'vitest';
import { classifyRepo } from './repo-kind.ts';

const kind = (name: string, description: string, topics: string[] = []) =>
  classifyRepo({ name, description, topics }).kind;

describe('classifyRepo', () => {
  it('keeps benchmarks, their evaluation code and leaderboards', () => {
    expect(kind('SWE-bench', 'SWE-bench: Can Language Models Resolve Real-World GitHub Issues?')).toBe(
      'benchmark',
    );
    expect(kind('ParseBench', 'ParseBench: a document parsing benchmark for AI agents')).toBe('benchmark');
    expect(kind('pb-code', 'ParseBench: the evaluation code and leaderboard')).toBe('benchmark');
    expect(
      kind('livecodebench', 'Holistic and contamination free evaluation of code LLMs', ['benchmark']),
    ).toBe('benchmark');
  });

  it('drops awesome-lists, harnesses and solvers that search also finds', () => {
    expect(kind('Awesome-LLM-Benchmarks', 'A curated list of benchmarks for large language models')).toBe(
      'list',
    );
    expect(kind('llm-eval-papers', 'Papers on evaluating LLMs', ['benchmark'])).toBe('list');
    expect(kind('lm-evaluation-harness', 'A framework for few-shot evaluation of language models.')).toBe(
      'harness',
    );
    expect(kind('evalkit', 'A unified evaluation toolkit: run 60+ benchmarks with one command')).toBe(
      'harness',
    );
    expect(
      kind('SWE-agent', 'SWE-agent takes a GitHub issue and tries to automatically fix it', ['benchmark']),
    ).toBe('solver');
    expect(kind('gsm8k-solver', 'Our method reaches state of the art on GSM8K')).toBe('solver');
  });

  it('drops a repository with no benchmark wording at all', () => {
    expect(kind('fast-tokenizer', 'A fast BPE tokenizer')).toBe('other');
  });
});
