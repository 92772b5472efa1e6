/**
 * Reads a page of the arXiv export API (Atom 1.0 with `opensearch:` and `arxiv:` extensions)
 * into papers. An error answer (one entry titled "Error") throws ArxivFeedError with arXiv's
 * message; a body that is not such a feed throws ArxivMalformedFeedError. An entry that cannot
 * become a paper is reported in `skipped` instead of failing the page.
 */
import { z } from 'zod';
import { parseArxivId } from '../../core/arxiv-id.ts';
import type { SkippedRecord } from '../../papers/paper-source.ts';
import { Paper } from '../../store/schemas.ts';
import { ArxivFeedError, ArxivMalformedFeedError } from './errors.ts';
import { cleanOptional, firstIssue, normalizeWhitespace, parseXml, xmlInt, xmlText } from './xml.ts';

export interface AtomPage {
  papers: Paper[];
  skipped: SkippedRecord[];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
}

const term = z.looseObject({ term: z.string() });

const AtomEntry = z.looseObject({
  id: xmlText,
  title: xmlText.default(''),
  summary: xmlText.default(''),
  updated: xmlText.default(''),
  published: xmlText.default(''),
  author: z.array(z.looseObject({ name: xmlText })).default([]),
  category: z.array(term).default([]),
  primary_category: term.optional(),
  link: z
    .array(z.looseObject({ href: z.string(), rel: z.string().optional(), title: z.string().optional() }))
    .default([]),
  comment: xmlText.optional(),
  journal_ref: xmlText.optional(),
  doi: xmlText.optional(),
});
type AtomEntry = z.infer<typeof AtomEntry>;

const AtomFeed = z.object({
  feed: z.looseObject({
    totalResults: xmlInt,
    startIndex: xmlInt.default(0),
    itemsPerPage: xmlInt.default(0),
    entry: z.array(z.unknown()).default([]),
  }),
});

const ErrorEntry = z.looseObject({ id: xmlText, title: xmlText, summary: xmlText.default('') });

/** arXiv's error answer: a single entry titled "Error" whose id points at /api/errors. */
function errorMessageOf(entries: readonly unknown[]): string | undefined {
  for (const raw of entries) {
    const entry = ErrorEntry.safeParse(raw);
    if (entry.success && entry.data.title.trim() === 'Error' && /\/api\/errors/.test(entry.data.id)) {
      return normalizeWhitespace(entry.data.summary) || 'unknown error';
    }
  }
  return undefined;
}

function linkOf(entry: AtomEntry, pick: (l: AtomEntry['link'][number]) => boolean): string | undefined {
  return entry.link.find(pick)?.href;
}

function toPaper(entry: AtomEntry, siteUrl: string): Paper | string {
  const parsedId = parseArxivId(entry.id);
  if (!parsedId) return `not an arXiv id: ${entry.id}`;
  const vid = `${parsedId.id}v${parsedId.version ?? 1}`;
  const categories = [...new Set(entry.category.map((c) => c.term))];
  const primaryCategory = entry.primary_category?.term ?? categories[0] ?? '';
  if (!categories.includes(primaryCategory) && primaryCategory !== '') categories.unshift(primaryCategory);
  const comment = cleanOptional(entry.comment);
  const journalRef = cleanOptional(entry.journal_ref);
  const doi = cleanOptional(entry.doi);
  const candidate = {
    id: parsedId.id,
    version: parsedId.version ?? 1,
    title: normalizeWhitespace(entry.title),
    abstract: normalizeWhitespace(entry.summary),
    authors: entry.author.map((a) => normalizeWhitespace(a.name)).filter((name) => name !== ''),
    categories,
    primaryCategory,
    ...(comment !== undefined ? { comment } : {}),
    ...(journalRef !== undefined ? { journalRef } : {}),
    ...(doi !== undefined ? { doi } : {}),
    published: entry.published.trim(),
    updated: entry.updated.trim() || entry.published.trim(),
    absUrl: linkOf(entry, (l) => l.rel === 'alternate') ?? `${siteUrl}/abs/${vid}`,
    pdfUrl: linkOf(entry, (l) => l.title === 'pdf') ?? `${siteUrl}/pdf/${vid}`,
  };
  const paper = Paper.safeParse(candidate);
  return paper.success ? paper.data : firstIssue(paper.error);
}

export interface AtomParseOptions {
  /** Where abs/pdf links point when an entry carries none; default https://arxiv.org. */
  siteUrl?: string;
}

export function parseAtomFeed(xml: string, options: AtomParseOptions = {}): AtomPage {
  const siteUrl = options.siteUrl ?? 'https://arxiv.org';
  const feed = AtomFeed.safeParse(parseXml(xml, ['entry', 'author', 'category', 'link']));
  if (!feed.success) throw new ArxivMalformedFeedError(`not an arXiv Atom feed (${firstIssue(feed.error)})`);
  const { entry: entries, totalResults, startIndex, itemsPerPage } = feed.data.feed;
  const arxivError = errorMessageOf(entries);
  if (arxivError !== undefined) throw new ArxivFeedError(arxivError);
  const papers: Paper[] = [];
  const skipped: SkippedRecord[] = [];
  for (const raw of entries) {
    const entry = AtomEntry.safeParse(raw);
    const result = entry.success ? toPaper(entry.data, siteUrl) : firstIssue(entry.error);
    if (typeof result === 'string') skipped.push({ id: idOf(raw), reason: result });
    else papers.push(result);
  }
  return { papers, skipped, totalResults, startIndex, itemsPerPage };
}

function idOf(raw: unknown): string {
  const parsed = z.looseObject({ id: xmlText }).safeParse(raw);
  return parsed.success ? parsed.data.id : '(no id)';
}
