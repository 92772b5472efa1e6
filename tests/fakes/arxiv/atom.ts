/**
 * Renders arXiv API answers in the Atom format of export.arxiv.org/api/query as recorded in
 * `tests/fixtures/arxiv/query_search_testing_start0_max10.xml`: same namespaces, element order,
 * two-space indentation, `http://arxiv.org/abs/ID vN` ids and https links.
 */
import { createHash } from 'node:crypto';
import type { FakePaper } from './papers.ts';
import { escapeAttr, escapeXml, isoSeconds } from './xml.ts';

const FEED_OPEN =
  '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">';

export interface FeedPage {
  /** The query string as the client sent it, echoed in the feed title and link. */
  searchQuery: string;
  idList: string;
  start: number;
  maxResults: number;
  totalResults: number;
  entries: readonly FakePaper[];
  /** Where abs/pdf links point; arXiv's own site by default. */
  siteUrl: string;
  now: Date;
}

function renderEntry(paper: FakePaper, siteUrl: string): string {
  const vid = `${paper.id}v${paper.version}`;
  const lines = [
    '  <entry>',
    `    <id>http://arxiv.org/abs/${escapeXml(vid)}</id>`,
    `    <title>${escapeXml(paper.title)}</title>`,
    `    <updated>${isoSeconds(paper.updated)}</updated>`,
    `    <link href="${escapeAttr(`${siteUrl}/abs/${vid}`)}" rel="alternate" type="text/html"/>`,
    `    <link href="${escapeAttr(`${siteUrl}/pdf/${vid}`)}" rel="related" type="application/pdf" title="pdf"/>`,
    `    <summary>${escapeXml(paper.abstract)}</summary>`,
    ...paper.categories.map(
      (c) => `    <category term="${escapeAttr(c)}" scheme="http://arxiv.org/schemas/atom"/>`,
    ),
    `    <published>${isoSeconds(paper.published)}</published>`,
  ];
  if (paper.comment !== undefined)
    lines.push(`    <arxiv:comment>${escapeXml(paper.comment)}</arxiv:comment>`);
  lines.push(`    <arxiv:primary_category term="${escapeAttr(paper.primaryCategory)}"/>`);
  if (paper.journalRef !== undefined) {
    lines.push(`    <arxiv:journal_ref>${escapeXml(paper.journalRef)}</arxiv:journal_ref>`);
  }
  paper.authors.forEach((name, i) => {
    lines.push('    <author>', `      <name>${escapeXml(name)}</name>`);
    const affiliation = paper.affiliations?.[i];
    if (affiliation !== undefined)
      lines.push(`      <arxiv:affiliation>${escapeXml(affiliation)}</arxiv:affiliation>`);
    lines.push('    </author>');
  });
  if (paper.doi !== undefined) {
    lines.push(
      `    <arxiv:doi>${escapeXml(paper.doi)}</arxiv:doi>`,
      `    <link rel="related" href="${escapeAttr(`https://doi.org/${paper.doi}`)}" title="doi"/>`,
    );
  }
  lines.push('  </entry>');
  return lines.join('\n');
}

export function renderFeed(page: FeedPage): string {
  const queryText = `search_query=${page.searchQuery}&id_list=${page.idList}&start=${page.start}&max_results=${page.maxResults}`;
  const link = `https://arxiv.org/api/query?search_query=${page.searchQuery}&start=${page.start}&max_results=${page.maxResults}&id_list=${page.idList}`;
  const feedId = createHash('sha1').update(queryText).digest('base64').replace(/=+$/, '');
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    FEED_OPEN,
    `  <id>https://arxiv.org/api/${feedId}</id>`,
    `  <title>arXiv Query: ${escapeXml(queryText)}</title>`,
    `  <updated>${isoSeconds(page.now)}</updated>`,
    `  <link href="${escapeAttr(link)}" type="application/atom+xml"/>`,
    `  <opensearch:itemsPerPage>${page.maxResults}</opensearch:itemsPerPage>`,
    `  <opensearch:totalResults>${page.totalResults}</opensearch:totalResults>`,
    `  <opensearch:startIndex>${page.start}</opensearch:startIndex>`,
    ...page.entries.map((p) => renderEntry(p, page.siteUrl)),
    '</feed>',
    '',
  ].join('\n');
}

/** The feed arXiv sends with HTTP 400: one entry titled "Error" (query_error_400_bad_id.xml). */
export function renderErrorFeed(message: string, now: Date): string {
  const anchor = `https://arxiv.org/api/errors#${message.replace(/[^A-Za-z0-9.]+/g, '_')}`;
  const stamp = isoSeconds(now);
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    FEED_OPEN,
    '  <id>https://arxiv.org/</id>',
    '  <title>arXiv Search Results</title>',
    `  <updated>${stamp}</updated>`,
    '  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>',
    '  <opensearch:totalResults>1</opensearch:totalResults>',
    '  <opensearch:startIndex>0</opensearch:startIndex>',
    '  <entry>',
    `    <id>${escapeXml(anchor)}</id>`,
    '    <title>Error</title>',
    `    <updated>${stamp}</updated>`,
    `    <link href="${escapeAttr(anchor)}" rel="alternate" type="text/html"/>`,
    `    <summary>${escapeXml(message)}</summary>`,
    '    <author>',
    '      <name>arXiv api core</name>',
    '    </author>',
    '  </entry>',
    '</feed>',
    '',
  ].join('\n');
}
