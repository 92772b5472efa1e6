import { describe, expect, it } from 'vitest';
import { keywordSearch, queryTerms } from './keyword-search.ts';

describe('keywordSearch', () => {
  const docs = [
    { id: '2511.00001', title: 'Speculative decoding for LLM serving', abstract: 'We speed up inference.' },
    { id: '2511.00002', title: 'A benchmark for agents', abstract: 'LLM agents and speculative plans.' },
    { id: '2511.00003', title: 'Protein folding', abstract: 'Biology.' },
  ];

  it('ranks title matches above abstract matches and drops non-matches', () => {
    expect(keywordSearch(docs, 'speculative LLM', 5).map((h) => h.id)).toEqual(['2511.00001', '2511.00002']);
  });

  it('matches a TL;DR and ignores one-letter and empty queries', () => {
    expect(keywordSearch([{ ...docs[2]!, tldr: 'diffusion for proteins' }], 'diffusion', 5)).toHaveLength(1);
    expect(queryTerms('a , ')).toEqual([]);
    expect(keywordSearch(docs, '  ', 5)).toEqual([]);
  });
});
