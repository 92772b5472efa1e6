import { describe, expect, it } from 'vitest';
import { acronymOf, cleanTag, initialsOf, normalizeTag, singularize } from './normalize.ts';

describe('tag normalization', () => {
  it('gives spelling variants one key: case, plural, hyphens, underscores, punctuation', () => {
    const key = normalizeTag('large language model');
    for (const v of [
      'Large Language Models',
      'large-language-models',
      'large_language_models',
      'Large-Language Models.',
    ])
      expect(normalizeTag(v)).toBe(key);
    expect(normalizeTag('fine-tuning')).toBe(normalizeTag('finetuning'));
    expect(normalizeTag('Fine Tuning')).toBe(normalizeTag('fine-tuning'));
  });

  it('singularizes regular plurals and leaves -ss, -is, -ics words alone', () => {
    expect(singularize('models')).toBe('model');
    expect(singularize('strategies')).toBe('strategy');
    expect(singularize('benches')).toBe('bench');
    expect(singularize('llms')).toBe('llm');
    for (const w of ['analysis', 'robotics', 'loss', 'bias', 'series', 'corpus'])
      expect(singularize(w)).toBe(w);
  });

  it('reads acronyms, plural ones included, and the initials of expansions', () => {
    expect(acronymOf('LLMs')).toBe('llm');
    expect(acronymOf('RAG')).toBe('rag');
    expect(acronymOf('large language models')).toBeUndefined();
    expect(initialsOf('large language models')).toContain('llm');
    expect(initialsOf('retrieval-augmented generation')).toContain('rag');
    expect(initialsOf('chain of thought')).toEqual(expect.arrayContaining(['cot', 'ct']));
  });

  it('keeps acronyms upper case and lowers other tags', () => {
    expect(cleanTag('RAG')).toBe('RAG');
    expect(cleanTag('LLMs')).toBe('LLMs');
    expect(cleanTag('  Graph  Neural_Networks ')).toBe('graph neural networks');
  });
});
