import { describe, expect, it } from 'vitest';
import { candidateId, extractArxivIds, extractUrls, normalizeUrl } from './candidate.ts';

describe('normalizeUrl', () => {
  it('makes one form of GitHub, Hugging Face and arXiv URLs', () => {
    expect(normalizeUrl('https://www.GitHub.com/Run-Llama/ParseBench.git/')).toBe(
      'github.com/run-llama/parsebench',
    );
    expect(normalizeUrl('github.com/EdisonScientific/labbench2.')).toBe(
      'github.com/edisonscientific/labbench2',
    );
    expect(normalizeUrl('https://github.com/a/b/tree/main/data')).toBe('github.com/a/b');
    expect(normalizeUrl('https://huggingface.co/datasets/llamaindex/ParseBench/viewer?x=1')).toBe(
      'huggingface.co/datasets/llamaindex/parsebench',
    );
    expect(normalizeUrl('http://arxiv.org/pdf/2604.08538v2')).toBe('arxiv.org/abs/2604.08538');
  });

  it('gives stable ids', () => {
    expect(candidateId('github', 'https://github.com/A/B')).toBe(candidateId('github', 'github.com/a/b/'));
  });
});

describe('extractors', () => {
  it('finds URLs and arXiv ids in text and tags', () => {
    expect(extractUrls('Code at https://github.com/x/y. Data: huggingface.co/datasets/o/d')).toEqual([
      'github.com/x/y',
      'huggingface.co/datasets/o/d',
    ]);
    // LaTeX links as arXiv abstracts carry them: the braces end the URL.
    expect(
      extractUrls(
        'at \\href{https://huggingface.co/datasets/o/OPRB}{Hugging Face} and \\href{https://github.com/x/Y}{Github}',
      ),
    ).toEqual(['huggingface.co/datasets/o/oprb', 'github.com/x/y']);
    expect(extractArxivIds('arxiv:2410.01560 and https://arxiv.org/abs/2501.00001v3')).toEqual([
      '2410.01560',
      '2501.00001',
    ]);
  });
});
