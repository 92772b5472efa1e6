import { describe, expect, it } from 'vitest';
import type { BenchmarkCandidate } from './candidate.ts';
import { contentHash, scorePrompt } from './score.ts';

const paper: BenchmarkCandidate = {
  id: 'arxiv:arxiv.org/abs/2611.00001',
  source: 'arxiv',
  url: 'https://arxiv.org/abs/2611.00001',
  name: 'MedCTA',
  title: 'MedCTA: A Benchmark for Clinical Tool Agents',
  description: 'We introduce MedCTA, a benchmark of clinical tool use.',
  task: ['clinical tool use'],
  modality: ['text'],
  metrics: [],
  size: null,
  license: null,
  createdAt: null,
  updatedAt: null,
  firstSeenAt: '2026-11-20T00:00:00.000Z',
  popularity: {},
  links: ['arxiv.org/abs/2611.00001'],
  keywords: [],
};

describe('contentHash', () => {
  it('does not change when the verdict names, tasks or modalities are reworded', () => {
    const reworded = {
      ...paper,
      name: 'MedCTA-Bench',
      task: ['tool use in medicine'],
      modality: ['multimodal'],
    };
    expect(contentHash(reworded)).toBe(contentHash(paper));
    expect(contentHash({ ...paper, popularity: { stars: 5 } })).toBe(contentHash(paper));
  });

  it('changes with the content the source gives', () => {
    expect(contentHash({ ...paper, description: `${paper.description} Now 2x larger.` })).not.toBe(
      contentHash(paper),
    );
    expect(contentHash({ ...paper, title: 'MedCTA v2' })).not.toBe(contentHash(paper));
  });
});

describe('scorePrompt', () => {
  it('asks first whether the item is a benchmark at all', () => {
    expect(scorePrompt(paper, [])).toMatch(/isBenchmark: true only when/);
  });
});
