/**
 * LMArena's public Hugging Face dataset `lmarena-ai/leaderboard-dataset`, read as rows JSON from
 * the datasets-server `/rows` API (pages of at most 100 rows: `{features, rows: [{row_idx, row}],
 * num_rows_total}`). Each row is one model in one category of one published leaderboard:
 * model_name, organization, license, rating, rating_lower, rating_upper, variance, vote_count,
 * rank, category, leaderboard_publish_date. The entry is the model in its category; the rank is
 * recomputed from the intervals (arena-rank.ts) and the rating is mapped to 0–100 by its win rate.
 * Only the newest publish date in the pages is kept, so the full split reads as the latest.
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { BoardFormatError, fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput } from '../create-board-adapter.ts';
import { isoDay, parseJsonFile } from '../parse-file.ts';
import { arenaRanks, winRatePercent } from './arena-rank.ts';

const TITLE = 'LMArena';
/** The API's largest page. */
const PAGE_LENGTH = 100;
/** A bound on a runaway total: 200 pages of 100 rows is well above the text arena's latest split. */
const MAX_PAGES = 200;

const Row = z.looseObject({
  model_name: z.string().min(1),
  organization: z.string().nullish(),
  rating: z.number(),
  rating_lower: z.number(),
  rating_upper: z.number(),
  vote_count: z.number().nullish(),
  rank: z.number().nullish(),
  category: z.string().min(1),
  leaderboard_publish_date: z.string().nullish(),
});
const Page = z.looseObject({
  rows: z.array(z.looseObject({ row_idx: z.number().optional(), row: Row })),
  num_rows_total: z.number().int().min(0),
});

/** The configured `length` when it is a valid page size, else the largest page. */
function pageLength(url: string): number {
  const given = Number(new URL(url).searchParams.get('length'));
  return Number.isInteger(given) && given > 0 && given <= PAGE_LENGTH ? given : PAGE_LENGTH;
}

/** The URL of the page at `offset`, keeping every other query parameter of the configured URL. */
function pageUrl(url: string, offset: number): string {
  const parsed = new URL(url);
  parsed.searchParams.set('offset', String(offset));
  parsed.searchParams.set('length', String(pageLength(url)));
  return parsed.toString();
}

function morePages(url: string, files: Files): string[] {
  const first = files.get(pageUrl(url, 0));
  if (!first) return [];
  const total = parseJsonFile(TITLE, pageUrl(url, 0), first, Page).num_rows_total;
  const length = pageLength(url);
  const pages = Math.ceil(total / length);
  if (pages > MAX_PAGES) {
    throw new BoardFormatError(
      TITLE,
      fileName(url),
      'num_rows_total',
      `${total} rows is more than ${MAX_PAGES} pages`,
    );
  }
  return Array.from({ length: Math.max(0, pages - 1) }, (_, i) => pageUrl(url, (i + 1) * length));
}

type ArenaRow = z.infer<typeof Row>;

function parseLmarena(files: Files): RowInput[] {
  const all: ArenaRow[] = [];
  for (const [url, bytes] of files) {
    const page = parseJsonFile(TITLE, url, bytes, Page);
    page.rows.forEach(({ row }, i) => {
      if (!(row.rating_lower <= row.rating && row.rating <= row.rating_upper)) {
        throw new BoardFormatError(TITLE, fileName(url), `rows.${i}.row.rating`, 'outside its own interval');
      }
      all.push(row);
    });
  }
  const newest = all.reduce(
    (max, r) => ((r.leaderboard_publish_date ?? '') > max ? (r.leaderboard_publish_date ?? '') : max),
    '',
  );
  const latest = all.filter((r) => (r.leaderboard_publish_date ?? '') === newest);
  const byCategory = new Map<string, ArenaRow[]>();
  for (const row of latest) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row]);

  const rows: RowInput[] = [];
  for (const [category, models] of byCategory) {
    const ranks = arenaRanks(models.map((m) => ({ lower: m.rating_lower, upper: m.rating_upper })));
    models.forEach((m, i) => {
      rows.push({
        board: 'lmarena',
        subboard: category,
        entryKey: `${category}/${m.model_name}`,
        displayName: m.model_name,
        modelRefs: [m.model_name],
        score: winRatePercent(m.rating),
        ciLow: winRatePercent(m.rating_lower),
        ciHigh: winRatePercent(m.rating_upper),
        votes: m.vote_count === null || m.vote_count === undefined ? null : Math.round(m.vote_count),
        date: isoDay(m.leaderboard_publish_date),
        metrics: {
          rating: m.rating,
          ratingLower: m.rating_lower,
          ratingUpper: m.rating_upper,
          arenaRank: ranks[i] ?? 1,
          ...(m.rank ? { publishedRank: m.rank } : {}),
        },
      });
    });
  }
  return rows;
}

export function createLmarenaAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'lmarena',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.01,
    plan: (url) => [pageUrl(url, 0)],
    more: morePages,
    parse: parseLmarena,
  });
}
