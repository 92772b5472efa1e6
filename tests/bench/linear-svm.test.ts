import { describe, expect, it } from 'vitest';
import { balancedWeights, svmScore, trainLinearSvm } from '../../bench/linear-svm.ts';
import { fitTfidf } from '../../bench/tfidf.ts';
import { rocAuc } from '../../src/rank/metrics.ts';

const docs = [
  ['dense retrieval with rerankers for question answering', 1],
  ['retrieval augmented generation over wikipedia', 1],
  ['a retriever for passage ranking', 1],
  ['image segmentation with transformers', 0],
  ['diffusion models for video generation', 0],
  ['protein folding with graph networks', 0],
  ['robot grasping from point clouds', 0],
  ['speech recognition for low resource languages', 0],
  ['object detection in aerial images', 0],
  ['reinforcement learning for chess', 0],
] as const;

describe('tf-idf + linear SVM baseline', () => {
  const tfidf = fitTfidf(
    docs.map(([t]) => t),
    { maxFeatures: 1000, minDf: 1 },
  );
  const rows = docs.map(([t]) => tfidf.transform(t));
  const y = Uint8Array.from(docs, ([, l]) => l);

  it('produces L2-normalized sparse rows', () => {
    for (const row of rows) expect(Math.hypot(...row.values)).toBeCloseTo(1, 5);
  });

  for (const loss of ['hinge', 'squared-hinge'] as const) {
    it(`separates the training data with ${loss} loss and ranks an unseen retrieval paper first`, () => {
      const model = trainLinearSvm(rows, y, 1000, { c: 1, loss, classWeights: balancedWeights(y) });
      expect(
        rocAuc(
          rows.map((r) => svmScore(model, r)),
          y,
        ),
      ).toBe(1);
      const fresh = ['sparse retrieval for search', 'video diffusion transformers'].map((t) =>
        svmScore(model, tfidf.transform(t)),
      );
      expect(fresh[0]).toBeGreaterThan(fresh[1] ?? 0);
    });
  }

  it('gives the minority class more weight when balanced', () => {
    expect(balancedWeights(y)).toEqual([10 / 14, 10 / 6]);
  });
});
