/**
 * `npx tsx bench/papers.ts`: speed and quality of embedding, the vector index, dedup and the
 * preference classifier on the real arXiv abstracts in ../shared/data/arxiv (20k papers) and a
 * 100k mix of their sentences. Env: RADAR_BENCH_ARXIV (data dir), BENCH_N (default 100000).
 */
import { resolve } from 'node:path';
import { createHashingEmbedder } from '../src/embed/backends/hashing.ts';
import { findNearDuplicates } from '../src/index/dedup.ts';
import {
  bruteForceSearch,
  createVectorIndex,
  DEFAULT_HNSW,
  rowNorms,
  type VectorIndex,
} from '../src/index/vector-index.ts';
import { evaluatePreference, type TimedLabel, temporalSplit } from '../src/rank/evaluate.ts';
import { createBaselineRanker } from '../src/rank/lexical/text-rankers.ts';
import { predictProba, trainLogistic } from '../src/rank/logistic-regression.ts';
import { rocAuc } from '../src/rank/metrics.ts';
import { buildTrainingSet } from '../src/rank/training-set.ts';
import type { VectorMatrix } from '../src/rank/vector-matrix.ts';
import { type CorpusPaper, loadCorpus, mixedTexts, PROXY_RULE, proxyLabels, textOf } from './corpus.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const DIMS = 384;
const SETTINGS = { l2: 1, pseudoNegativeRatio: 5, pseudoNegativeWeight: 0.2, seed: 42 };

/** Wall seconds; the CPU seconds of the last call are kept in `lastCpu` (the machine is shared, wall time overstates). */
let lastCpu = 0;
function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  lastCpu = (used.user + used.system) / 1e6;
  return [value, (performance.now() - start) / 1000];
}
const cpuNote = (): string => ` (CPU ${lastCpu.toFixed(2)} s)`;

async function embedAll(
  texts: readonly string[],
  embed: (t: readonly string[]) => Promise<Float32Array[]>,
  ids: string[],
): Promise<VectorMatrix> {
  const data = new Float32Array(texts.length * DIMS);
  for (let start = 0; start < texts.length; start += 1000) {
    const vectors = await embed(texts.slice(start, start + 1000));
    vectors.forEach((v, i) => {
      data.set(v, (start + i) * DIMS);
    });
  }
  return { ids, dims: DIMS, data };
}

async function embedReal(
  corpus: readonly CorpusPaper[],
): Promise<{ real: VectorMatrix; embedder: ReturnType<typeof createHashingEmbedder> }> {
  const embedder = createHashingEmbedder({ dims: DIMS });
  const texts = corpus.map(textOf);
  const [, fitSeconds] = timed(() => embedder.fit(texts));
  const fitCpu = lastCpu;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const real = await embedAll(
    texts,
    embedder.embed,
    corpus.map((p) => p.id),
  );
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - start) / 1000;
  out(
    `embed (hashing-384): idf fit on ${texts.length} papers ${fitSeconds.toFixed(1)} s (CPU ${fitCpu.toFixed(1)} s); embedding ${(texts.length / seconds).toFixed(0)} papers/s wall, ${(texts.length / ((used.user + used.system) / 1e6)).toFixed(0)} papers/s CPU`,
  );
  return { real, embedder };
}

async function embedMixed(
  corpus: readonly CorpusPaper[],
  n: number,
  embedder: ReturnType<typeof createHashingEmbedder>,
): Promise<VectorMatrix> {
  const texts = mixedTexts(corpus, n, 7);
  const ids = Array.from(
    { length: n },
    (_, i) => `${2001 + Math.floor(i / 99_999)}.${String(i % 99_999).padStart(5, '0')}`,
  );
  const start = performance.now();
  const cpu = process.cpuUsage();
  const mixed = await embedAll(texts, embedder.embed, ids);
  const used = process.cpuUsage(cpu);
  out(
    `embed ${n} mixed abstracts: ${(n / ((performance.now() - start) / 1000)).toFixed(0)} papers/s wall, ${(n / ((used.user + used.system) / 1e6)).toFixed(0)} papers/s CPU`,
  );
  return mixed;
}

function recallAndQps(matrix: VectorMatrix, index: VectorIndex, efs: readonly number[], queries = 200): void {
  const norms = rowNorms(matrix);
  const step = Math.floor(matrix.ids.length / queries);
  const rows = Array.from({ length: queries }, (_, q) => q * step);
  const vector = (row: number): Float32Array => matrix.data.subarray(row * DIMS, (row + 1) * DIMS);
  const [exact, bruteSeconds] = timed(() =>
    rows.map((row) => new Set(bruteForceSearch(matrix, norms, vector(row), 10).map((n) => n.id))),
  );
  for (const ef of efs) {
    let hits = 0;
    const [, seconds] = timed(() => {
      rows.forEach((row, q) => {
        hits += index.search(vector(row), 10, { ef }).filter((n) => exact[q]?.has(n.id)).length;
      });
    });
    out(
      `  efSearch ${String(ef).padStart(3)}: recall@10 ${(hits / (queries * 10)).toFixed(3)}, ${(queries / seconds).toFixed(0)} QPS wall, ${(queries / lastCpu).toFixed(0)} QPS CPU`,
    );
  }
  out(`  brute force (JS): ${(queries / bruteSeconds).toFixed(1)} QPS`);
}

function indexSection(label: string, matrix: VectorMatrix): VectorIndex {
  const [index, seconds] = timed(() => {
    const built = createVectorIndex(DIMS, DEFAULT_HNSW, matrix.ids.length);
    built.add(matrix);
    return built;
  });
  const p = DEFAULT_HNSW;
  out(
    `hnsw ${label} (${matrix.ids.length} × ${DIMS}, M ${p.m}, efConstruction ${p.efConstruction}): build ${seconds.toFixed(1)} s${cpuNote()} (${(matrix.ids.length / seconds).toFixed(0)} inserts/s)`,
  );
  recallAndQps(matrix, index, [8, 64, 128, 256]);
  return index;
}

function dedupSection(label: string, matrix: VectorMatrix, index: VectorIndex, threshold: number): void {
  const queries = matrix.ids.map((id, row) => ({
    id,
    vector: matrix.data.subarray(row * DIMS, (row + 1) * DIMS),
  }));
  const [clusters, seconds] = timed(() =>
    findNearDuplicates(queries, (v, k) => index.search(v, k, { ef: 8 }), { threshold, k: 5 }),
  );
  const dropped = clusters.reduce((n, c) => n + c.duplicates.length, 0);
  out(
    `dedup ${label} (${matrix.ids.length}, k 5, efSearch 8, threshold ${threshold}): ${seconds.toFixed(2)} s${cpuNote()}, ${clusters.length} clusters, ${dropped} duplicates dropped`,
  );
}

function trainingSection(
  real: VectorMatrix,
  corpus: readonly CorpusPaper[],
): ReturnType<typeof trainLogistic> {
  const labels = proxyLabels(corpus, Math.min(10_000, corpus.length), 3);
  const set = buildTrainingSet(real, labels, SETTINGS);
  const [result, seconds] = timed(() => trainLogistic(set.data, { l2: SETTINGS.l2 }));
  out(
    `train logistic (${labels.length} labels + ${set.pseudoNegatives} pseudo-negatives = ${set.data.rows} rows × ${DIMS}): ${seconds.toFixed(2)} s${cpuNote()}, ${result.iterations} L-BFGS iterations, converged ${result.converged}`,
  );
  return result;
}

function scoringSection(trained: ReturnType<typeof trainLogistic>, mixed: VectorMatrix): void {
  const [, scoreSeconds] = timed(() => predictProba(trained.model, mixed.data, mixed.ids.length));
  out(`score ${mixed.ids.length} papers × ${DIMS}: ${scoreSeconds.toFixed(3)} s${cpuNote()}`);
}

/** The arxiv-sanity baseline exactly as `radar rank --eval` runs it (src/rank/lexical/text-rankers.ts). */
function svmBaseline(
  corpus: readonly CorpusPaper[],
  split: { train: TimedLabel[]; test: TimedLabel[] },
): void {
  const byId = new Map(corpus.map((p) => [p.id, p]));
  const textsOf = (labels: readonly TimedLabel[]) =>
    labels.flatMap((l) => {
      const paper = byId.get(l.id);
      return paper ? [textOf(paper)] : [];
    });
  const [baseline, fitSeconds] = timed(() => createBaselineRanker(corpus.map(textOf)));
  const y = Uint8Array.from(split.train, (l) => (l.label === 1 ? 1 : 0));
  const [trained, seconds] = timed(() => baseline.train(textsOf(split.train), y));
  const auc = rocAuc(
    [...trained.score(textsOf(split.test))],
    split.test.map((l) => (l.label === 1 ? 1 : 0)),
  );
  out(
    `  arxiv-sanity baseline (tf-idf fit ${fitSeconds.toFixed(1)} s + linear SVM C 0.01 balanced; ${seconds.toFixed(2)} s): temporal AUC ${auc.toFixed(3)}`,
  );
}

function qualitySection(real: VectorMatrix, corpus: readonly CorpusPaper[]): void {
  const labels = proxyLabels(corpus, 2000, 11);
  const positives = labels.filter((l) => l.label === 1).length;
  out(
    `quality: proxy user likes ${PROXY_RULE} in title or abstract; ${labels.length} labels (${positives} positive) sampled over time, temporal split 80/20 by publication`,
  );
  const evaluation = evaluatePreference(real, labels, SETTINGS);
  const t = evaluation.temporal;
  out(
    `  logistic on hashing-384 (+5× pseudo-negatives at 0.2): temporal AUC ${t.auc.toFixed(3)}, precision@10 ${t.precisionAtK.toFixed(2)} (train ${t.train}, test ${t.test}); 5-fold AUC ${evaluation.kfold.auc.toFixed(3)}`,
  );
  const noPseudo = evaluatePreference(real, labels, { ...SETTINGS, pseudoNegativeRatio: 0 });
  out(
    `  logistic on hashing-384, labels only: temporal AUC ${noPseudo.temporal.auc.toFixed(3)}, precision@10 ${noPseudo.temporal.precisionAtK.toFixed(2)}`,
  );
  svmBaseline(corpus, temporalSplit(labels));
}

async function main(): Promise<void> {
  const dir = resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv');
  const n = Number(process.env.BENCH_N ?? 100_000);
  const corpus = loadCorpus(dir);
  out(
    `corpus: ${corpus.length} real papers from ${dir}; ${n} mixed abstracts (first half of one + second half of another)`,
  );
  const { real, embedder } = await embedReal(corpus);
  qualitySection(real, corpus);
  const trained = trainingSection(real, corpus);
  const mixed = await embedMixed(corpus, n, embedder);
  scoringSection(trained, mixed);
  const realIndex = indexSection('real', real);
  dedupSection('real', real, realIndex, 0.95);
  const mixedIndex = indexSection('mixed', mixed);
  dedupSection('mixed', mixed, mixedIndex, 0.95);
}

await main();
