/**
 * The proxy-user protocol of bench/ranking.ts and its CI test: proxy users defined by regexes over
 * title + abstract, labels on a random share of the training papers with some flipped, temporal
 * splits by publication month, ROC-AUC over every test paper and precision@20 per test day.
 */

import type { TextRanker } from '../src/rank/lexical/text-rankers.ts';
import { precisionAtK, rocAuc } from '../src/rank/metrics.ts';
import { createRandom, hashSeed, sampleIndices } from '../src/rank/prng.ts';

export interface ProtocolPaper {
  id: string;
  title: string;
  abstract: string;
  published: string;
}

export const PROXY_USERS = [
  { name: 'A', rule: /retriev|RAG\b|rerank/i },
  { name: 'B', rule: /quantiz|pruning|distill|low-bit|sparsit/i },
  { name: 'C', rule: /reinforcement learning|RLHF|reward model|policy optim/i },
] as const;

/** Seed interests each proxy user might write in `ranking.seedInterests` (their words, not their regex). */
export const COLD_START_SEEDS: Record<(typeof PROXY_USERS)[number]['name'], readonly string[]> = {
  A: ['retrieval-augmented generation', 'dense passage retrieval and reranking for question answering'],
  B: ['quantization and pruning of large models', 'knowledge distillation into small efficient models'],
  C: ['reinforcement learning from human feedback', 'reward models and policy optimization for LLMs'],
};

export const paperText = (p: { title: string; abstract: string }): string => `${p.title} ${p.abstract}`;

export interface ProxySplit {
  name: string;
  train: ProtocolPaper[];
  test: ProtocolPaper[];
}

const month = (p: ProtocolPaper): string => p.published.slice(0, 7);

/** Split 1: train April–June, test July; split 2: train April–May, test June (scored per day). */
export function proxySplits(papers: readonly ProtocolPaper[]): ProxySplit[] {
  const months = [...new Set(papers.map(month))].sort();
  const [m4, m5, m6, m7] = months;
  const within = (...ms: (string | undefined)[]) => papers.filter((p) => ms.includes(month(p)));
  return [
    { name: `split 1: train ${m4}..${m6}, test ${m7}`, train: within(m4, m5, m6), test: within(m7) },
    { name: `split 2: train ${m4}..${m5}, test ${m6} per day`, train: within(m4, m5), test: within(m6) },
  ];
}

export interface LabelDraw {
  indices: number[];
  y: Uint8Array;
}

/** `share` of the training papers labeled by the proxy user, `flip` of those labels inverted. */
export function drawLabels(
  train: readonly ProtocolPaper[],
  rule: RegExp,
  seed: number,
  share = 0.05,
  flip = 0.1,
): LabelDraw {
  const random = createRandom(seed);
  const indices = sampleIndices(train.length, Math.round(train.length * share), random).sort((a, b) => a - b);
  const y = Uint8Array.from(indices, (i) => (rule.test(paperText(train[i] as ProtocolPaper)) ? 1 : 0));
  for (const k of sampleIndices(indices.length, Math.round(indices.length * flip), random))
    y[k] = 1 - (y[k] ?? 0);
  return { indices, y };
}

export function precisionPerDay(
  test: readonly ProtocolPaper[],
  scores: ArrayLike<number>,
  truth: ArrayLike<number>,
  k: number,
): number {
  const days = new Map<string, number[]>();
  test.forEach((p, i) => {
    const day = p.published.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), i]);
  });
  const values = [...days.values()]
    .filter((rows) => rows.length >= k)
    .map((rows) =>
      precisionAtK(
        rows.map((i) => scores[i] ?? 0),
        rows.map((i) => truth[i] ?? 0),
        k,
      ),
    );
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

export interface ProtocolRow {
  split: string;
  user: string;
  model: string;
  auc: number;
  precisionAt20: number;
}

export interface ProtocolOptions {
  seeds: number;
  /** Share of the training papers labeled (default 5 %). */
  share?: number;
  log?: (line: string) => void;
}

/** Every ranker on the same labels of every (split, user, seed); figures averaged over the seeds. */
export function runProtocol(
  rankers: readonly TextRanker[],
  splits: readonly ProxySplit[],
  options: ProtocolOptions,
): { rows: ProtocolRow[]; models: string[] } {
  const rows: ProtocolRow[] = [];
  for (const split of splits) {
    const testTexts = split.test.map(paperText);
    const trainTexts = split.train.map(paperText);
    for (const user of PROXY_USERS) {
      const truth = split.test.map((p) => (user.rule.test(paperText(p)) ? 1 : 0));
      const sums = new Map<string, { auc: number; p20: number }>();
      for (let s = 0; s < options.seeds; s++) {
        const draw = drawLabels(
          split.train,
          user.rule,
          hashSeed('labels', split.name, user.name, s),
          options.share,
        );
        const texts = draw.indices.map((i) => trainTexts[i] ?? '');
        for (const ranker of rankers) {
          const scores = ranker.train(texts, draw.y).score(testTexts);
          const sum = sums.get(ranker.name) ?? { auc: 0, p20: 0 };
          sum.auc += rocAuc(scores, truth);
          sum.p20 += precisionPerDay(split.test, scores, truth, 20);
          sums.set(ranker.name, sum);
        }
      }
      for (const [model, sum] of sums) {
        const row = {
          split: split.name,
          user: user.name,
          model,
          auc: sum.auc / options.seeds,
          precisionAt20: sum.p20 / options.seeds,
        };
        rows.push(row);
        options.log?.(
          `  ${split.name} user ${user.name} ${model}: AUC ${row.auc.toFixed(3)}, p@20/day ${row.precisionAt20.toFixed(3)}`,
        );
      }
    }
  }
  return { rows, models: rankers.map((r) => r.name) };
}
