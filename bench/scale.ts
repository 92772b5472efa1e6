/**
 * Scale benchmarks.
 *
 *   npm run bench -- scale ann [size] [--hnswlib] [--kinds=…] [--efc=…] [--vectors=<file>]
 *     the ANN libraries (usearch, hnswlib-node) on build time, recall@10 and QPS over the mixed
 *     abstracts (bench/scale-ann.ts);
 *   npm run bench -- scale daily [size=1000000] [--new=500]
 *     one daily run over a state of `size` papers (the real papers repeated, every repetition after
 *     the first with mixed abstracts), its hashing-384 vectors, ANN index and labels: the seed is
 *     built once (papers, embedding, index build: the index build's time is the 1M build figure)
 *     and cached under the temp dir. Targets at 1M: the run under 10 min and 1.5 GB peak RSS.
 *
 * At 1M the seed holds every paper in memory while it writes them: run with
 * NODE_OPTIONS=--max-old-space-size=16000.
 */
import { pipelineBench } from './pipeline-run.ts';
import { annBench } from './scale-ann.ts';

const [mode, ...rest] = process.argv.slice(2);
const size = (fallback: number): number => Number(rest.find((a) => /^\d+$/.test(a)) ?? fallback);
const option = (name: string): string | undefined =>
  rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

if (mode === 'ann') await annBench(rest);
else if (mode === 'daily')
  await pipelineBench({
    size: size(1_000_000),
    newPapers: Number(option('new') ?? 500),
    mixAbstracts: true,
    targetMs: 10 * 60_000,
    targetRssMb: 1536,
  });
else throw new Error('usage: npm run bench -- scale ann [size] [--hnswlib] | scale daily [size] [--new=500]');
