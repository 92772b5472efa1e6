/** The search benchmark's part of the run layout: manifest options and metrics, case metrics. */
import { z } from 'zod';
import { evalRunManifestSchema } from '../run-layout/schemas.ts';

export const SearchRunOptions = z.object({
  version: z.string(),
  algorithm: z.string(),
  parameters: z.record(z.string(), z.json()).default({}),
  bankHash: z.string(),
  k: z.int().positive(),
  workers: z.int().positive(),
  category: z.string().optional(),
  difficulty: z.string().optional(),
  minScore: z.number().optional(),
  gitCommit: z.string().optional(),
  environment: z.record(z.string(), z.string()).default({}),
  notes: z.string().optional(),
});
export type SearchRunOptions = z.infer<typeof SearchRunOptions>;

const Means = z.object({
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  speed: z.number(),
  ndcg5: z.number(),
  ndcg: z.number(),
  rr: z.number(),
  ap: z.number(),
});

export const SearchRunMetrics = z.object({
  overall: z.number(),
  means: Means,
  passRate: z.number(),
  latencyP50: z.number(),
  latencyP95: z.number(),
  /** Whether the run met --min-score (absent without a gate). */
  gatePassed: z.boolean().optional(),
});
export type SearchRunMetrics = z.infer<typeof SearchRunMetrics>;

export const SearchRunManifest = evalRunManifestSchema(SearchRunOptions, SearchRunMetrics.partial());
export type SearchRunManifest = z.infer<typeof SearchRunManifest>;

export const SearchCaseMetrics = z.object({
  query: z.string(),
  category: z.string(),
  difficulty: z.string(),
  expected: z.array(z.string()),
  returned: z.array(z.object({ id: z.string(), score: z.number() })),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  ndcg: z.number(),
  ndcg5: z.number(),
  rr: z.number(),
  ap: z.number(),
  tp: z.int(),
  fp: z.int(),
  fn: z.int(),
  latency_ms: z.number(),
  speed: z.number(),
  passed: z.boolean(),
  reason: z.string(),
});
export type SearchCaseMetrics = z.infer<typeof SearchCaseMetrics>;
