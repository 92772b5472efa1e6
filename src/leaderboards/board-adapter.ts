/**
 * The port every leaderboard adapter (src/adapters/leaderboards/<board>/) implements: fetch the
 * board's public files conditionally and parse them into normalized rows by the board's rules.
 */
import type { BoardFetch, BoardId } from './leaderboard-row.ts';

export interface BoardFetchOptions {
  /** The board's configured URL (config `leaderboards.<board>.url`, env RADAR_LEADERBOARD_<BOARD>_URL). */
  url: string;
  /** Validators of the previous fetch, per URL, for If-None-Match / If-Modified-Since. */
  validators: BoardFetch['validators'];
  /** An API key, for boards that need one (Artificial Analysis: `x-api-key`). */
  apiKey?: string;
  signal?: AbortSignal;
  now: Date;
}

export interface BoardAdapter {
  readonly board: BoardId;
  /** Shown by `radar doctor` and in health alerts, e.g. "SWE-bench". */
  readonly title: string;
  /** True when the board cannot be fetched without a key (then it is skipped, said so, not failed). */
  readonly needsKey: boolean;
  /**
   * One fetch. On 304 for every file: `notModified: true` and `rows: []` (the caller keeps the
   * previous snapshot). A malformed file throws a RadarError naming the board and what is wrong.
   */
  readonly fetch: (options: BoardFetchOptions) => Promise<BoardFetch>;
  /** Parses already-fetched bytes (by URL) — what `fetch` does after downloading; used to replay history. */
  parse(files: ReadonlyMap<string, Uint8Array>, fetchedAt: Date): BoardFetch['rows'];
}
