/**
 * The port the paper collector needs: a source that lists the papers of a date window page by
 * page, handing each page over before it fetches the next, so a page is written before the
 * next request can fail.
 */
import type { Paper } from '../store/schemas.ts';

/** Whole UTC days, both ends included, as `YYYY-MM-DD`. */
export interface DateWindow {
  since: string;
  until: string;
}

/** A record the source could not turn into a paper; the rest of its page is still used. */
export interface SkippedRecord {
  id: string;
  reason: string;
}

export interface PaperPage {
  /** 1-based. */
  number: number;
  papers: Paper[];
  skipped: SkippedRecord[];
  /** How many records the whole window holds, when the source says. */
  totalResults: number | undefined;
}

export interface PaperSource {
  /** Names the source in messages, e.g. "arXiv API". */
  readonly name: string;
  /**
   * Fetches the window's papers in any of the categories, page by page; `onPage` is awaited
   * before the next page is requested. Rejects on the first failed or malformed page.
   */
  fetchWindow(
    window: DateWindow,
    categories: readonly string[],
    onPage: (page: PaperPage) => Promise<void>,
  ): Promise<{ pages: number }>;
}
