/**
 * The papers an arXiv fake serves, and helpers that build them from lines of the shared arXiv
 * dump (`/work/shared/data/arxiv/*.jsonl`). Tests read the small copy in
 * `tests/fixtures/arxiv/sample-papers.jsonl` so they never depend on files outside the repo.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export interface FakePaper {
  /** Without version: `2605.01234` or `astro-ph/0601001`. */
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /** Every category, the primary one included. */
  categories: string[];
  primaryCategory: string;
  /** ISO timestamp of v1, e.g. `2026-05-04T13:07:21Z`. */
  published: string;
  /** ISO timestamp of the latest version. */
  updated: string;
  comment?: string;
  journalRef?: string;
  doi?: string;
  /** Per-author affiliations, index-aligned with `authors`; rendered as `arxiv:affiliation`. */
  affiliations?: Array<string | undefined>;
}

export const SAMPLE_PAPERS_FILE = fileURLToPath(
  new URL('../../fixtures/arxiv/sample-papers.jsonl', import.meta.url),
);

const jsonlPaperSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()).min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  comment: z.string().nullish(),
});

/**
 * A time of day derived from the id, so papers of one day spread over it (and `submittedDate`
 * ranges finer than a day select something) while staying deterministic.
 */
function timeOfDay(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) % 86_400;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(hash / 3600))}:${pad(Math.floor((hash % 3600) / 60))}:${pad(hash % 60)}`;
}

/** Turns jsonl lines of the shared arXiv dump into fake papers; blank lines are skipped. */
export function papersFromJsonl(lines: string | readonly string[]): FakePaper[] {
  const list = typeof lines === 'string' ? lines.split('\n') : lines;
  const papers: FakePaper[] = [];
  for (const [index, line] of list.entries()) {
    if (line.trim() === '') continue;
    const parsed = jsonlPaperSchema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`paper line ${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const row = parsed.data;
    const timestamp = `${row.published}T${timeOfDay(row.id)}Z`;
    papers.push({
      id: row.id,
      version: 1,
      title: row.title,
      abstract: row.abstract,
      authors: row.authors,
      categories: row.categories,
      primaryCategory: row.categories[0] ?? 'cs.AI',
      published: timestamp,
      updated: timestamp,
      ...(row.comment ? { comment: row.comment } : {}),
    });
  }
  return papers;
}

export interface LoadPapersOptions {
  /** A jsonl file; default the sample copied into the fixtures. */
  file?: string;
  /** Keep papers whose primary category is one of these. */
  categories?: readonly string[];
  /** Keep papers published on one of these days (YYYY-MM-DD). */
  dates?: readonly string[];
}

/** The first `n` papers (all when omitted) of the sample, or of another dump file, filtered. */
export function loadSharedPapers(n?: number, options: LoadPapersOptions = {}): FakePaper[] {
  const papers = papersFromJsonl(readFileSync(options.file ?? SAMPLE_PAPERS_FILE, 'utf8')).filter(
    (p) =>
      (options.categories === undefined || options.categories.includes(p.primaryCategory)) &&
      (options.dates === undefined || options.dates.includes(p.published.slice(0, 10))),
  );
  return n === undefined ? papers : papers.slice(0, n);
}

/** A paper with plausible defaults, for tests that need one specific record. */
export function makePaper(overrides: Partial<FakePaper> & { id: string }): FakePaper {
  const published = overrides.published ?? '2026-05-04T12:00:00Z';
  const primaryCategory = overrides.primaryCategory ?? overrides.categories?.[0] ?? 'cs.CL';
  return {
    version: 1,
    title: `Paper ${overrides.id}`,
    abstract: `The abstract of paper ${overrides.id}.`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: [primaryCategory],
    primaryCategory,
    published,
    updated: published,
    ...overrides,
  };
}
