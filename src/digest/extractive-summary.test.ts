import { describe, expect, it } from 'vitest';
import { SummaryFields } from '../core/summary.ts';
import { extractiveSummary, slugify, splitSentences, titleKeyphrases } from './extractive-summary.ts';

const paper = {
  title: 'SpecDecode: Faster Inference for Large Language Models with Speculative Decoding',
  abstract:
    'Large language models are slow at inference time. We propose SpecDecode, a speculative decoding method that drafts tokens with a small model. Experiments on MT-Bench and GSM8K show a 2.3x speedup with no loss in accuracy. However, gains shrink for long outputs. Code is at https://github.com/example/specdecode.',
  categories: ['cs.CL', 'cs.LG'],
};

describe('extractive summary', () => {
  it('fills a valid summary from the abstract alone', () => {
    const summary = extractiveSummary(paper);
    expect(SummaryFields.safeParse(summary).success).toBe(true);
    expect(summary.one_sentence_summary).toBe('Large language models are slow at inference time.');
    expect(summary.method).toContain('We propose SpecDecode');
    expect(summary.experiment).toContain('2.3x speedup');
    expect(summary.limitations[0]).toContain('gains shrink');
    expect(summary.datasets_and_benchmarks).toContain('MT-Bench');
    expect(summary.code_and_data_links).toEqual(['https://github.com/example/specdecode']);
    expect(summary.tags).toContain('SpecDecode');
    expect(summary.tags).toContain('natural language processing');
    expect(summary.slug).toBe('specdecode-faster-inference-for-large-language-models-with-s');
  });

  it('splits sentences without breaking decimals', () => {
    expect(splitSentences('We get 2.3x. Then 4.5% more! Done?')).toEqual([
      'We get 2.3x.',
      'Then 4.5% more!',
      'Done?',
    ]);
  });

  it('takes keyphrases from the title', () => {
    expect(titleKeyphrases('Retrieval-Augmented Generation for Code Search')).toEqual([
      'retrieval-augmented generation',
      'code search',
    ]);
  });

  it('always yields at least three tags and a slug', () => {
    const summary = extractiveSummary({ title: 'X', abstract: 'Short.', categories: [] });
    expect(summary.tags.length).toBeGreaterThanOrEqual(3);
    expect(slugify('!!!')).toBe('paper');
  });
});
