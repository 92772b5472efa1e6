import { describe, expect, it } from 'vitest';
import { analyze, tokenize } from './analyzer.ts';
import { ENGLISH_STOP_WORDS } from './english-stop-words.ts';

const options = { stopWords: ENGLISH_STOP_WORDS, ngramMax: 2 };

describe('the sklearn word analyzer', () => {
  it('keeps ASCII words of two or more characters that do not start with a digit', () => {
    expect(tokenize('A 3D model, GPT-4 and x_2 in R^2: mAP50', options)).toEqual([
      'model',
      'gpt',
      'x_2',
      'map50',
    ]);
  });

  it('strips accents before matching and drops words glued to other scripts', () => {
    expect(tokenize('Café naïve Gödel αβc résumé', options)).toEqual(['cafe', 'naive', 'godel', 'resume']);
  });

  it('removes the stop words before forming bigrams', () => {
    expect(analyze('Retrieval of the documents', options)).toEqual([
      'retrieval',
      'documents',
      'retrieval documents',
    ]);
  });

  it('uses the published English list (317 distinct entries), not a custom one', () => {
    expect(ENGLISH_STOP_WORDS.size).toBe(317);
    for (const w of ['system', 'interest', 'bill', 'fire', 'amongst'])
      expect(ENGLISH_STOP_WORDS.has(w)).toBe(true);
    for (const w of ['model', 'data', 'learning']) expect(ENGLISH_STOP_WORDS.has(w)).toBe(false);
  });

  it('applies a token normalizer after the stop words', () => {
    expect(tokenize('Retrieving retrieved', { ...options, normalizeToken: (t) => t.slice(0, 6) })).toEqual([
      'retrie',
      'retrie',
    ]);
  });
});
