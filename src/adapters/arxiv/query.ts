/** Request URLs of the arXiv export API and of OAI-PMH for a date window and categories. */
import type { DateWindow } from '../../papers/paper-source.ts';

const PHYSICS_ARCHIVES = new Set([
  'astro-ph',
  'cond-mat',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math-ph',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'physics',
  'quant-ph',
]);

const compact = (day: string): string => day.replaceAll('-', '');

/** `cs.CL` stays; a bare archive such as `cs` becomes `cs.*` (every category of it). */
function catTerm(category: string): string {
  return category.includes('.') ? `cat:${category}` : `cat:${category}.*`;
}

/** `(cat:cs.AI OR cat:cs.CL) AND submittedDate:[202611180000 TO 202611212359]` (UTC, both days whole). */
export function buildSearchQuery(categories: readonly string[], window: DateWindow): string {
  const cats = categories.map(catTerm).join(' OR ');
  return `(${cats}) AND submittedDate:[${compact(window.since)}0000 TO ${compact(window.until)}2359]`;
}

export interface QueryPage {
  searchQuery: string;
  start: number;
  maxResults: number;
}

/** Sorted by submission date, oldest first, so that paging is stable while arXiv adds papers. */
export function buildQueryUrl(apiUrl: string, page: QueryPage): string {
  const url = new URL(apiUrl);
  url.searchParams.set('search_query', page.searchQuery);
  url.searchParams.set('start', String(page.start));
  url.searchParams.set('max_results', String(page.maxResults));
  url.searchParams.set('sortBy', 'submittedDate');
  url.searchParams.set('sortOrder', 'ascending');
  return url.toString();
}

/**
 * The OAI-PMH sets that hold the categories: one per archive (`cs`, `stat`, `physics:hep-th`),
 * which both the old and the new arXiv OAI endpoints serve; finer filtering happens on our side.
 */
export function oaiSetsFor(categories: readonly string[]): string[] {
  const sets = categories.map((category) => {
    const archive = category.split('.')[0] ?? category;
    return PHYSICS_ARCHIVES.has(archive) ? `physics:${archive}` : archive;
  });
  return [...new Set(sets)];
}

export type OaiRequest = { set: string; window: DateWindow } | { resumptionToken: string };

export function buildOaiUrl(oaiUrl: string, request: OaiRequest): string {
  const url = new URL(oaiUrl);
  url.searchParams.set('verb', 'ListRecords');
  if ('resumptionToken' in request) {
    url.searchParams.set('resumptionToken', request.resumptionToken);
  } else {
    url.searchParams.set('metadataPrefix', 'arXiv');
    url.searchParams.set('from', request.window.since);
    url.searchParams.set('until', request.window.until);
    url.searchParams.set('set', request.set);
  }
  return url.toString();
}
