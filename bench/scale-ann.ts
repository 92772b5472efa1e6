/**
 * ANN libraries side by side on the bench's mixed abstracts (bench/corpus.ts) embedded with
 * hashing-384: usearch (multi-threaded HNSW, native batch add/search) against hnswlib-node
 * (single-threaded addPoint, one query per call). Build time (CPU and wall, threads), recall@10
 * against exact search, QPS (single queries and one threaded batch), and the near-duplicate
 * pass over every vector.
 *
 *   npm run bench -- scale ann [size=100000] [--hnswlib] [--threads=2] [--kinds=f32,f16,i8]
 *     [--m=16[,24,…]] [--efc=200[,64,…]] [--ef=64,128,256] [--dedup-ef=16] [--vectors=<file> | --state=<dir>]
 *
 * `--m` and `--efc` build one graph per connectivity × efConstruction, `--ef` lists the query-time
 * candidate list sizes measured (and `--dedup-ef`, 16 by default, the one the k-6 near-duplicate pass uses); `--vectors` keeps the embedded block in a file and
 * reads it back on later runs of the same size (embedding 1M mixed abstracts takes ~9 minutes);
 * `--state` takes the hashing-384 vectors of a state directory instead (a `scale daily` seed's).
 *
 * 1 % of the rows are planted near-duplicates (cosine ≈ 0.97 to another row): each
 * near-duplicate pass reports how many of the exact pairs at ≥ 0.95 it found.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import usearch, { type ScalarKind, type Index as UsearchIndex } from 'usearch';
import { createHashingEmbedder } from '../src/embed/backends/hashing.ts';
import { createEmbeddingsStore } from '../src/store/embeddings-store.ts';
import { loadCorpus, mixedTexts, textOf } from './corpus.ts';
import { ARXIV_DIR } from './store-data.ts';

const DIMS = 384;
const out = (line: string): void => void process.stdout.write(`${line}\n`);

interface Timed<T> {
  value: T;
  wall: number;
  cpu: number;
}

function timed<T>(fn: () => T): Timed<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const secs = (t: { wall: number; cpu: number }): string =>
  `${t.cpu.toFixed(1)} s CPU, ${t.wall.toFixed(1)} s wall`;

/** `size` mixed abstracts as one unit-norm float32 block (the hashing embedder normalizes). */
export async function mixedVectors(size: number): Promise<Float32Array> {
  const corpus = loadCorpus(ARXIV_DIR);
  const embedder = createHashingEmbedder({ dims: DIMS });
  embedder.fit(corpus.map(textOf));
  const texts = mixedTexts(corpus, size, 7);
  const data = new Float32Array(size * DIMS);
  for (let start = 0; start < size; start += 2000) {
    const vectors = await embedder.embed(texts.slice(start, start + 2000));
    vectors.forEach((v, i) => {
      data.set(v, (start + i) * DIMS);
    });
  }
  return data;
}

function queryRows(size: number, count: number): number[] {
  const step = Math.max(1, Math.floor(size / count));
  return Array.from({ length: Math.min(count, size) }, (_, q) => q * step);
}

function gather(data: Float32Array, rows: readonly number[]): Float32Array {
  const block = new Float32Array(rows.length * DIMS);
  rows.forEach((row, i) => {
    block.set(data.subarray(row * DIMS, (row + 1) * DIMS), i * DIMS);
  });
  return block;
}

/**
 * Plants near-duplicates: every 100th row is copied over the row 50 after it with noise of norm
 * 0.25 (cosine ≈ 0.97), as a paper posted twice with a reworded abstract would be.
 */
function plantDuplicates(data: Float32Array): void {
  const size = data.length / DIMS;
  let seed = 12345;
  const gaussian = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const u = (seed + 1) / 2 ** 32;
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const v = (seed + 1) / 2 ** 32;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  for (let row = 0; row + 50 < size; row += 100) {
    const copy = data.subarray((row + 50) * DIMS, (row + 51) * DIMS);
    let norm = 0;
    for (let d = 0; d < DIMS; d++) {
      const x = (data[row * DIMS + d] ?? 0) + (0.25 / Math.sqrt(DIMS)) * gaussian();
      copy[d] = x;
      norm += x * x;
    }
    for (let d = 0; d < DIMS; d++) copy[d] = (copy[d] ?? 0) / Math.sqrt(norm);
  }
}

const DUPLICATE = 0.95;

/** Pairs "i j" (i < j) at cosine ≥ 0.95 among each row's `k` nearest neighbours. */
function pairsOf(matches: InstanceType<typeof usearch.BatchMatches>, size: number): Set<string> {
  const pairs = new Set<string>();
  for (let q = 0; q < size; q++) {
    const { keys, distances } = matches.get(q);
    keys.forEach((key, j) => {
      const other = Number(key);
      if (other !== q && 1 - (distances[j] ?? 1) >= DUPLICATE)
        pairs.add(q < other ? `${q} ${other}` : `${other} ${q}`);
    });
  }
  return pairs;
}

/** The planted pairs (`plantDuplicates`): row i and row i + 50 for every 100th i. */
function plantedPairs(size: number): Set<string> {
  const pairs = new Set<string>();
  for (let row = 0; row + 50 < size; row += 100) pairs.add(`${row} ${row + 50}`);
  return pairs;
}

/** The near-duplicate pairs by exact search (every row against every row, usearch's threaded brute force). */
function exactPairs(data: Float32Array, threads: number): Set<string> {
  const matches = usearch.exactSearch(data, data, DIMS, 6, usearch.MetricKind.Cos, threads);
  if (!(matches instanceof usearch.BatchMatches)) throw new Error('expected batch matches');
  return pairsOf(matches, data.length / DIMS);
}

/** Exact top-10 key sets for the query rows (usearch's threaded brute force). */
function exactTop10(data: Float32Array, queries: Float32Array, threads: number): Set<bigint>[] {
  const matches = usearch.exactSearch(data, queries, DIMS, 10, usearch.MetricKind.Cos, threads);
  if (!(matches instanceof usearch.BatchMatches)) throw new Error('expected batch matches');
  const count = queries.length / DIMS;
  return Array.from({ length: count }, (_, q) => new Set(matches.get(q).keys));
}

function recall(found: ArrayLike<bigint | number>[], exact: Set<bigint>[]): number {
  let hits = 0;
  found.forEach((keys, q) => {
    for (let i = 0; i < keys.length; i++) if (exact[q]?.has(BigInt(keys[i] ?? -1))) hits++;
  });
  return hits / (exact.length * 10);
}

/** How many of the exact near-duplicate pairs a pass found. */
function pairRecall(matches: unknown, size: number, exact: Set<string>): string {
  if (!(matches instanceof usearch.BatchMatches) || exact.size === 0) return '';
  const found = pairsOf(matches, size);
  let hits = 0;
  for (const pair of exact) if (found.has(pair)) hits++;
  return `; ${hits} of ${exact.size} near-duplicate pairs (≥ ${DUPLICATE}) found`;
}

function benchUsearch(
  data: Float32Array,
  queries: Float32Array,
  exact: { top10: Set<bigint>[]; pairs: Set<string> },
  threads: number,
  quantization: ScalarKind,
  graph: { m: number; efConstruction: number; efs: readonly number[]; dedupEf: number },
): void {
  const { m, efConstruction, dedupEf } = graph;
  const size = data.length / DIMS;
  const keys = BigUint64Array.from({ length: size }, (_, i) => BigInt(i));
  const build = timed(() => {
    const index = new usearch.Index({
      dimensions: DIMS,
      metric: usearch.MetricKind.Cos,
      quantization,
      connectivity: m,
      expansion_add: efConstruction,
      expansion_search: 64,
      multi: false,
    });
    index.add(keys, data, threads);
    return index;
  });
  const index = build.value;
  out(`usearch ${quantization} (M ${m}, efC ${efConstruction}, ${threads} threads): build ${secs(build)}`);
  const file = `/tmp/radar-bench-ann-${process.pid}.usearch`;
  index.save(file);
  let dedupProbe: UsearchIndex | undefined;
  for (const ef of graph.efs) {
    const probe = new usearch.Index({
      dimensions: DIMS,
      metric: usearch.MetricKind.Cos,
      quantization,
      connectivity: m,
      expansion_add: efConstruction,
      expansion_search: ef,
      multi: false,
    });
    // expansion_search is fixed per index object: each ef views the same saved graph.
    probe.view(file);
    if (ef === dedupEf) dedupProbe = probe;
    const count = queries.length / DIMS;
    const single = timed(() =>
      Array.from(
        { length: count },
        (_, q) => probe.search(queries.subarray(q * DIMS, (q + 1) * DIMS), 10, 1).keys,
      ),
    );
    const batch = timed(() => probe.search(queries, 10, threads));
    const batchMatches = batch.value;
    const batchKeys =
      batchMatches instanceof usearch.BatchMatches
        ? Array.from({ length: count }, (_, q) => batchMatches.get(q).keys)
        : [batchMatches.keys];
    out(
      `  ef ${String(ef).padStart(3)}: recall@10 ${recall(single.value, exact.top10).toFixed(3)} (batch ${recall(batchKeys, exact.top10).toFixed(3)}), ` +
        `${(count / single.wall).toFixed(0)} QPS single wall (${(count / single.cpu).toFixed(0)}/CPU-s), ` +
        `${(count / batch.wall).toFixed(0)} QPS batch wall (${(count / batch.cpu).toFixed(0)}/CPU-s)`,
    );
  }
  const dedup = timed(() => (dedupProbe ?? index).search(data, 6, threads));
  out(
    `  near-duplicate pass over all ${size} (k 6, ef ${dedupEf}, batch): ${secs(dedup)}${pairRecall(dedup.value, size, exact.pairs)}`,
  );
  const narrow = new usearch.Index({
    dimensions: DIMS,
    metric: usearch.MetricKind.Cos,
    quantization,
    connectivity: m,
    expansion_add: efConstruction,
    expansion_search: 8,
    multi: false,
  });
  narrow.view(file);
  const quick = timed(() => narrow.search(data, 3, threads));
  out(
    `  near-duplicate pass over all ${size} (k 3, ef 8, batch): ${secs(quick)}${pairRecall(quick.value, size, exact.pairs)}`,
  );
  const saved = timed(() => index.save(file));
  out(`  save ${secs(saved)}`);
}

function benchHnswlib(data: Float32Array, queries: Float32Array, exact: Set<bigint>[]): void {
  const size = data.length / DIMS;
  const build = timed(() => {
    const index = new hnswlib.HierarchicalNSW('cosine', DIMS);
    index.initIndex({ maxElements: size, m: 16, efConstruction: 200, randomSeed: 100 });
    for (let row = 0; row < size; row++)
      index.addPoint(Array.from(data.subarray(row * DIMS, (row + 1) * DIMS)), row);
    return index;
  });
  const index = build.value;
  out(`hnswlib-node (M 16, efC 200, 1 thread): build ${secs(build)}`);
  const count = queries.length / DIMS;
  for (const ef of [16, 64, 128, 256]) {
    index.setEf(ef);
    const found = timed(() =>
      Array.from(
        { length: count },
        (_, q) => index.searchKnn(Array.from(queries.subarray(q * DIMS, (q + 1) * DIMS)), 10).neighbors,
      ),
    );
    out(
      `  ef ${String(ef).padStart(3)}: recall@10 ${recall(found.value, exact).toFixed(3)}, ${(count / found.wall).toFixed(0)} QPS wall (${(count / found.cpu).toFixed(0)}/CPU-s)`,
    );
  }
  index.setEf(16);
  const dedup = timed(() => {
    for (let row = 0; row < size; row++)
      index.searchKnn(Array.from(data.subarray(row * DIMS, (row + 1) * DIMS)), 6);
  });
  out(`  near-duplicate pass over all ${size} (k 6, ef 16, one query per call): ${secs(dedup)}`);
}

/** The hashing-384 vectors a state's embeddings store holds (a `scale daily` seed), as one block. */
async function stateVectors(stateDir: string): Promise<{ data: Float32Array; cached: boolean }> {
  const matrix = await createEmbeddingsStore(stateDir, 'hashing-384').load();
  return { data: matrix.data.subarray(0, matrix.ids.length * DIMS), cached: true };
}

/** The embedded block, read from `file` when it holds one of this size, else embedded (and kept there). */
async function cachedVectors(size: number, file?: string): Promise<{ data: Float32Array; cached: boolean }> {
  if (file && existsSync(file)) {
    const bytes = readFileSync(file);
    if (bytes.length === size * DIMS * 4)
      return { data: new Float32Array(bytes.buffer, bytes.byteOffset, size * DIMS), cached: true };
  }
  const data = await mixedVectors(size);
  if (file) writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return { data, cached: false };
}

export async function annBench(args: readonly string[]): Promise<void> {
  let size = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
  const threads = Number(
    /^--threads=(\d+)$/.exec(args.find((a) => a.startsWith('--threads=')) ?? '')?.[1] ?? 2,
  );
  const cache = args.find((a) => a.startsWith('--vectors='))?.slice('--vectors='.length);
  const state = args.find((a) => a.startsWith('--state='))?.slice('--state='.length);
  const embedded = await timedAsync(() => (state ? stateVectors(state) : cachedVectors(size, cache)));
  const source = state ? `read from ${state}` : embedded.value.cached ? `read from ${cache}` : 'embedded';
  const data = embedded.value.data;
  if (state) size = data.length / DIMS;
  out(`${size} mixed abstracts × ${DIMS} ${source}: ${secs(embedded)}`);
  plantDuplicates(data);
  const rows = queryRows(size, 1000);
  const queries = gather(data, rows);
  const exact = timed(() => exactTop10(data, queries, threads));
  out(`exact top-10 of ${rows.length} queries (usearch exactSearch, ${threads} threads): ${secs(exact)}`);
  // The all-pairs search is quadratic (62 s CPU at 20k): past 20k the planted pairs are the truth.
  const pairs = size <= 20_000 ? timed(() => exactPairs(data, threads)) : timed(() => plantedPairs(size));
  out(
    `${size <= 20_000 ? 'exact' : 'planted'} near-duplicate pairs (≥ ${DUPLICATE}, 1 % planted at ≈ 0.97) of all ${size}: ${pairs.value.size}, ${secs(pairs)}`,
  );
  const kinds = (args.find((a) => a.startsWith('--kinds='))?.slice('--kinds='.length) ?? 'f32,f16').split(
    ',',
  );
  const list = (name: string, fallback: string): number[] =>
    (args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback).split(',').map(Number);
  const dedupEf = list('dedup-ef', '16')[0] ?? 16;
  const efs = [...new Set([dedupEf, ...list('ef', '64,128,256')])].sort((a, b) => a - b);
  for (const kind of kinds)
    for (const m of list('m', '16'))
      for (const efConstruction of list('efc', '200'))
        benchUsearch(data, queries, { top10: exact.value, pairs: pairs.value }, threads, kind as ScalarKind, {
          m,
          efConstruction,
          efs,
          dedupEf,
        });
  if (args.includes('--hnswlib')) benchHnswlib(data, queries, exact.value);
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { value, wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}
