import { describe, expect, it } from 'vitest';
import { classifySentences, splitSentences } from './sentence-roles.ts';

const roles = (abstract: string) => classifySentences(splitSentences(abstract)).map((s) => s.role);

describe('sentence roles', () => {
  it('reads the usual order of an abstract', () => {
    expect(
      roles(
        'Large models serve millions of users. However, existing quantizers fail below 4 bits. We propose TinyQ, a 3-bit quantizer. It uses a learned codebook per channel. TinyQ outperforms GPTQ by 2.1 points on MMLU. Code is available at https://github.com/x/tinyq.',
      ),
    ).toEqual(['background', 'problem', 'contribution', 'method', 'result', 'other']);
  });

  it('takes a late caveat as a limitation, an early one as the problem', () => {
    expect(
      roles(
        'However, retrieval is slow. We introduce FastR, an index. FastR is 3x faster on BEIR. However, gains shrink on long queries.',
      ),
    ).toEqual(['problem', 'contribution', 'result', 'limitation']);
  });

  it('does not take a noun after "we" for a contribution verb', () => {
    expect(roles('Teams vary. We discuss implications for system design.')).not.toContain('contribution');
  });

  it('splits sentences without breaking at e.g., et al. or decimals', () => {
    expect(splitSentences('Models (e.g. GPT) help. Smith et al. show 2.5x gains. Done.')).toEqual([
      'Models (e.g. GPT) help.',
      'Smith et al. show 2.5x gains.',
      'Done.',
    ]);
  });
});
