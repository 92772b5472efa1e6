import { describe, expect, it } from 'vitest';
import { SummaryFields } from '../core/summary.ts';
import { extractiveSummary, slugify, splitSentences, titleKeyphrases } from './extractive-summary.ts';
import { repeatedSentences } from './summary-sentences.ts';

const paper = {
  title: 'SpecDecode: Faster Inference for Large Language Models with Speculative Decoding',
  abstract:
    'Large language models are slow at inference time. We propose SpecDecode, a speculative decoding method that drafts tokens with a small model. Experiments on MT-Bench and GSM8K show a 2.3x speedup with no loss in accuracy. However, gains shrink for long outputs. Code is at https://github.com/example/specdecode.',
  categories: ['cs.CL', 'cs.LG'],
};

describe('extractive summary', () => {
  it('fills a valid summary from the abstract alone, each sentence in one field', () => {
    const summary = extractiveSummary(paper, { keyphrases: ['speculative decoding', 'draft model'] });
    expect(SummaryFields.safeParse(summary).success).toBe(true);
    // The TL;DR is the contribution, with its main result (both are short), not the background.
    expect(summary.one_sentence_summary).toBe(
      'We propose SpecDecode, a speculative decoding method that drafts tokens with a small model. Experiments on MT-Bench and GSM8K show a 2.3x speedup with no loss in accuracy.',
    );
    expect(summary.problem_background).toBe('Large language models are slow at inference time.');
    expect(summary.experiment).toBe('');
    expect(summary.method).toBe('');
    expect(summary.limitations).toEqual(['However, gains shrink for long outputs.']);
    expect(repeatedSentences(summary)).toEqual([]);
    expect(summary.datasets_and_benchmarks).toContain('MT-Bench');
    expect(summary.code_and_data_links).toEqual(['https://github.com/example/specdecode']);
    expect(summary.tags.slice(0, 2)).toEqual(['speculative decoding', 'draft model']);
    expect(summary.tags).toContain('natural language processing');
    expect(summary.slug).toBe('specdecode-faster-inference-for-large-language-models-with-s');
  });

  it('leaves limitations empty without a limitation cue, and never repeats the problem there', () => {
    const summary = extractiveSummary({
      title: 'T',
      abstract:
        'Retrieval is hard because queries are short. However, existing retrievers fail on long-tail entities. We introduce LongTail, an index of entity aliases. LongTail improves recall by 12% on EntityQA.',
      categories: [],
    });
    expect(summary.limitations).toEqual([]);
    expect(summary.one_sentence_summary).toContain('We introduce LongTail');
    expect(summary.problem_background).toContain('existing retrievers fail');
    expect(repeatedSentences(summary)).toEqual([]);
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
