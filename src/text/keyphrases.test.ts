import { describe, expect, it } from 'vitest';
import { createKeyphraseCorpus, createKeyphraseExtractor, rankKeyphrases } from './keyphrases.ts';

const extractor = createKeyphraseExtractor();

const papers = [
  {
    title: 'Considering Data Formats for Retrieval-Augmented Generation',
    body: 'Retrieval-augmented generation grounds large language models in documents. We propose a novel framework that stores tables as markdown. Retrieval-augmented generation with markdown tables improves answer accuracy.',
  },
  {
    title: 'Speculative Decoding for Large Language Models',
    body: 'Speculative decoding speeds up large language models. A small draft model proposes tokens that the target model verifies.',
  },
  {
    title: 'Retrieval-Augmented Generation for Code',
    body: 'We study retrieval-augmented generation for code completion with large language models.',
  },
  { title: 'Markdown Tables in Practice', body: 'Markdown tables are common in documentation.' },
];

describe('keyphrases', () => {
  it('finds noun phrases, keeps hyphenated compounds whole and drops generic words', () => {
    const candidates = extractor.candidates(papers[0] ?? { body: '' });
    const phrases = candidates.map((c) => c.phrase);
    expect(phrases).toContain('retrieval-augmented generation');
    expect(phrases).toContain('large language models');
    expect(phrases).not.toContain('framework');
    expect(phrases).not.toContain('novel framework');
    // "considering" is a verb: the title's fragment is not a phrase.
    expect(phrases.some((p) => p.startsWith('considering'))).toBe(false);
    const rag = candidates.find((c) => c.phrase === 'retrieval-augmented generation');
    expect(rag?.count).toBe(3);
    expect(rag?.inTitle).toBe(true);
  });

  it('joins a number and its unit word ("3D") and keeps acronyms in capitals', () => {
    const phrases = extractor
      .candidates({ body: 'We reconstruct 3D scene graphs from LiDAR scans of cities.' })
      .map((c) => c.phrase);
    expect(phrases.some((p) => p.includes('3D scene graphs'))).toBe(true);
    expect(phrases).toContain('LiDAR');
  });

  it('ranks shared multi-word topics first, without nested or abbreviated repeats', () => {
    const lists = papers.map((p) => extractor.candidates(p));
    const corpus = createKeyphraseCorpus(lists);
    expect(corpus.size).toBe(4);
    expect(corpus.df('retrievalaugmentedgeneration')).toBe(2);
    const top = rankKeyphrases(lists[0] ?? [], corpus, { max: 3 }).map((k) => k.phrase);
    expect(top[0]).toBe('retrieval-augmented generation');
    expect(top).toContain('markdown tables');
    const withAcronym = extractor.candidates({
      body: 'Latent diffusion models (LDMs) are costly. Latent diffusion models need a decoder.',
    });
    const ranked = rankKeyphrases(withAcronym, createKeyphraseCorpus([withAcronym]), { max: 5 });
    expect(ranked.map((k) => k.phrase)).toContain('latent diffusion models');
    expect(ranked.map((k) => k.phrase)).not.toContain('LDMs');
  });

  it('takes the vocabulary’s canonical name for a known phrase', () => {
    const lists = papers.map((p) => extractor.candidates(p));
    const corpus = createKeyphraseCorpus(lists);
    const ranked = rankKeyphrases(lists[1] ?? [], corpus, {
      canonical: (phrase) => (phrase === 'large language models' ? 'LLM' : undefined),
    });
    expect(ranked.map((k) => k.phrase)).toContain('LLM');
    expect(ranked.map((k) => k.phrase)).not.toContain('large language models');
  });
});
