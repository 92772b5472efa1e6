/**
 * `npx tsx bench/ranking-speed.ts`: the lexical model at 100k papers (BENCH_N) — vocabulary fit,
 * training on 10k labels with the k-fold choice of C, scoring every paper, and RSS. The corpus
 * has 20k real papers, so the 100k are mixed abstracts (the texts of bench/corpus.ts `mixedTexts`,
 * composed one at a time from two paper numbers each, so the 100k abstracts are never all held:
 * the RSS figures are the model's, as the rank job streams papers from the store). CPU seconds
 * are given beside wall time: the machine is shared.
 */
import { resolve } from 'node:path';
import { LEXICAL_TRAINING, trainLexicalClassifier } from '../src/rank/lexical/lexical-classifier.ts';
import { RADAR_TFIDF } from '../src/rank/lexical/text-rankers.ts';
import { createTfidfCounter, createTfidfTransform } from '../src/rank/lexical/tfidf.ts';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';
import { loadCorpus, textOf } from './corpus.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const mb = (): string => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB RSS`;

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  out(
    `${label}: ${((performance.now() - start) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; ${mb()}`,
  );
  return value;
}

const n = Number(process.env.BENCH_N ?? 100_000);
/** Mixed abstract i, as `mixedTexts(corpus, n, 7)[i]`: first half of one paper's sentences, second half of another's. */
const textAt = (() => {
  const split = loadCorpus(resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv')).map((p) =>
    textOf(p)
      .split(/(?<=[.!?])\s+/)
      .filter((x) => x.length > 0),
  );
  const random = createRandom(7);
  const pairs = Uint32Array.from({ length: 2 * n }, () => Math.floor(random() * split.length));
  return (i: number): string => {
    const a = split[pairs[2 * i] ?? 0] ?? [];
    const b = split[pairs[2 * i + 1] ?? 0] ?? [];
    return [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.ceil(b.length / 2))].join(' ');
  };
})();
out(`${n} mixed abstracts (composed on demand); ${mb()}`);
const vocabulary = timed('fit the vocabulary (streamed counter)', () => {
  const counter = createTfidfCounter(RADAR_TFIDF);
  for (let i = 0; i < n; i++) counter.add(textAt(i));
  return counter.finish();
});
out(`  ${vocabulary.terms.length} terms`);
const transform = createTfidfTransform(vocabulary, RADAR_TFIDF);
const labeled = sampleIndices(n, 10_000, createRandom(3));
const rule = /retriev|RAG\b|rerank/i;
const rows = timed('transform the 10k labeled papers', () => labeled.map((i) => transform(textAt(i))));
const y = Uint8Array.from(labeled, (i) => (rule.test(textAt(i)) ? 1 : 0));
const { maxDfCaps, ...training } = LEXICAL_TRAINING;
const shares = Float64Array.from(vocabulary.df, (df) => df / vocabulary.docCount);
const trained = timed(
  `train on 10k labels as radar rank does (5-fold × 5 C × ${maxDfCaps?.length ?? 1} max_df, then the final fit)`,
  () =>
    trainLexicalClassifier(rows, y, vocabulary.terms.length, {
      ...training,
      ...(maxDfCaps ? { maxDfGrid: { shares, caps: maxDfCaps } } : {}),
      seed: 1,
    }),
);
out(
  `  chose C ${trained.choice.c}, max_df ${trained.choice.maxDf ?? RADAR_TFIDF.maxDf}; AUC at that max_df ${trained.choice.grid.map((g) => `${g.c}: ${g.auc.toFixed(3)}`).join(', ')}`,
);
const scores = timed(`transform and score all ${n} papers, streamed (what a first rank does)`, () => {
  const out = new Float64Array(n);
  let nnz = 0;
  let dotCpu = 0;
  for (let i = 0; i < n; i++) {
    const row = transform(textAt(i));
    nnz += row.indices.length;
    const cpu = process.cpuUsage();
    out[i] = trained.score(row);
    const used = process.cpuUsage(cpu);
    dotCpu += used.user + used.system;
  }
  return { out, nnz, dotCpu };
});
out(
  `  of which the capped dot products (the score itself, given the rows): ${(scores.dotCpu / 1e6).toFixed(2)} s CPU`,
);
out(
  `sparse rows: ${scores.nnz} non-zeros (${((scores.nnz * 8) / 2 ** 20).toFixed(0)} MB as int32 + float32 if all were held); final ${mb()}`,
);
