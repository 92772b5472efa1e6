import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { z } from 'zod';
import { classifyDatasetCard, parseCard, splitNames } from './hf-card.ts';

const detail = z
  .looseObject({
    id: z.string(),
    tags: z.array(z.string()),
    description: z.string(),
    cardData: z.record(z.string(), z.unknown()),
  })
  .parse(JSON.parse(readFileSync('tests/fixtures/huggingface/dataset_detail_real.json', 'utf8')));

describe('classifyDatasetCard', () => {
  it('rejects the real OpenMathInstruct-2 card: instruction-tuning data with train splits only', () => {
    const card = parseCard(`---\n${stringify(detail.cardData)}---\n\n${detail.description}`);
    expect(splitNames(card.data)).toContain('train_1m');
    const verdict = classifyDatasetCard({
      id: detail.id,
      tags: detail.tags,
      card,
      description: detail.description,
    });
    expect(verdict.evaluation).toBe(false);
    expect(verdict.reasons.join(' ')).toMatch(/training/);
  });

  it('accepts a benchmark-tagged card with only a test split', () => {
    const card = parseCard(
      '---\ntags:\n- benchmark\nconfigs:\n- config_name: default\n  data_files:\n  - split: test\n    path: data/test-*\n---\n# MedCTA\nA benchmark to evaluate clinical tool agents.\n',
    );
    const verdict = classifyDatasetCard({
      id: 'IVUL-KAUST/MedCTA',
      tags: ['task_categories:question-answering'],
      card,
      description: '',
    });
    expect(verdict.evaluation).toBe(true);
    expect(verdict.score).toBeGreaterThanOrEqual(5);
  });

  it('judges a card without front matter by its text', () => {
    const card = parseCard('# Dataset Card for SQuAD\n');
    expect(card.data).toEqual({});
    expect(classifyDatasetCard({ id: 'rajpurkar/squad', tags: [], card, description: '' }).evaluation).toBe(
      false,
    );
  });

  it('survives broken YAML', () => {
    expect(parseCard('---\n: : [\n---\nbody').body).toBe('body');
  });
});

describe('classifyDatasetCard on look-alikes', () => {
  const judge = (id: string, body: string, tags: string[] = ['benchmark'], pretty?: string) =>
    classifyDatasetCard({
      id,
      tags,
      card: { data: pretty ? { pretty_name: pretty } : {}, body },
      description: '',
    });

  it('rejects a leaderboard run dump even though it is named and tagged like an evaluation', () => {
    const verdict = judge(
      'open-llm-leaderboard/details_meta-llama__Llama-3.1-8B',
      'Dataset automatically created during the evaluation run of model meta-llama/Llama-3.1-8B on the leaderboard benchmarks.',
      ['benchmark', 'leaderboard'],
      'Evaluation run of meta-llama/Llama-3.1-8B',
    );
    expect(verdict.evaluation).toBe(false);
    expect(verdict.reasons.join(' ')).toMatch(/run dump/);
  });

  it('rejects a results table and model outputs named after a benchmark', () => {
    expect(
      judge('lab/swe-bench-results', 'Results of 30 models on the SWE-bench benchmark.').evaluation,
    ).toBe(false);
    expect(judge('lab/gsm8k-eval-predictions', 'Model predictions on a benchmark.').evaluation).toBe(false);
  });

  it('still accepts the benchmark itself', () => {
    expect(
      judge('lab/swe-bench-lite', 'A benchmark of 300 GitHub issues to evaluate agents.').evaluation,
    ).toBe(true);
  });
});
