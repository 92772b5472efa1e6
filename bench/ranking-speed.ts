/**
 * `npx tsx bench/ranking-speed.ts`: the lexical model at 100k papers (BENCH_N) — vocabulary fit,
 * training on 10k labels with the k-fold choice of C, scoring every paper, and RSS. The corpus
 * has 20k real papers, so the 100k are mixed abstracts (bench/corpus.ts). CPU seconds are given
 * beside wall time: the machine is shared.
 */
import { resolve } from 'node:path';
import { trainLexicalClassifier } from '../src/rank/lexical/lexical-classifier.ts';
import { svmScore } from '../src/rank/lexical/linear-svm.ts';
import { RADAR_TFIDF } from '../src/rank/lexical/text-rankers.ts';
import { createTfidfCounter, createTfidfTransform } from '../src/rank/lexical/tfidf.ts';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';
import { loadCorpus, mixedTexts } from './corpus.ts';

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

const corpus = loadCorpus(resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv'));
const n = Number(process.env.BENCH_N ?? 100_000);
const texts = mixedTexts(corpus, n, 7);
out(`${n} mixed abstracts; ${mb()}`);
const vocabulary = timed('fit the vocabulary (streamed counter)', () => {
  const counter = createTfidfCounter(RADAR_TFIDF);
  for (const t of texts) counter.add(t);
  return counter.finish();
});
out(`  ${vocabulary.terms.length} terms`);
const transform = createTfidfTransform(vocabulary, RADAR_TFIDF);
const labeled = sampleIndices(n, 10_000, createRandom(3));
const rule = /retriev|RAG\b|rerank/i;
const rows = timed('transform the 10k labeled papers', () => labeled.map((i) => transform(texts[i] ?? '')));
const y = Uint8Array.from(labeled, (i) => (rule.test(texts[i] ?? '') ? 1 : 0));
const trained = timed('train on 10k labels (5-fold × 5 C, then the final fit)', () =>
  trainLexicalClassifier(rows, y, vocabulary.terms.length, { seed: 1 }),
);
out(
  `  chose C ${trained.choice.c}; grid ${trained.choice.grid.map((g) => `${g.c}: ${g.auc.toFixed(3)}`).join(', ')}`,
);
const all = timed(`transform all ${n} papers (what a first rank does)`, () => texts.map(transform));
timed(`score ${n} papers (dot products)`, () => Float64Array.from(all, (r) => svmScore(trained.model, r)));
const nnz = all.reduce((s, r) => s + r.indices.length, 0);
out(
  `sparse rows: ${nnz} non-zeros (${((nnz * 8) / 2 ** 20).toFixed(0)} MB as int32 + float32); final ${mb()}`,
);
