import { describe, expect, it } from 'vitest';
import { generatedCase, ruleQuestion } from './rule-question.ts';

describe('rule-based questions', () => {
  it('keeps the title content words, lowercased, and starts unvalidated', () => {
    expect(ruleQuestion('Sparse Attention: A Study of the Long Context')).toBe(
      'papers about sparse attention study long context',
    );
    const c = generatedCase({ id: '2511.00001', title: 'Diffusion for Proteins', categories: ['q-bio.BM'] });
    expect(c).toMatchObject({
      id: 'gen-2511.00001',
      expected_document_ids: ['2511.00001'],
      validated: false,
      category: 'q-bio.BM',
    });
  });
});
