import { describe, expect, it } from 'vitest';
import { kRange } from './cluster-profile.ts';
import { distinctiveTerms, documentFrequencies, documentTerms } from './terms.ts';

describe('documentTerms', () => {
  it('keeps content words and adjacent pairs, not stopwords or numbers', () => {
    const terms = documentTerms('We propose speculative decoding for 2 large models.');
    expect(terms).toContain('speculative decoding');
    expect(terms).toContain('decoding');
    expect(terms).not.toContain('propose');
    expect(terms).not.toContain('2');
  });
});

describe('distinctiveTerms', () => {
  it('prefers terms frequent in the group and rare in the corpus, without repeating a word', () => {
    const corpus = [
      'speculative decoding speeds up inference',
      'speculative decoding with draft models',
      'image segmentation for inference',
      'graph networks inference',
      'image classification',
      'protein folding',
    ].map(documentTerms);
    const group = corpus.slice(0, 2);
    const terms = distinctiveTerms(group, documentFrequencies(corpus), corpus.length, { limit: 3 });
    expect(terms[0]?.term).toBe('speculative decoding');
    expect(terms.map((t) => t.term)).not.toContain('speculative');
    expect(terms.map((t) => t.term)).not.toContain('inference');
  });
});

describe('kRange', () => {
  it('bounds k by 8 and by a third of the points', () => {
    expect(kRange(5)).toEqual([]);
    expect(kRange(9)).toEqual([2, 3]);
    expect(kRange(300)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});
