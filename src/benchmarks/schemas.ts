/** The benchmark radar's stored records: scores (the cache), merged benchmarks, source health. */
import { z } from 'zod';
import { BenchmarkSourceName } from './candidate.ts';

const isoDateTime = z.iso.datetime({ offset: true });
const score = z.number().min(0).max(10);
const Axis = z.object({ score, reason: z.string() });

const axes = { relevance: Axis, novelty: Axis, rigor: Axis, adoption: Axis, overall: score };

/**
 * The LLM's answer: is it a benchmark at all (not a list, harness, solver, run dump or training
 * set), and the rubric. No optional fields: strict json_schema output needs every key required.
 */
export const RubricAnswer = z.object({ isBenchmark: z.boolean(), ...axes });

/** A stored rubric; rows written before the benchmark verdict existed (no isBenchmark) count as benchmarks. */
export const Rubric = z.object({ isBenchmark: z.boolean().optional(), ...axes });
export type Rubric = z.infer<typeof Rubric>;

export const ScoreRecord = z.object({
  id: z.string(),
  contentHash: z.string(),
  scoredAt: isoDateTime,
  model: z.string(),
  rubric: Rubric,
});
export type ScoreRecord = z.infer<typeof ScoreRecord>;

export const MergedBenchmark = z.object({
  /** The id of its first member (arXiv first, then GitHub, then Hugging Face). */
  id: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  sources: z.array(BenchmarkSourceName),
  memberIds: z.array(z.string()),
  /** Each member's own URL, by source. */
  urls: z.object({
    arxiv: z.array(z.string()),
    github: z.array(z.string()),
    huggingface: z.array(z.string()),
  }),
  links: z.array(z.string()),
  task: z.array(z.string()),
  modality: z.array(z.string()),
  metrics: z.array(z.string()),
  license: z.string().nullable(),
  popularity: z.object({
    downloads: z.number().optional(),
    stars: z.number().optional(),
    likes: z.number().optional(),
  }),
  firstSeenAt: isoDateTime,
  /** The best overall score among the members that have one. */
  score: z.number().nullable(),
  /** False when every scored member was judged not a benchmark: kept, but shown only with `--all`. */
  isBenchmark: z.boolean().optional(),
  rubric: Rubric.nullable(),
  keywords: z.array(z.string()),
});
export type MergedBenchmark = z.infer<typeof MergedBenchmark>;

export const SourceHealthEntry = z.object({
  consecutiveFailures: z.int().min(0),
  lastSuccessAt: isoDateTime.nullable(),
  lastFailureAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
});
export type SourceHealthEntry = z.infer<typeof SourceHealthEntry>;

export const SourceHealth = z.object({ sources: z.record(z.string(), SourceHealthEntry) });
export type SourceHealth = z.infer<typeof SourceHealth>;
