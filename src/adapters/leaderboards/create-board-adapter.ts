/**
 * The fetch half every board shares: plan the URLs from the configured one, fetch them
 * conditionally, hash the bytes, and hand them to the board's own parser.
 */
import type { z } from 'zod';
import { RadarError } from '../../core/errors.ts';
import type { HttpClient } from '../../http/http-client.ts';
import type { BoardAdapter, BoardFetchOptions } from '../../leaderboards/board-adapter.ts';
import { type BoardFetch, type BoardId, LeaderboardRow } from '../../leaderboards/leaderboard-row.ts';
import { fetchConditionally, hashFiles } from './conditional-fetch.ts';

export type RowInput = z.input<typeof LeaderboardRow>;
export type Files = ReadonlyMap<string, Uint8Array>;

export interface PlanContext {
  http: HttpClient;
  signal?: AbortSignal;
}

interface BoardSpec {
  board: BoardId;
  title: string;
  needsKey: boolean;
  displayPrecision: number;
  /** The files to fetch, from the configured URL; a board may read its site first to find them. */
  plan(url: string, context: PlanContext): string[] | Promise<string[]>;
  /** Further files once the planned ones are read (the later pages of a paged API). */
  more?(url: string, files: Files): string[];
  headers?(options: BoardFetchOptions): Record<string, string>;
  parse(files: Files, fetchedAt: Date): RowInput[];
}

export class MissingKeyError extends RadarError {}

export function createBoardAdapter(http: HttpClient, spec: BoardSpec): BoardAdapter {
  const parse = (files: Files, fetchedAt: Date): BoardFetch['rows'] =>
    spec.parse(files, fetchedAt).map((row) => LeaderboardRow.parse(row));

  return {
    board: spec.board,
    title: spec.title,
    needsKey: spec.needsKey,
    parse,
    async fetch(options) {
      if (spec.needsKey && !options.apiKey) {
        throw new MissingKeyError(`${spec.title} needs an API key: the board is skipped`);
      }
      const operation = `${spec.title} leaderboard`;
      const signal = options.signal ? { signal: options.signal } : {};
      const request = {
        operation,
        validators: options.validators,
        headers: spec.headers?.(options) ?? {},
        ...signal,
      };
      const urls = await spec.plan(options.url, { http, ...signal });
      const first = await fetchConditionally(http, urls, request);
      let { files, validators } = first;
      if (!first.notModified && spec.more) {
        const extra = spec.more(options.url, first.files);
        if (extra.length > 0) {
          const rest = await fetchConditionally(http, extra, { ...request, validators: {} });
          files = new Map([...first.files, ...rest.files]);
          validators = { ...first.validators, ...rest.validators };
        }
      }
      return {
        board: spec.board,
        fetchedAt: options.now.toISOString(),
        sha256: hashFiles(first.notModified ? new Map() : files),
        notModified: first.notModified,
        validators,
        displayPrecision: spec.displayPrecision,
        rows: first.notModified ? [] : parse(files, options.now),
      };
    },
  };
}

/** A file next to the configured one: `https://x/a/results.json` + `results-hard.json`. */
export function sibling(url: string, name: string): string {
  return new URL(name, url).toString();
}
