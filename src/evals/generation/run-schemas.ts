/** The generation benchmark's part of the run layout: manifest options and metrics, case metrics. */
import { z } from 'zod';
import { evalRunManifestSchema } from '../run-layout/schemas.ts';

const Nullable = z.number().nullable();
const Ci = z.tuple([z.number(), z.number()]).nullable();

const OutcomeStatsSchema = z.object({
  wins: z.int(),
  ties: z.int(),
  losses: z.int(),
  n: z.int(),
  winRate: Nullable,
  ci95: Ci,
  signTestP: z.number(),
});

const PairwiseSummarySchema = z.object({
  cases: z.int(),
  judged: z.int(),
  errors: z.int(),
  overall: OutcomeStatsSchema,
  axes: z.object({
    faithfulness: OutcomeStatsSchema.extend({ positionConsistency: Nullable }),
    coverage: OutcomeStatsSchema.extend({ positionConsistency: Nullable }),
    usefulness: OutcomeStatsSchema.extend({ positionConsistency: Nullable }),
  }),
  positionConsistency: Nullable,
  firstSlotPreference: Nullable,
  tieRate: Nullable,
  errorRate: Nullable,
  meanLengthRatio: Nullable,
  bootstrap: z.object({ resamples: z.int(), seed: z.int() }),
});

export const GenerationRunOptions = z.object({
  compareMode: z.literal('pairwise'),
  pairCandidateAID: z.string(),
  pairCandidateBID: z.string(),
  pairJudgeModel: z.string(),
  casesPath: z.string(),
  datasetHash: z.string(),
  workers: z.int().min(1),
  force: z.boolean(),
  candidateModels: z.object({ a: z.string(), b: z.string() }),
  promptHashes: z.object({ a: z.string(), b: z.string(), judge: z.string() }),
});
export type GenerationRunOptions = z.infer<typeof GenerationRunOptions>;

export const GenerationRunMetrics = z.object({
  pairwiseSummary: PairwiseSummarySchema.optional(),
  llmCalls: z.int().min(0),
  cachedGenerations: z.int().min(0),
  costUsd: z.number().min(0),
  wallMs: z.number().min(0),
  /** Cases left out, with why (exclusions, no input text, unparseable judge answers). */
  excludedCases: z.array(z.object({ case_id: z.string(), reason: z.string() })).default([]),
});
export type GenerationRunMetrics = z.infer<typeof GenerationRunMetrics>;

export const GenerationRunManifest = evalRunManifestSchema(GenerationRunOptions, GenerationRunMetrics);
export type GenerationRunManifest = z.infer<typeof GenerationRunManifest>;

const AxisOutcome = z.enum(['A', 'B', 'tie', 'error']);
const SlotOrError = z.enum(['A', 'B', 'C', 'error']);

const AxisDecisionSchema = z.object({
  round1: SlotOrError,
  round2: SlotOrError,
  round1Candidate: AxisOutcome,
  round2Candidate: AxisOutcome,
  winner: AxisOutcome,
  consistent: z.boolean(),
});

const CaseDecisionSchema = z.object({
  axes: z.object({
    faithfulness: AxisDecisionSchema,
    coverage: AxisDecisionSchema,
    usefulness: AxisDecisionSchema,
  }),
  overall: AxisOutcome,
});

export const GenerationCaseMetrics = z.object({
  decision: CaseDecisionSchema.optional(),
  lengthA: z.int().min(0),
  lengthB: z.int().min(0),
  lengthRatio: z.number().nullable(),
  cached: z.object({ a: z.boolean(), b: z.boolean() }),
  llmCalls: z.int().min(0),
  costUsd: z.number().min(0),
  /** Template variables replaced by an empty string, per candidate. */
  missingVariables: z.object({ a: z.array(z.string()), b: z.array(z.string()) }),
  judgeRetries: z.int().min(0),
});
export type GenerationCaseMetrics = z.infer<typeof GenerationCaseMetrics>;
