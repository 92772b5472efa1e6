import { describe, expect, it } from 'vitest';
import type { BenchmarkCandidate } from './candidate.ts';
import { candidateId, normalizeUrl } from './candidate.ts';
import { cosine, groupCandidates, judgePair, mergeCandidates } from './merge.ts';
import type { ScoreRecord } from './schemas.ts';

function candidate(
  source: BenchmarkCandidate['source'],
  url: string,
  overrides: Partial<BenchmarkCandidate> = {},
): BenchmarkCandidate {
  return {
    id: candidateId(source, url),
    source,
    url,
    name: '',
    title: url,
    description: '',
    task: [],
    modality: [],
    metrics: [],
    size: null,
    license: null,
    createdAt: null,
    updatedAt: null,
    firstSeenAt: '2026-11-20T00:00:00.000Z',
    popularity: {},
    links: [normalizeUrl(url)],
    keywords: [],
    ...overrides,
  };
}

const paper = candidate('arxiv', 'https://arxiv.org/abs/2604.08538', {
  name: 'ParseBench',
  title: 'ParseBench: A Document Parsing Benchmark for AI Agents',
  description:
    'We introduce ParseBench, a benchmark for document parsing. Code: https://github.com/run-llama/ParseBench',
  links: ['arxiv.org/abs/2604.08538', 'github.com/run-llama/parsebench'],
  task: ['document parsing'],
});
const repo = candidate('github', 'https://github.com/run-llama/ParseBench', {
  name: 'ParseBench',
  popularity: { stars: 300 },
});
const dataset = candidate('huggingface', 'https://huggingface.co/datasets/llamaindex/ParseBench', {
  name: 'ParseBench',
  popularity: { downloads: 1200 },
  links: ['huggingface.co/datasets/llamaindex/parsebench', 'arxiv.org/abs/2604.08538'],
});
const none = new Map<string, Float32Array>();

describe('judgePair', () => {
  it('merges a repository linked from a paper, a dataset naming the paper, and equal names', () => {
    expect(judgePair(paper, repo, none, 0.5)).toBe('linked');
    expect(judgePair(paper, dataset, none, 0.5)).toBe('linked');
    expect(judgePair(repo, dataset, none, 0.5)).toBe('name');
  });

  it('keeps apart same-source candidates and near names without similar text', () => {
    const squad = candidate('huggingface', 'https://huggingface.co/datasets/rajpurkar/squad', {
      name: 'squad',
    });
    const squad2 = candidate('huggingface', 'https://huggingface.co/datasets/rajpurkar/squad_v2', {
      name: 'squad_v2',
    });
    expect(judgePair(squad, squad2, none, 0.5)).toBeUndefined();
    const other = candidate('github', 'https://github.com/x/squad-tools', { name: 'squad' });
    const vectors = new Map([
      [squad.id, new Float32Array([1, 0])],
      [other.id, new Float32Array([0, 1])],
    ]);
    expect(judgePair(squad, other, vectors, 0.5)).toBe('name');
    const tools = candidate('github', 'https://github.com/x/squad-tools', { name: 'squad-tools' });
    expect(
      judgePair(
        squad,
        tools,
        new Map([
          [squad.id, new Float32Array([1, 0])],
          [tools.id, new Float32Array([0, 1])],
        ]),
        0.5,
      ),
    ).toBeUndefined();
    expect(
      judgePair(
        squad,
        tools,
        new Map([
          [squad.id, new Float32Array([1, 0])],
          [tools.id, new Float32Array([1, 0.1])],
        ]),
        0.5,
      ),
    ).toBe('similar');
  });

  it('treats generic names as no name', () => {
    const a = candidate('github', 'https://github.com/a/benchmark', { name: 'benchmark' });
    const b = candidate('huggingface', 'https://huggingface.co/datasets/b/benchmark', { name: 'benchmark' });
    expect(judgePair(a, b, none, 0.5)).toBeUndefined();
  });
});

describe('mergeCandidates', () => {
  it('makes one benchmark of a paper, its repository and its dataset, with every link', () => {
    const unrelated = candidate('github', 'https://github.com/acme/other-eval', { name: 'other-eval' });
    const score: ScoreRecord = {
      id: repo.id,
      contentHash: 'h',
      scoredAt: '2026-11-20T00:00:00.000Z',
      model: 'm',
      rubric: {
        relevance: { score: 8, reason: 'r' },
        novelty: { score: 7, reason: 'n' },
        rigor: { score: 6, reason: 'g' },
        adoption: { score: 5, reason: 'a' },
        overall: 7.5,
      },
    };
    const merged = mergeCandidates([dataset, unrelated, repo, paper], none, new Map([[repo.id, score]]), 0.5);
    expect(merged).toHaveLength(2);
    const one = merged.find((m) => m.memberIds.length === 3);
    expect(one?.id).toBe(paper.id);
    expect(one?.sources).toEqual(['arxiv', 'github', 'huggingface']);
    expect(one?.urls).toEqual({ arxiv: [paper.url], github: [repo.url], huggingface: [dataset.url] });
    expect(one?.links).toEqual([
      'arxiv.org/abs/2604.08538',
      'github.com/run-llama/parsebench',
      'huggingface.co/datasets/llamaindex/parsebench',
    ]);
    expect(one?.popularity).toEqual({ downloads: 1200, stars: 300 });
    expect(one?.score).toBe(7.5);
    expect(one?.task).toEqual(['document parsing']);
  });

  it('groups transitively', () => {
    expect(groupCandidates([paper, dataset, repo], none, 0.5)).toEqual([[paper.id, dataset.id, repo.id]]);
  });
});

describe('cosine', () => {
  it('is 1 for parallel vectors and 0 for orthogonal or empty ones', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([], [])).toBe(0);
  });
});
