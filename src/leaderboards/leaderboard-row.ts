/**
 * One row of a leaderboard as every board adapter hands it over, whatever the board's own
 * format: the unit the snapshots, change events and model rankings work on.
 */
import { z } from 'zod';

/** The boards the radar knows; each has an adapter under src/adapters/leaderboards/<board>/. */
export const BOARD_IDS = [
  'swebench',
  'evalplus',
  'livebench',
  'livecodebench',
  'bigcodebench',
  'lmarena',
  'openrouter',
  'artificialanalysis',
] as const;
export const BoardId = z.enum(BOARD_IDS);
export type BoardId = z.infer<typeof BoardId>;

export const LeaderboardRow = z.strictObject({
  board: BoardId,
  /** The board's own sub-table: `verified`, `lite`, `bash-only`; `humaneval+`; a category; `overall`. */
  subboard: z.string().min(1),
  /** Stable across fetches and renames: the SWE-bench folder, the Arena model + category, … */
  entryKey: z.string().min(1),
  displayName: z.string().min(1),
  /** What names the model: Hugging Face ids, provider/model slugs, the board's model name. */
  modelRefs: z.array(z.string().min(1)),
  /** 0–100 on score boards; null on boards without a score (prices, speed). */
  score: z.number().min(0).max(100).nullable(),
  ciLow: z.number().nullable().default(null),
  ciHigh: z.number().nullable().default(null),
  votes: z.int().min(0).nullable().default(null),
  /** The entry's own date (submission, release), YYYY-MM-DD, when the board gives one. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .default(null),
  flags: z
    .strictObject({
      hidden: z.boolean().default(false),
      contaminated: z.boolean().default(false),
      checked: z.boolean().default(false),
    })
    .prefault({}),
  /**
   * Board-specific numbers the rankings use, e.g. `{ priceInPerM, priceOutPerM, contextLength }`
   * (OpenRouter) or `{ outputTokensPerSecond, ttftSeconds }` (Artificial Analysis).
   */
  metrics: z.record(z.string(), z.number()).default({}),
});
export type LeaderboardRow = z.infer<typeof LeaderboardRow>;

/** What one fetch of a board produced, before it becomes a snapshot. */
export const BoardFetch = z.strictObject({
  board: BoardId,
  fetchedAt: z.iso.datetime(),
  /** sha256 of the raw bytes of every file read, in a fixed order: equal hashes = identical fetch. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** True when every file answered 304 Not Modified (the rows are then the previous snapshot's). */
  notModified: z.boolean(),
  /** Validators to send next time, per URL. */
  validators: z.record(
    z.string(),
    z.strictObject({ etag: z.string().optional(), lastModified: z.string().optional() }),
  ),
  /** The scale the board displays its score at, e.g. 0.1 for one decimal: half of it is the SOTA threshold. */
  displayPrecision: z.number().positive(),
  rows: z.array(LeaderboardRow),
});
export type BoardFetch = z.infer<typeof BoardFetch>;
