/**
 * The insights' state files: interest profiles (`profiles/<YYYY-MM-DD>.json`) and trend reports
 * (`trends/<end day>.json`), one per day, history kept.
 */
import { z } from 'zod';
import { createDatedJsonStore, type DatedJsonStore } from './dated-json-store.ts';
import { statePaths } from './paths.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.iso.datetime({ offset: true });
const count = z.int().min(0);

export const PaperRef = z.object({ id: z.string(), title: z.string() });
export type PaperRef = z.infer<typeof PaperRef>;

const ClusterFields = z.object({
  name: z.string().min(1),
  size: z.int().min(1),
  terms: z.array(z.string()),
  tags: z.array(z.string()),
  evidence: z.array(PaperRef),
});

export const ProfileInterest = ClusterFields.extend({
  description: z.string(),
  namedBy: z.enum(['llm', 'terms']),
  /** Likes of this cluster given since the drift cut-off. */
  recentLikes: count,
  /** The two themes a cluster joins, when its papers fall in two groups (a cross-cutting interest). */
  spans: z.array(z.string()).optional(),
});
export type ProfileInterest = z.infer<typeof ProfileInterest>;

export const ProfileAvoidance = ClusterFields;
export type ProfileAvoidance = z.infer<typeof ProfileAvoidance>;

const KeyShift = z.object({
  key: z.string(),
  recentShare: z.number(),
  earlierShare: z.number(),
  change: z.number(),
});

export const StoredProfile = z.object({
  version: z.literal(1),
  date: day,
  createdAt: isoDateTime,
  /** The embedding model the clusters were made in. */
  model: z.string(),
  labels: z.object({ liked: count, disliked: count, likedClustered: count, dislikedClustered: count }),
  clustering: z.object({
    k: count,
    silhouette: z.number(),
    tried: z.array(z.object({ k: z.int(), silhouette: z.number() })),
  }),
  naming: z.object({
    by: z.enum(['llm', 'terms']),
    model: z.string().nullable(),
    /** Why the LLM did not name the clusters, when it was asked and failed. */
    error: z.string().nullable(),
  }),
  interests: z.array(ProfileInterest),
  avoids: z.array(ProfileAvoidance),
  crossCutting: z.object({
    signal: z.enum(['classifier', 'label']),
    keys: z.array(z.object({ key: z.string(), correlation: z.number(), support: count, clusters: count })),
  }),
  drift: z.object({
    since: day,
    recentLikes: count,
    earlierLikes: count,
    rising: z.array(KeyShift),
    falling: z.array(KeyShift),
  }),
  notionUrl: z.string().nullable(),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

export const StoredTrend = z.object({
  key: z.string(),
  windowCount: count,
  baselineCount: count,
  windowShare: z.number(),
  baselineShare: z.number(),
  growth: z.number(),
  /** Significance (reports written before it existed have none). */
  llr: z.number().optional(),
  pValue: z.number().optional(),
  qValue: z.number().optional(),
  examples: z.array(PaperRef),
});
export type StoredTrend = z.infer<typeof StoredTrend>;

export const StoredTrendReport = z.object({
  version: z.literal(1),
  end: day,
  createdAt: isoDateTime,
  windowStart: day,
  baselineStart: day,
  windowDays: z.int().min(1),
  baselineDays: z.int().min(1),
  minGrowth: z.number(),
  minWindowCount: count,
  minBaselineCount: count,
  windowItems: count,
  baselineItems: count,
  /** Papers keyed by their summary's tags, and by keyphrases of title and abstract (no summary). */
  keySources: z.object({ tags: count, keyphrases: count }),
  trends: z.array(StoredTrend),
  /** Keys that grew but are not significant yet (a watch list). */
  watch: z.array(StoredTrend).optional(),
  /** Highest false discovery rate a reported trend may have. */
  maxFdr: z.number().optional(),
  /** Why the windows differ from the ones asked for (papers spanning fewer days). */
  note: z.string().optional(),
  notionUrl: z.string().nullable(),
});
export type StoredTrendReport = z.infer<typeof StoredTrendReport>;

export function createProfilesStore(stateDir: string): DatedJsonStore<StoredProfile> {
  return createDatedJsonStore(statePaths(stateDir).profilesDir, StoredProfile);
}

export function createTrendReportsStore(stateDir: string): DatedJsonStore<StoredTrendReport> {
  return createDatedJsonStore(statePaths(stateDir).trendsDir, StoredTrendReport);
}
