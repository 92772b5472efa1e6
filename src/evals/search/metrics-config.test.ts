import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../../config/schema.ts';
import { speedScore } from './case-score.ts';
import { DEFAULT_METRICS, type MetricMeans, overallScore } from './metrics-registry.ts';

const means: MetricMeans = {
  precision: 0.5,
  recall: 0.8,
  f1: 0.6,
  speed: 0.9,
  ndcg5: 0.7,
  ndcg: 0.7,
  rr: 1,
  ap: 0.4,
};

describe('search benchmark metrics from the config', () => {
  it('defaults to the registry weights', () => {
    const config = RadarConfig.parse({});
    expect(config.evals.search.metrics).toEqual(DEFAULT_METRICS);
    expect(config.evals.search.speedMaxMs).toBe(1000);
    expect(overallScore(means, config.evals.search.metrics)).toBeCloseTo(
      100 * (0.35 * 0.5 + 0.3 * 0.8 + 0.2 * 0.6 + 0.1 * 0.9 + 0.05 * 0.7),
    );
  });

  it('takes the weights, the active flags and the speed bound a user sets', () => {
    const config = RadarConfig.parse({
      evals: {
        search: {
          metrics: [
            { key: 'recall', name: 'Recall@k', type: 'recall', weight: 0.5 },
            { key: 'ap', name: 'MAP', type: 'quality', weight: 0.5 },
            { key: 'precision', name: 'P', type: 'precision', weight: 1, active: false },
          ],
          speedMaxMs: 200,
        },
      },
    });
    expect(overallScore(means, config.evals.search.metrics)).toBeCloseTo(100 * (0.5 * 0.8 + 0.5 * 0.4));
    expect(speedScore(50, config.evals.search.speedMaxMs)).toBeCloseTo(0.75);
  });

  it('refuses an unknown metric key and a negative weight', () => {
    const bad = (metrics: unknown) => RadarConfig.safeParse({ evals: { search: { metrics } } }).success;
    expect(bad([{ key: 'bleu', name: 'B', type: 'quality', weight: 1 }])).toBe(false);
    expect(bad([{ key: 'recall', name: 'R', type: 'recall', weight: -1 }])).toBe(false);
  });
});
