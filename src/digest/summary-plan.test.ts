import { describe, expect, it } from 'vitest';
import { finalTags, shouldSummarize, textBudget } from './summary-plan.ts';

const llm = { model: 'default/gpt-4o-mini', promptHash: 'aaaa', source: 'llm' as const };

describe('which papers the summarize job redoes', () => {
  it('summarizes a paper without a summary', () => {
    expect(shouldSummarize(undefined, llm, false)).toEqual({ run: true });
  });
  it('skips an existing summary without --force, even from another prompt', () => {
    expect(shouldSummarize({ ...llm, promptHash: 'bbbb' }, llm, false)).toEqual({
      run: false,
      reason: 'exists',
    });
  });
  it('with --force redoes only a summary of another model or prompt', () => {
    expect(shouldSummarize({ ...llm, promptHash: 'bbbb' }, llm, true)).toEqual({ run: true });
    expect(shouldSummarize({ ...llm, model: 'default/other' }, llm, true)).toEqual({ run: true });
    expect(shouldSummarize(llm, llm, true)).toEqual({ run: false, reason: 'unchanged' });
  });
  it('replaces an extractive summary once an LLM is available', () => {
    const extractive = { model: 'extractive', promptHash: 'extractive-v2', source: 'extractive' as const };
    expect(shouldSummarize(extractive, llm, false)).toEqual({ run: true });
    expect(shouldSummarize(extractive, extractive, true)).toEqual({ run: false, reason: 'unchanged' });
  });
});

describe('text budget and tags', () => {
  it('leaves the context minus prompt, output and margin, capped', () => {
    expect(textBudget({ contextTokens: 128_000, promptTokens: 1000, outputTokens: 4000, margin: 1000 })).toBe(
      122_000,
    );
    expect(
      textBudget({ contextTokens: 128_000, promptTokens: 1000, outputTokens: 4000, maxTextTokens: 50_000 }),
    ).toBe(50_000);
    expect(textBudget({ contextTokens: 4000, promptTokens: 3000, outputTokens: 4000 })).toBe(0);
  });
  it('dedupes canonical tags and fills up to 3 from the fallback', () => {
    const canon = (t: string) => (t === 'LLMs' ? 'large language models' : t);
    expect(finalTags(['LLMs', 'large language models', 'rag'], canon, ['nlp', 'x'])).toEqual([
      'large language models',
      'rag',
      'nlp',
    ]);
    expect(finalTags(['a', 'b', 'c', 'd'], (t) => t, ['z'])).toEqual(['a', 'b', 'c', 'd']);
  });
});
