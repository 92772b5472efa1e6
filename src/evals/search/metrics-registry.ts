/** The metrics registry: what the overall score is made of. Overall = 100 · Σ weight · metric. */
import { z } from 'zod';
import type { CaseScore } from './case-score.ts';

export const MetricDefinition = z.object({
  key: z.enum(['precision', 'recall', 'f1', 'speed', 'ndcg5', 'ndcg', 'rr', 'ap']),
  name: z.string(),
  type: z.enum(['precision', 'recall', 'quality', 'speed']),
  weight: z.number().min(0),
  active: z.boolean().default(true),
  order: z.int().default(0),
});
export type MetricDefinition = z.infer<typeof MetricDefinition>;

export const DEFAULT_METRICS: readonly MetricDefinition[] = [
  { key: 'precision', name: 'Precision@k', type: 'precision', weight: 0.35, active: true, order: 1 },
  { key: 'recall', name: 'Recall@k', type: 'recall', weight: 0.3, active: true, order: 2 },
  { key: 'f1', name: 'F1@k', type: 'quality', weight: 0.2, active: true, order: 3 },
  { key: 'speed', name: 'Speed', type: 'speed', weight: 0.1, active: true, order: 4 },
  { key: 'ndcg5', name: 'NDCG@5', type: 'quality', weight: 0.05, active: true, order: 5 },
];

export type MetricMeans = Record<MetricDefinition['key'], number>;

export function meanScores(cases: readonly CaseScore[]): MetricMeans {
  const keys: MetricDefinition['key'][] = ['precision', 'recall', 'f1', 'speed', 'ndcg5', 'ndcg', 'rr', 'ap'];
  const n = cases.length;
  return Object.fromEntries(
    keys.map((key) => [key, n === 0 ? 0 : cases.reduce((s, c) => s + c[key], 0) / n]),
  ) as MetricMeans;
}

export function overallScore(
  means: MetricMeans,
  metrics: readonly MetricDefinition[] = DEFAULT_METRICS,
): number {
  return 100 * metrics.filter((m) => m.active).reduce((sum, m) => sum + m.weight * means[m.key], 0);
}
