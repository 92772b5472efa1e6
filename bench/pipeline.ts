/**
 * `npx tsx bench/pipeline.ts`: one daily run of the real `radar run --once --online` against the
 * fakes, 500 new papers over 100k stored (see bench/pipeline-run.ts). Targets: under 60 s end to
 * end, under 500 MB RSS, summarize within 1.5× its LLM latency floor.
 * Env: RADAR_BENCH_PAPERS (state size, default 100000), RADAR_BENCH_NEW (new papers, default 500),
 * RADAR_BENCH_RANK (`ranking.models` of the run: hashing-384, the default, or tfidf),
 * RADAR_BENCH_REFIT=1 (with tfidf: the run fits the vocabulary).
 */
import { pipelineBench } from './pipeline-run.ts';

await pipelineBench({
  size: Number(process.env.RADAR_BENCH_PAPERS ?? 100_000),
  newPapers: Number(process.env.RADAR_BENCH_NEW ?? 500),
  ...(process.env.RADAR_BENCH_RANK ? { rank: process.env.RADAR_BENCH_RANK } : {}),
  refit: process.env.RADAR_BENCH_REFIT === '1',
  targetMs: 60_000,
  targetRssMb: 500,
});
