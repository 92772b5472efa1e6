/**
 * The paper collect job: decides the window, fetches it page by page from a PaperSource,
 * writes each page to the papers store before the next is fetched, and advances the cursor
 * only once every page of the window is written. A failure leaves the pages already written
 * (a re-run finds them unchanged) and the cursor where it was.
 */
import { errorMessage, RadarError } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { KvStore } from '../store/kv-store.ts';
import type { PapersStore } from '../store/papers-store.ts';
import {
  type CollectCounts,
  computeWindow,
  dayOf,
  formatWindow,
  inCategories,
  isDay,
  zeroNewReason,
} from './collect-window.ts';
import type { DateWindow, PaperPage, PaperSource } from './paper-source.ts';

export const CURSOR_KEY = 'collect.papers.lastSuccess';

export interface CollectDeps {
  source: PaperSource;
  papers: PapersStore;
  kv: KvStore;
  logger: Logger;
  now: () => Date;
}

export interface CollectOptions {
  categories: readonly string[];
  firstRunDays: number;
  since?: string | undefined;
  until?: string | undefined;
}

export interface CollectResult extends CollectCounts {
  window: DateWindow;
  categories: readonly string[];
  /** Set when no paper was new. */
  reason: string | undefined;
}

/** A page failed: what was written stays, the cursor did not move. */
export class CollectPapersError extends RadarError {
  constructor(
    readonly window: DateWindow,
    readonly counts: CollectCounts,
    readonly cursor: string | undefined,
    cause: unknown,
  ) {
    super(
      `collecting papers ${formatWindow(window)} failed on page ${counts.pages + 1}: ${errorMessage(cause)}\n` +
        `  nothing was written for that page; ${counts.pages} earlier page(s) were written ` +
        `(new ${counts.added}, updated ${counts.updated}, unchanged ${counts.unchanged}).\n` +
        `  The cursor stays at ${cursor ?? '(none)'}, so the next run covers this window again.`,
      { cause },
    );
  }
}

async function readCursor(kv: KvStore, logger: Logger): Promise<string | undefined> {
  const value = await kv.get(CURSOR_KEY);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && isDay(value)) return value;
  logger.warn({ key: CURSOR_KEY, value }, 'ignoring a cursor that is not a YYYY-MM-DD day');
  return undefined;
}

export async function collectPapers(deps: CollectDeps, options: CollectOptions): Promise<CollectResult> {
  const cursor = await readCursor(deps.kv, deps.logger);
  const today = dayOf(deps.now());
  const window = computeWindow({ ...options, lastSuccess: cursor, today });
  const counts: CollectCounts = { added: 0, updated: 0, unchanged: 0, pages: 0, skipped: 0 };
  const seen = new Set<string>();

  const writePage = async (page: PaperPage): Promise<void> => {
    // A paper cross-listed in two wanted categories, or repeated across pages, is written once.
    const fresh = page.papers.filter(
      (p) => inCategories(p.categories, options.categories) && !seen.has(`${p.id}v${p.version}`),
    );
    const result = await deps.papers.upsert(fresh);
    for (const paper of fresh) seen.add(`${paper.id}v${paper.version}`);
    counts.added += result.added;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    counts.skipped += page.skipped.length;
    counts.pages += 1;
    for (const skip of page.skipped)
      deps.logger.warn({ id: skip.id, reason: skip.reason }, 'skipped an arXiv record');
    deps.logger.info(
      { page: page.number, total: page.totalResults, ...result },
      `${deps.source.name} page written`,
    );
  };

  try {
    await deps.source.fetchWindow(window, options.categories, writePage);
  } catch (error) {
    throw new CollectPapersError(window, counts, cursor, error);
  }
  // A backfill of an older window never moves the cursor back.
  if (cursor === undefined || window.until > cursor) await deps.kv.set({ [CURSOR_KEY]: window.until });
  const reason = counts.added === 0 ? zeroNewReason(counts, window, options.categories, today) : undefined;
  return { ...counts, window, categories: options.categories, reason };
}
