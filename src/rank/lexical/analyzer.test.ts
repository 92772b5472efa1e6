import { describe, expect, it } from 'vitest';
import { analyze, forEachRawToken, tokenize } from './analyzer.ts';
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

describe('the ASCII scanner', () => {
  it('finds exactly the tokens of the sklearn pattern on ASCII text', () => {
    const pattern = /(?<![\p{L}\p{N}_])[a-zA-Z_][a-zA-Z0-9_]+(?![\p{L}\p{N}_])/gu;
    const alphabet = "aZ_9 .-x3'(\n\tqB_";
    let seed = 5;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let t = 0; t < 300; t++) {
      const text = Array.from({ length: 60 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const found: string[] = [];
      forEachRawToken(text, (token) => found.push(token));
      expect(found).toEqual([...text.toLowerCase().matchAll(pattern)].map((m) => m[0]));
    }
  });
});
