/**
 * Parity with trec_eval. The `*.expected` files beside the edge-case qrels/run were printed by
 * the real trec_eval 10.0-rc3 (`trec_eval -q -c [-l L] [-M M] -m num_ret -m num_rel
 * -m num_rel_ret -m map -m recip_rank -m P.5,10 -m recall.5,10 -m ndcg -m ndcg_cut.5,10 -m set_P
 * -m set_recall -m set_F`); the cases (graded, tied scores, all-zero judgments, a topic missing
 * from the run, unjudged pool entries, run-only topics, exponent scores) are ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../../src/evals/search/metrics/evaluate-run.ts';
import { formatTrecEval } from '../../../src/evals/search/metrics/format-trec.ts';
import { readQrelsFile, readRunFile } from '../../../src/store/eval-search-trec-files.ts';

const dir = join(import.meta.dirname, 'fixtures', 'trec');

function table(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [name, qid, value] = line.split('\t').map((part) => part.trim());
    if (name === undefined || qid === undefined || value === undefined || name === 'runid') continue;
    values.set(`${name} ${qid}`, Number(value));
  }
  return values;
}

const cases = [
  { file: 'edge.c.expected', options: { missingAsEmpty: true } },
  { file: 'edge.c-l2.expected', options: { missingAsEmpty: true, relLevel: 2 } },
  { file: 'edge.c-l0.expected', options: { missingAsEmpty: true, relLevel: 0 } },
  { file: 'edge.c-M3.expected', options: { missingAsEmpty: true, cutoff: 3 } },
];

describe('scores equal trec_eval to 1e-4', () => {
  for (const { file, options } of cases) {
    it(`per query and mean: ${file}`, async () => {
      const qrels = await readQrelsFile(join(dir, 'edge.qrels'));
      const run = await readRunFile(join(dir, 'edge.run'));
      const ours = table(formatTrecEval(evaluateRun(qrels, run, options), true));
      const expected = table(readFileSync(join(dir, file), 'utf8'));
      expect(expected.size).toBe(105);
      for (const [key, value] of expected) {
        expect(ours.has(key), key).toBe(true);
        expect(Math.abs((ours.get(key) ?? Number.NaN) - value), key).toBeLessThanOrEqual(1e-4);
      }
    });
  }

  it('breaks score ties by docno in descending byte order, ignoring the rank column', async () => {
    const qrels = await readQrelsFile(join(dir, 'edge.qrels'));
    const run = await readRunFile(join(dir, 'edge.run'));
    const tied = evaluateRun(qrels, run).perQuery.get('tied');
    // z (grade 2) first, then c, b, a — trec_eval prints map 0.9167 for this query.
    expect(tied?.recip_rank).toBe(1);
    expect(tied?.map).toBeCloseTo((1 + 2 / 2 + 3 / 4) / 3, 10);
  });

  it('without --missing-as-empty skips topics the run lacks; run-only topics never count', async () => {
    const qrels = await readQrelsFile(join(dir, 'edge.qrels'));
    const run = await readRunFile(join(dir, 'edge.run'));
    const skipped = evaluateRun(qrels, run);
    expect([...skipped.perQuery.keys()]).toEqual(['graded', 'one', 'pool', 'tied', 'zeros']);
    const counted = evaluateRun(qrels, run, { missingAsEmpty: true });
    expect(counted.numQueries).toBe(6);
    expect(counted.perQuery.has('runonly')).toBe(false);
    expect(counted.mean.map).toBeCloseTo((skipped.mean.map * 5) / 6, 12);
  });
});
