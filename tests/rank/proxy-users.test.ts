/**
 * The proxy-user protocol of bench/ranking.ts on 1,650 real papers copied into tests/fixtures
 * (seeded, small): the radar's lexical model must not fall below the arxiv-sanity baseline.
 * Labels cover 20 % of the training papers here (5 % of this subset would be a handful).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { paperText, proxySplits, runProtocol } from '../../bench/ranking-protocol.ts';
import {
  createBaselineRanker,
  createLexicalRanker,
  RADAR_TFIDF,
} from '../../src/rank/lexical/text-rankers.ts';
import { fitTfidf } from '../../src/rank/lexical/tfidf.ts';

const Row = z.object({ id: z.string(), title: z.string(), abstract: z.string(), published: z.string() });
const papers = readFileSync(new URL('../fixtures/ranking/arxiv-sample.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => Row.parse(JSON.parse(l)));

describe('ranking on proxy users (real papers, noisy sparse labels)', () => {
  it('keeps the radar at or above the arxiv-sanity baseline on both temporal splits', () => {
    const texts = papers.map(paperText);
    const rankers = [
      createBaselineRanker(texts),
      createLexicalRanker({ vocabulary: fitTfidf(texts, RADAR_TFIDF), seed: 7 }),
    ];
    const { rows } = runProtocol(rankers, proxySplits(papers), { seeds: 2, share: 0.2 });
    for (const split of new Set(rows.map((r) => r.split))) {
      const of = (model: string) => rows.filter((r) => r.split === split && r.model === model);
      const base = of('arxiv-sanity');
      const radar = of('radar-tfidf');
      const mean = (r: typeof rows) => r.reduce((a, b) => a + b.auc, 0) / r.length;
      expect(radar).toHaveLength(3);
      expect(mean(radar)).toBeGreaterThanOrEqual(mean(base) - 0.005);
      const meanP20 = (r: typeof rows) => r.reduce((a, b) => a + b.precisionAt20, 0) / r.length;
      expect(meanP20(radar), `${split} mean precision@20 per day`).toBeGreaterThanOrEqual(
        meanP20(base) - 0.02,
      );
      for (const r of radar) {
        const b = base.find((x) => x.user === r.user);
        expect(r.auc, `${split} user ${r.user}`).toBeGreaterThanOrEqual((b?.auc ?? 1) - 0.02);
      }
    }
  }, 180_000);
});
