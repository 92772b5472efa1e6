/** `GET /api/query`: the arXiv export API over the fake's paper set. */
import type { FakeResponse, RecordedRequest } from '../fake-server.ts';
import { renderErrorFeed, renderFeed } from './atom.ts';
import type { FakePaper } from './papers.ts';
import { isValidArxivId, type Predicate, parseSearchQuery, QuerySyntaxError, splitVersion } from './query.ts';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export interface QueryContext {
  papers: readonly FakePaper[];
  siteUrl: string;
  now: () => Date;
}

class BadRequest extends Error {}

function integerParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new BadRequest(`${name} must be an integer`);
  const value = Number(raw);
  if (value < 0) throw new BadRequest(`${name} must be non-negative`);
  return value;
}

function sortPapers(papers: FakePaper[], sortBy: string | null, sortOrder: string | null): FakePaper[] {
  if (sortBy !== null && !['relevance', 'lastUpdatedDate', 'submittedDate'].includes(sortBy)) {
    throw new BadRequest('sortBy must be in: relevance, lastUpdatedDate, submittedDate');
  }
  if (sortOrder !== null && !['ascending', 'descending'].includes(sortOrder)) {
    throw new BadRequest('sortOrder must be in: ascending, descending');
  }
  if (sortBy === null || sortBy === 'relevance') return papers;
  const key = (p: FakePaper): number => Date.parse(sortBy === 'submittedDate' ? p.published : p.updated);
  const sign = sortOrder === 'ascending' ? 1 : -1;
  return papers
    .map((paper, index) => ({ paper, index }))
    .sort((a, b) => sign * (key(a.paper) - key(b.paper)) || a.index - b.index)
    .map(({ paper }) => paper);
}

/** The papers named in id_list, in that order; a version suffix must match the current version. */
function selectByIds(papers: readonly FakePaper[], idList: string): FakePaper[] {
  const selected: FakePaper[] = [];
  for (const raw of idList.split(',').map((s) => s.trim())) {
    if (!isValidArxivId(raw)) throw new BadRequest(`incorrect id format for ${raw}`);
    const { id, version } = splitVersion(raw);
    const paper = papers.find((p) => p.id === id);
    if (paper && (version === undefined || version <= paper.version)) {
      selected.push(version === undefined ? paper : { ...paper, version });
    }
  }
  return selected;
}

export function handleQuery(req: RecordedRequest, context: QueryContext): FakeResponse {
  const searchQuery = req.query.get('search_query') ?? '';
  const idList = req.query.get('id_list') ?? '';
  try {
    const start = integerParam(req.query, 'start', 0);
    const maxResults = integerParam(req.query, 'max_results', 10);
    let predicate: Predicate | undefined;
    try {
      predicate = searchQuery.trim() === '' ? undefined : parseSearchQuery(searchQuery);
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw new BadRequest(`malformed search_query: ${error.message}`);
      throw error;
    }
    let matches =
      idList.trim() === '' ? (predicate ? [...context.papers] : []) : selectByIds(context.papers, idList);
    if (predicate) matches = matches.filter(predicate);
    const sorted = sortPapers(matches, req.query.get('sortBy'), req.query.get('sortOrder'));
    const body = renderFeed({
      searchQuery,
      idList,
      start,
      maxResults,
      totalResults: sorted.length,
      entries: sorted.slice(start, start + maxResults),
      siteUrl: context.siteUrl,
      now: context.now(),
    });
    return { status: 200, headers: { 'content-type': ATOM_CONTENT_TYPE }, body };
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    return {
      status: 400,
      headers: { 'content-type': ATOM_CONTENT_TYPE },
      body: renderErrorFeed(error.message, context.now()),
    };
  }
}
