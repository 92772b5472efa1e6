/** The benchmark radar's stored records: scores (the cache), merged benchmarks, source health. */
import { z } from 'zod';
import { BenchmarkSourceName } from './candidate.ts';

const isoDateTime = z.iso.datetime({ offset: true });
const score = z.number().min(0).max(10);
const Axis = z.object({ score, reason: z.string() });

/** The LLM's rubric. No optional fields: strict json_schema output needs every key required. */
export const Rubric = z.object({
  relevance: Axis,
  novelty: Axis,
  rigor: Axis,
  adoption: Axis,
  overall: score,
});
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
