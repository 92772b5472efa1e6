import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAtomFeed } from './atom-parser.ts';
import { ArxivFeedError, ArxivMalformedFeedError } from './errors.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../tests/fixtures/arxiv/${name}`, import.meta.url), 'utf8');

describe('parseAtomFeed on recorded arXiv answers', () => {
  it('reads every entry of a search page with all its fields', () => {
    const page = parseAtomFeed(fixture('query_search_testing_start0_max10.xml'));
    expect(page.totalResults).toBe(214881);
    expect(page.startIndex).toBe(0);
    expect(page.itemsPerPage).toBe(10);
    expect(page.papers).toHaveLength(10);
    expect(page.skipped).toEqual([]);
    expect(page.papers[0]).toEqual({
      id: '2202.12139',
      version: 1,
      title: 'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      abstract: expect.stringMatching(/^Deep Learning \(DL\) has revolutionized .* discuss its results\.$/),
      authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
      categories: ['cs.SE', 'cs.LG'],
      primaryCategory: 'cs.SE',
      comment: 'Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022',
      journalRef:
        'Artificial Intelligence in Software Testing @ 2022 IEEE International Conference on Software Testing, Verification and Validation Workshops (ICSTW)',
      doi: '10.1109/ICSTW55395.2022.00035',
      published: '2022-02-24T15:05:19Z',
      updated: '2022-02-24T15:05:19Z',
      absUrl: 'https://arxiv.org/abs/2202.12139v1',
      pdfUrl: 'https://arxiv.org/pdf/2202.12139v1',
    });
    expect(page.papers[1]?.authors).toContain('Aurora Ramírez');
  });

  it('reads an old-style id without its version, decoding entities in the abstract', () => {
    const page = parseAtomFeed(fixture('query_id_list_old_style_id.xml'));
    const [paper] = page.papers;
    expect(paper?.id).toBe('astro-ph/0601001');
    expect(paper?.version).toBe(1);
    expect(paper?.categories).toEqual(['astro-ph']);
    expect(paper?.journalRef).toBe('ActaAstron.56:1-50,2006');
    expect(paper?.abstract).toContain('Gould & Morgan (2003)');
    expect(paper?.abstract).toContain('V_max<17.5');
    expect(paper?.abstract.startsWith('We derive')).toBe(true);
  });

  it('normalizes whitespace in titles and abstracts that span lines', () => {
    const page = parseAtomFeed(fixture('legacy_2016_query_au_del_maestro.xml'));
    expect(page.totalResults).toBe(31);
    const striped = page.papers.find((p) => p.title.startsWith('A striped supersolid'));
    expect(striped?.title).toBe(
      'A striped supersolid phase and the search for deconfined quantum criticality in hard-core bosons on the triangular lattice',
    );
    for (const paper of page.papers) {
      expect(paper.title).not.toMatch(/\s{2}|\n|^\s|\s$/);
      expect(paper.abstract).not.toMatch(/\s{2}|\n|^\s|\s$/);
    }
  });

  it('reads an empty result as no papers and zero total', () => {
    expect(parseAtomFeed(fixture('query_empty_result.xml'))).toEqual({
      papers: [],
      skipped: [],
      totalResults: 0,
      startIndex: 0,
      itemsPerPage: 100,
    });
  });

  it("turns arXiv's error feed into ArxivFeedError with arXiv's message", () => {
    const parse = () => parseAtomFeed(fixture('query_error_400_bad_id.xml'));
    expect(parse).toThrow(ArxivFeedError);
    expect(parse).toThrow('arXiv answered with an error: incorrect id format for abc');
  });
});

describe('parseAtomFeed on bodies that are not a feed', () => {
  it.each([
    ['truncated XML', fixture('query_search_testing_start0_max10.xml').slice(0, 3000)],
    ['JSON', '{"truncated": '],
    ['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['an empty body', ''],
  ])('throws ArxivMalformedFeedError on %s', (_name, body) => {
    expect(() => parseAtomFeed(body)).toThrow(ArxivMalformedFeedError);
  });

  it('skips an entry whose id is not an arXiv id and keeps the others', () => {
    const xml = fixture('query_id_list_old_style_id.xml').replace(
      'http://arxiv.org/abs/astro-ph/0601001v1',
      'http://arxiv.org/abs/not-an-id',
    );
    const page = parseAtomFeed(xml);
    expect(page.papers).toEqual([]);
    expect(page.skipped).toEqual([
      { id: 'http://arxiv.org/abs/not-an-id', reason: expect.stringContaining('not an arXiv id') },
    ]);
  });

  it('builds abs/pdf links from the site URL when an entry carries none', () => {
    const xml = fixture('query_id_list_old_style_id.xml').replace(
      /\s*<link href="https:\/\/arxiv\.org\/(abs|pdf)[^>]*\/>/g,
      '',
    );
    const [paper] = parseAtomFeed(xml, { siteUrl: 'http://127.0.0.1:9' }).papers;
    expect(paper?.absUrl).toBe('http://127.0.0.1:9/abs/astro-ph/0601001v1');
    expect(paper?.pdfUrl).toBe('http://127.0.0.1:9/pdf/astro-ph/0601001v1');
  });
});
