/**
 * Scale benchmarks.
 *
 *   npm run bench -- scale ann [size] [--hnswlib] [--kinds=…] [--efc=…] [--vectors=<file>]
 *     the ANN libraries (usearch, hnswlib-node) on build time, recall@10 and QPS over the mixed
 *     abstracts (bench/scale-ann.ts);
 *   npm run bench -- scale daily [size=1000000] [--new=500] [--rank=hashing-384|tfidf] [--refit]
 *     one daily run over a state of `size` papers (the real papers repeated, every repetition after
 *     the first with mixed abstracts), its hashing-384 vectors, ANN index and labels, ranked by the
 *     dense classifier over hashing-384 (default: it opens the 1M graph) or by the app's default
 *     tf-idf model (its vocabulary fitted on an earlier day, or with --refit in the run): the seed is
 *     built once (papers, embedding, index build: the index build's time is the 1M build figure)
 *     and cached under the temp dir. Targets at 1M: the run under 10 min and 1.5 GB peak RSS.
 *   npm run bench -- scale build --state=<dir> [--queries-only]
 *     the hashing-384 ANN index of a state (a `scale daily` seed's) rebuilt from its vectors by the
 *     app's opener, with the app's graph settings: wall, CPU and peak RSS (target at 1M: < 15 min);
 *     then the saved index opened as a search opens it and single vector queries timed (only
 *     these with --queries-only).
 *
 * At 1M the seed holds every paper in memory while it writes them: run with
 * NODE_OPTIONS=--max-old-space-size=16000.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createModelIndexFiles, embeddingsShardStamps, openModelIndex } from '../src/index/index-store.ts';
import { DEFAULT_HNSW } from '../src/index/vector-index.ts';
import { createEmbeddingsStore } from '../src/store/embeddings-store.ts';
import { peakRssMb } from './peak-rss.ts';
import { pipelineBench } from './pipeline-run.ts';
import { buildSeedIndex, SEED_MODEL } from './pipeline-seed.ts';
import { percentile } from './query-latency.ts';
import { annBench } from './scale-ann.ts';

const [mode, ...rest] = process.argv.slice(2);
const size = (fallback: number): number => Number(rest.find((a) => /^\d+$/.test(a)) ?? fallback);
const option = (name: string): string | undefined =>
  rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** The seed's index rebuilt and timed, then searched. */
async function buildBench(state: string | undefined): Promise<void> {
  if (!state) throw new Error('usage: npm run bench -- scale build --state=<dir> [--queries-only]');
  if (rest.includes('--queries-only')) return vectorQueryLatency(state);
  rmSync(dirname(createModelIndexFiles(state, SEED_MODEL).graph), { recursive: true, force: true });
  const cpu = process.cpuUsage();
  const ms = await buildSeedIndex(state);
  const used = process.cpuUsage(cpu);
  const { m, efConstruction, quantization } = DEFAULT_HNSW;
  process.stdout.write(
    `${SEED_MODEL} index of ${state} rebuilt (M ${m}, efC ${efConstruction}, ${quantization}): ${(ms / 1000).toFixed(0)} s wall, ${((used.user + used.system) / 1e6).toFixed(0)} s CPU, peak RSS ${peakRssMb().toFixed(0)} MB (target < 900 s: ${ms < 900_000 ? 'met' : 'MISSED'})\n`,
  );
  await vectorQueryLatency(state);
}

/** The saved index opened as a search opens it, and 300 single queries (k 10) at the default efSearch. */
async function vectorQueryLatency(state: string): Promise<void> {
  const store = createEmbeddingsStore(state, SEED_MODEL);
  const { index } = await openModelIndex({
    stateDir: state,
    model: SEED_MODEL,
    loadVectors: (options) => store.load(options),
  });
  const shards = Object.keys(await embeddingsShardStamps(state, SEED_MODEL));
  const rows = await store.load({ shards: shards.slice(-1) });
  const cpuMs: number[] = [];
  for (let q = 0; q < 320; q++) {
    const row = (q * 7919) % rows.ids.length;
    const cpu = process.cpuUsage();
    index.search(rows.data.subarray(row * rows.dims, (row + 1) * rows.dims), 10);
    const spent = process.cpuUsage(cpu);
    if (q >= 20) cpuMs.push((spent.user + spent.system) / 1000);
  }
  process.stdout.write(
    `300 single vector queries over ${index.size()} (k 10, efSearch ${DEFAULT_HNSW.efSearch}): p50 ${percentile(cpuMs, 50).toFixed(1)} ms, p95 ${percentile(cpuMs, 95).toFixed(1)} ms CPU\n`,
  );
}

if (mode === 'ann') await annBench(rest);
else if (mode === 'build') await buildBench(option('state'));
else if (mode === 'daily') {
  const rank = option('rank');
  await pipelineBench({
    size: size(1_000_000),
    newPapers: Number(option('new') ?? 500),
    mixAbstracts: true,
    ...(rank ? { rank } : {}),
    refit: rest.includes('--refit'),
    targetMs: 10 * 60_000,
    targetRssMb: 1536,
  });
} else
  throw new Error(
    'usage: npm run bench -- scale ann [size] [--hnswlib] | scale build --state=<dir> | scale daily [size] [--new=500] [--rank=…] [--refit]',
  );
