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
    expect(judgePair(paper, repo)).toBe('linked');
    expect(judgePair(paper, dataset)).toBe('linked');
    expect(judgePair(repo, dataset)).toBe('name');
  });

  it('keeps apart same-source candidates and names that extend another (a tool, a solver)', () => {
    const squad = candidate('huggingface', 'https://huggingface.co/datasets/rajpurkar/squad', {
      name: 'squad',
    });
    const squad2 = candidate('huggingface', 'https://huggingface.co/datasets/rajpurkar/squad_v2', {
      name: 'squad_v2',
    });
    expect(judgePair(squad, squad2)).toBeUndefined();
    expect(judgePair(squad, candidate('github', 'https://github.com/x/squad', { name: 'squad' }))).toBe(
      'name',
    );
    const tools = candidate('github', 'https://github.com/x/squad-tools', { name: 'squad-tools' });
    expect(judgePair(squad, tools)).toBeUndefined();
    const solver = candidate('github', 'https://github.com/lab/parsebench-agent', {
      name: 'parsebench-agent',
      description: 'Our agent reaches state of the art on ParseBench (https://arxiv.org/abs/2604.08538).',
      links: ['github.com/lab/parsebench-agent', 'arxiv.org/abs/2604.08538'],
    });
    expect(judgePair(paper, solver)).toBeUndefined();
    expect(judgePair(dataset, solver)).toBeUndefined();
  });

  it('does not count a name mentioned in a description, only the name it opens with', () => {
    const list = candidate('github', 'https://github.com/awesome/awesome-evals', {
      name: 'awesome-evals',
      description: 'A curated list of benchmarks: ParseBench, LabBench2, SWE-bench.',
    });
    expect(judgePair(paper, list)).toBeUndefined();
    expect(judgePair(dataset, list)).toBeUndefined();
    const renamed = candidate('github', 'https://github.com/llama/pb-code', {
      name: 'pb-code',
      description: 'ParseBench: the evaluation code',
    });
    expect(judgePair(dataset, renamed)).toBe('name');
  });

  it('ignores the links of a list and of a leaderboard run dump', () => {
    const urls = ['a/one', 'b/two', 'c/three', 'llamaindex/parsebench'].map(
      (x) => `huggingface.co/datasets/${x}`,
    );
    const list = candidate('github', 'https://github.com/awesome/benchmarks', {
      name: 'benchmarks',
      links: ['github.com/awesome/benchmarks', ...urls],
    });
    expect(judgePair(list, dataset)).toBeUndefined();
    const dump = candidate('huggingface', 'https://huggingface.co/datasets/open-llm-leaderboard/details_x', {
      name: 'details_x',
      title: 'Evaluation run of org/model',
      links: ['huggingface.co/datasets/open-llm-leaderboard/details_x', 'arxiv.org/abs/2604.08538'],
    });
    expect(judgePair(paper, dump)).toBeUndefined();
  });

  it('counts only repositories and datasets towards a list: a paper with a demo space and a model is no list', () => {
    const own = ['github.com/e/modf', 'huggingface.co/spaces/h/modf', 'huggingface.co/h/modf'];
    const data = candidate('huggingface', 'https://huggingface.co/datasets/h/routertrain', {
      name: 'routertrain',
    });
    const released = candidate('arxiv', 'https://arxiv.org/abs/2606.12018', {
      name: 'MODF',
      title: 'MODF: a framework',
      links: ['arxiv.org/abs/2606.12018', ...own, 'huggingface.co/datasets/h/routertrain'],
    });
    expect(judgePair(released, data)).toBe('linked');
    const datasets = ['a/one', 'b/two', 'c/three'].map((x) => `huggingface.co/datasets/${x}`);
    const survey = candidate('arxiv', 'https://arxiv.org/abs/2606.00001', {
      name: 'Survey',
      title: 'A survey of benchmarks',
      links: [
        'arxiv.org/abs/2606.00001',
        'github.com/e/modf',
        ...datasets,
        'huggingface.co/datasets/h/routertrain',
      ],
    });
    expect(judgePair(survey, data)).toBeUndefined();
  });

  it('treats generic names as no name', () => {
    const a = candidate('github', 'https://github.com/a/benchmark', { name: 'benchmark' });
    const b = candidate('huggingface', 'https://huggingface.co/datasets/b/benchmark', { name: 'benchmark' });
    expect(judgePair(a, b)).toBeUndefined();
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

  it('never puts two repositories in one benchmark: the better-named one joins', () => {
    const fork = candidate('github', 'https://github.com/someone/ParseBench', {
      name: 'ParseBench',
      popularity: { stars: 9000 },
    });
    const groups = groupCandidates([fork, dataset, repo, paper], none, 0.5);
    const withPaper = groups.find((g) => g.includes(paper.id));
    expect(withPaper).toEqual([dataset.id, repo.id, paper.id]);
    expect(groups).toContainEqual([fork.id]);
  });

  it('names the benchmark by the name its members agree on, not the first repository', () => {
    const oddRepo = candidate('github', 'https://github.com/aaa/pb-code', {
      name: 'pb-code',
      description: 'ParseBench: evaluation code',
      popularity: { stars: 10 },
    });
    const hf = candidate('huggingface', 'https://huggingface.co/datasets/llamaindex/parsebench-v1', {
      name: 'parsebench-v1',
      title: 'ParseBench',
    });
    const [one] = mergeCandidates([oddRepo, hf], none, new Map(), 0.5);
    expect(one?.memberIds).toHaveLength(2);
    expect(one?.name).toBe('ParseBench');
  });

  it('keeps a name-only match apart when both texts are described and unrelated', () => {
    const a = candidate('github', 'https://github.com/x/maps', {
      name: 'maps',
      description: 'Map tiles renderer for web mapping applications, with vector layers, styles and fonts.',
    });
    const b = candidate('huggingface', 'https://huggingface.co/datasets/y/maps', {
      name: 'maps',
      description: 'Multilingual agent benchmark adapted by professional translators across many languages.',
    });
    const apart = new Map([
      [a.id, new Float32Array([1, 0])],
      [b.id, new Float32Array([0, 1])],
    ]);
    expect(groupCandidates([a, b], apart, 0.15)).toHaveLength(2);
    const close = new Map([
      [a.id, new Float32Array([1, 0])],
      [b.id, new Float32Array([1, 0.2])],
    ]);
    expect(groupCandidates([a, b], close, 0.15)).toHaveLength(1);
  });
});

describe('cosine', () => {
  it('is 1 for parallel vectors and 0 for orthogonal or empty ones', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([], [])).toBe(0);
  });
});
