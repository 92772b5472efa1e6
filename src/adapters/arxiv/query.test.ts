import { describe, expect, it } from 'vitest';
import { buildOaiUrl, buildQueryUrl, buildSearchQuery, oaiSetsFor } from './query.ts';

describe('arXiv request building', () => {
  it('builds a category OR and a whole-day submittedDate range', () => {
    expect(buildSearchQuery(['cs.AI', 'cs.CL'], { since: '2026-11-18', until: '2026-11-21' })).toBe(
      '(cat:cs.AI OR cat:cs.CL) AND submittedDate:[202611180000 TO 202611212359]',
    );
    expect(buildSearchQuery(['cs'], { since: '2026-01-01', until: '2026-01-01' })).toBe(
      '(cat:cs.*) AND submittedDate:[202601010000 TO 202601012359]',
    );
  });

  it('pages a query sorted by submission date, the query encoded once', () => {
    const url = new URL(
      buildQueryUrl('http://127.0.0.1:1/api/query', {
        searchQuery: 'cat:cs.AI',
        start: 200,
        maxResults: 100,
      }),
    );
    expect(url.pathname).toBe('/api/query');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      search_query: 'cat:cs.AI',
      start: '200',
      max_results: '100',
      sortBy: 'submittedDate',
      sortOrder: 'ascending',
    });
  });

  it('maps categories to one OAI set per archive', () => {
    expect(oaiSetsFor(['cs.AI', 'cs.CL', 'stat.ML', 'hep-th', 'quant-ph'])).toEqual([
      'cs',
      'stat',
      'physics:hep-th',
      'physics:quant-ph',
    ]);
  });

  it('sends either the harvest arguments or only the resumption token', () => {
    const first = new URL(
      buildOaiUrl('http://h/oai', { set: 'cs', window: { since: '2026-01-01', until: '2026-03-31' } }),
    );
    expect(Object.fromEntries(first.searchParams)).toEqual({
      verb: 'ListRecords',
      metadataPrefix: 'arXiv',
      from: '2026-01-01',
      until: '2026-03-31',
      set: 'cs',
    });
    const next = new URL(buildOaiUrl('http://h/oai', { resumptionToken: '6960524|1001' }));
    expect(Object.fromEntries(next.searchParams)).toEqual({
      verb: 'ListRecords',
      resumptionToken: '6960524|1001',
    });
  });
});
