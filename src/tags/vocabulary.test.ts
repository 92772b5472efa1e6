import { describe, expect, it } from 'vitest';
import { createVocabulary } from './vocabulary.ts';

describe('tag vocabulary', () => {
  it("maps 'LLMs', 'large-language-models' and 'Large Language Models' onto one tag", () => {
    const v = createVocabulary();
    const first = v.add('large language models');
    expect(v.add('Large Language Models')).toBe(first);
    expect(v.add('large-language-models')).toBe(first);
    expect(v.add('LLMs')).toBe(first);
    expect(v.lookup('LLM')).toEqual({ name: first, via: 'normalized' });
    expect(v.names()).toEqual([first]);
    expect(v.entries()[0]?.aliases).toEqual(['LLMs', 'large-language-models'].filter((a) => a === 'LLMs'));
    expect(v.lookup('large_language_models')?.name).toBe(first);
  });

  it("relates 'RAG' and 'retrieval augmented generation' both ways", () => {
    const a = createVocabulary();
    a.add('RAG');
    expect(a.lookup('retrieval augmented generation')).toEqual({ name: 'RAG', via: 'acronym' });
    const b = createVocabulary();
    b.add('retrieval-augmented generation');
    expect(b.lookup('RAG')).toEqual({ name: 'retrieval-augmented generation', via: 'acronym' });
    expect(b.lookup('Retrieval-Augmented Generation (RAG)')?.name).toBe('retrieval-augmented generation');
  });

  it('leaves other initials matches to the LLM as candidates, and learns acronyms written in parentheses', () => {
    const v = createVocabulary();
    v.add('modern standard arabic');
    expect(v.lookup('MSA')).toBeUndefined();
    expect(v.acronymCandidate('MSA')).toBe('modern standard arabic');
    expect(v.add('Multiple Sequence Alignment (MSA)')).toBe('multiple sequence alignment');
    expect(v.lookup('MSA')?.name).toBe('multiple sequence alignment');
  });

  it('does not guess an acronym that two tags could stand for', () => {
    const v = createVocabulary();
    v.add('segment anything model');
    v.add('sharpness aware minimization');
    expect(v.lookup('SAM')).toBeUndefined();
  });

  it('matches two-letter acronyms only to their well-known expansion', () => {
    const v = createVocabulary();
    v.add('multimodal learning');
    expect(v.lookup('ML')).toBeUndefined();
    v.add('machine learning');
    expect(v.lookup('ML')?.name).toBe('machine learning');
    const w = createVocabulary();
    w.add('ML');
    expect(w.lookup('multimodal learning')).toBeUndefined();
    expect(w.lookup('machine learning')?.name).toBe('ML');
  });

  it('does not map an expansion onto an acronym that already has another expansion', () => {
    const v = createVocabulary();
    v.add('reinforcement learning');
    v.add('RL');
    expect(v.lookup('representation learning')).toBeUndefined();
  });

  it('merges and renames, keeping the old spellings as aliases', () => {
    const v = createVocabulary([
      { name: 'quantization', aliases: ['quantisation'] },
      { name: 'model compression', aliases: [] },
    ]);
    expect(v.merge('quantization', 'model compression')).toBe(true);
    expect(v.lookup('quantisation')?.name).toBe('model compression');
    expect(v.rename('model compression', 'efficient models')).toBe(true);
    expect(v.names()).toEqual(['efficient models']);
    expect(v.lookup('model compression')?.name).toBe('efficient models');
    expect(v.merge('nope', 'efficient models')).toBe(false);
  });
});
