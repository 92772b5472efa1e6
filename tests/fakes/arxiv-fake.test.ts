import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/http/errors.ts';
import { createHttpClient } from '../../src/http/http-client.ts';
import { entryId, parseAtomFeed, parseOaiListRecords } from './arxiv/parse-feed.ts';
import { type ArxivFake, type FakePaper, loadSharedPapers, makePaper, startArxivFake } from './arxiv-fake.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/arxiv/${name}`, import.meta.url), 'utf8');

const client = createHttpClient({ retry: { retries: 0 }, timeoutMs: 5000 });
const papers = loadSharedPapers();
let fake: ArxivFake;

beforeAll(async () => {
  fake = await startArxivFake({ papers });
});
afterAll(() => fake.close());

async function query(params: Record<string, string>): Promise<string> {
  return client.getText(`${fake.url}/api/query?${new URLSearchParams(params).toString()}`, {
    operation: 'arXiv query',
  });
}

function entryBlock(xml: string, index = 0): string {
  return [...xml.matchAll(/ {2}<entry>[\s\S]*?<\/entry>/g)][index]?.[0] ?? '';
}

describe('arXiv fake: the sample papers', () => {
  it('holds 60 papers over four categories and three days', () => {
    expect(papers).toHaveLength(60);
    expect(new Set(papers.map((p) => p.primaryCategory))).toEqual(
      new Set(['cs.AI', 'cs.CL', 'cs.CV', 'cs.IT']),
    );
    expect(new Set(papers.map((p) => p.published.slice(0, 10)))).toEqual(
      new Set(['2026-05-04', '2026-05-05', '2026-05-06']),
    );
    expect(papers[0]?.published).toMatch(/^2026-05-0\dT\d{2}:\d{2}:\d{2}Z$/);
    expect(loadSharedPapers(5, { categories: ['cs.IT'], dates: ['2026-05-05'] })).toHaveLength(5);
  });
});

describe('arXiv fake: export API', () => {
  it('renders an entry exactly like the recorded feed', async () => {
    const recorded = fixture('query_search_testing_start0_max10.xml');
    const [first] = parseAtomFeed(recorded).entry;
    if (!first) throw new Error('fixture has no entry');
    const paper: FakePaper = {
      id: '2202.12139',
      version: 1,
      title: first.title,
      abstract: first.summary,
      authors: first.author.map((a) => a.name),
      categories: (first.category ?? []).map((c) => c['@_term']),
      primaryCategory: first['arxiv:primary_category']?.['@_term'] ?? '',
      published: first.published ?? '',
      updated: first.updated,
      ...(first['arxiv:comment'] ? { comment: first['arxiv:comment'] } : {}),
      ...(first['arxiv:journal_ref'] ? { journalRef: first['arxiv:journal_ref'] } : {}),
      ...(first['arxiv:doi'] ? { doi: first['arxiv:doi'] } : {}),
    };
    fake.addPapers([paper]);
    const served = await query({ id_list: '2202.12139' });
    expect(entryBlock(served)).toBe(entryBlock(recorded));
    fake.setPapers(papers);
  });

  it('answers the error feed of the recorded 400 for a malformed id', async () => {
    const frozen = await startArxivFake({ now: () => new Date('2026-04-12T22:59:06Z') });
    const error = await client
      .getText(`${frozen.url}/api/query?id_list=abc`, { operation: 'arXiv query' })
      .catch((e: unknown) => e);
    await frozen.close();
    expect(error).toBeInstanceOf(HttpStatusError);
    if (!(error instanceof HttpStatusError)) return;
    expect(error.status).toBe(400);
    expect(error.retryable).toBe(false);
    expect(error.bodySnippet).toContain('incorrect id format for abc');
    expect(frozen.requests[0]?.query.get('id_list')).toBe('abc');
  });

  it('serves the recorded error feed byte for byte', async () => {
    const frozen = await startArxivFake({ now: () => new Date('2026-04-12T22:59:06Z') });
    const response = await fetch(`${frozen.url}/api/query?id_list=abc`);
    const body = await response.text();
    await frozen.close();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/atom+xml');
    expect(body.trim()).toBe(fixture('query_error_400_bad_id.xml').trim());
  });

  it('answers an empty feed in the recorded shape', async () => {
    const served = await query({ search_query: '', id_list: '0000.0000', start: '0', max_results: '100' });
    const recorded = fixture('query_empty_result.xml');
    const withoutVolatile = (xml: string): string =>
      xml
        .replace(/<id>.*<\/id>/, '')
        .replace(/<updated>.*<\/updated>/, '')
        .trim();
    expect(withoutVolatile(served)).toBe(withoutVolatile(recorded));
    expect(parseAtomFeed(served)).toMatchObject({ 'opensearch:totalResults': 0, entry: [] });
  });

  it('pages a category and date query in submission order', async () => {
    const search = '(cat:cs.CL OR cat:cs.IT) AND submittedDate:[202605040000 TO 202605052359]';
    const expected = papers
      .filter(
        (p) =>
          (p.categories.includes('cs.CL') || p.categories.includes('cs.IT')) &&
          p.published >= '2026-05-04' &&
          p.published < '2026-05-06',
      )
      .sort((a, b) => b.published.localeCompare(a.published));
    expect(expected.length).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let start = 0; start < expected.length; start += 7) {
      const feed = parseAtomFeed(
        await query({
          search_query: search,
          start: String(start),
          max_results: '7',
          sortBy: 'submittedDate',
          sortOrder: 'descending',
        }),
      );
      expect(feed['opensearch:totalResults']).toBe(expected.length);
      expect(feed['opensearch:startIndex']).toBe(start);
      expect(feed['opensearch:itemsPerPage']).toBe(7);
      seen.push(...feed.entry.map(entryId));
    }
    expect(seen).toEqual(expected.map((p) => `${p.id}v1`));
  });

  it('narrows submittedDate to the minute', async () => {
    const [target] = papers;
    if (!target) throw new Error('no papers');
    const stamp = target.published.replace(/[-T:]/g, '').slice(0, 12);
    const feed = parseAtomFeed(await query({ search_query: `submittedDate:[${stamp} TO ${stamp}]` }));
    expect(feed.entry.map(entryId)).toContain(`${target.id}v1`);
    expect(feed.entry.every((e) => (e.published ?? '').startsWith(target.published.slice(0, 16)))).toBe(true);
  });

  it('returns only the existing papers of an id_list, in its order', async () => {
    const [a, b] = papers;
    const feed = parseAtomFeed(await query({ id_list: `${b?.id},2605.99999,${a?.id}v1` }));
    expect(feed.entry.map(entryId)).toEqual([`${b?.id}v1`, `${a?.id}v1`]);
    expect(feed['opensearch:totalResults']).toBe(2);
  });

  it('escapes XML so titles and abstracts round-trip', async () => {
    const tricky = makePaper({
      id: '2605.00001',
      title: 'Tags <b> & "quotes" in a title',
      abstract: 'p < 0.05 & x > y; AT&T\u0007',
      authors: ['Zoë Ångström', "R. O'Neil"],
      comment: '10 pages & 3 <figures>',
      doi: '10.1000/a&b',
      affiliations: ['ETH Zürich & EPFL'],
    });
    fake.addPapers([tricky]);
    const [entry] = parseAtomFeed(await query({ id_list: '2605.00001' })).entry;
    fake.setPapers(papers);
    expect(entry?.title).toBe(tricky.title);
    expect(entry?.summary).toBe('p < 0.05 & x > y; AT&T');
    expect(entry?.author).toEqual([
      { name: 'Zoë Ångström', 'arxiv:affiliation': 'ETH Zürich & EPFL' },
      { name: "R. O'Neil" },
    ]);
    expect(entry?.['arxiv:comment']).toBe(tricky.comment);
    expect(entry?.link.find((l) => l['@_title'] === 'doi')?.['@_href']).toBe('https://doi.org/10.1000/a&b');
  });

  it('answers 400 error feeds for bad parameters and query syntax', async () => {
    for (const params of [
      { search_query: 'cat:cs.CL', start: 'x' },
      { search_query: 'cat:cs.CL', max_results: '-1' },
      { search_query: '(cat:cs.CL OR', max_results: '1' },
      { search_query: 'cat:cs.CL', sortBy: 'stars' },
    ]) {
      const response = await fetch(`${fake.url}/api/query?${new URLSearchParams(params).toString()}`);
      const feed = parseAtomFeed(await response.text());
      expect(response.status).toBe(400);
      expect(feed.entry[0]?.title).toBe('Error');
    }
  });
});

describe('arXiv fake: OAI-PMH', () => {
  const oai = (params: Record<string, string>): Promise<string> =>
    client.getText(`${fake.url}/oai?${new URLSearchParams(params).toString()}`, { operation: 'arXiv OAI' });

  it('harvests a set page by page with resumption tokens', async () => {
    fake.setOaiPageSize(8);
    const first = parseOaiListRecords(
      await oai({
        verb: 'ListRecords',
        metadataPrefix: 'arXiv',
        set: 'cs',
        from: '2026-05-05',
        until: '2026-05-06',
      }),
    );
    const expected = papers.filter((p) => p.updated >= '2026-05-05' && p.updated < '2026-05-07');
    expect(first.resumptionToken).toMatchObject({ cursor: 0, completeListSize: expected.length });
    const ids = first.records.map((r) => r.metadata.arXiv.id);
    let token = first.resumptionToken?.token;
    while (token) {
      const page = parseOaiListRecords(await oai({ verb: 'ListRecords', resumptionToken: token }));
      ids.push(...page.records.map((r) => r.metadata.arXiv.id));
      token = page.resumptionToken?.token;
    }
    expect(ids.sort()).toEqual(expected.map((p) => p.id).sort());
    expect(first.records[0]?.header.identifier).toMatch(/^oai:arXiv\.org:2605\.\d{5}$/);
    expect(first.records[0]?.header.setSpec).toContain('cs');
    fake.setOaiPageSize(100);
  });

  it('renders records with the element sequence of the recorded harvest', async () => {
    const tags = (xml: string): string[] => {
      const record = /<record>[\s\S]*?<\/record>/.exec(xml)?.[0] ?? '';
      return [...record.matchAll(/<([A-Za-z][\w:-]*)/g)].map((m) => m[1] ?? '');
    };
    const paper = makePaper({
      id: '2605.00002',
      authors: ['Luis B. Castro', 'Edilberto O. Silva'],
      comment: '7 pages',
      journalRef: 'J. Phys. A 51 (2018) 035201',
      doi: '10.1088/1751-8121/aa9c53',
      categories: ['hep-th', 'quant-ph'],
      published: '2015-07-28T10:00:00Z',
      updated: '2016-03-04T10:00:00Z',
    });
    const single = await startArxivFake({ papers: [paper] });
    const served = await (
      await fetch(`${single.url}/oai?verb=ListRecords&metadataPrefix=arXiv&set=physics:hep-th`)
    ).text();
    await single.close();
    const recorded = fixture('oai_listrecords_arXiv_format_3_records.xml');
    const recordedSecond =
      /<record>[\s\S]*?<\/record>\s*(<record>[\s\S]*?<\/record>)/.exec(recorded)?.[1] ?? '';
    expect(tags(served).filter((t) => t !== 'setSpec')).toEqual(
      tags(recordedSecond).filter((t) => t !== 'setSpec'),
    );
    expect(served.split('\n').slice(0, 2)).toEqual(recorded.split('\n').slice(0, 2));
  });

  it('answers OAI errors in the protocol shape', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ verb: 'ListRecords', resumptionToken: '999|1' }, 'badResumptionToken'],
      [{ verb: 'ListRecords', metadataPrefix: 'arXiv', set: 'physics:astro-ph' }, 'noRecordsMatch'],
      [{ verb: 'ListRecords', metadataPrefix: 'oai_marc' }, 'cannotDisseminateFormat'],
      [{ verb: 'ListRecords', metadataPrefix: 'arXiv', from: '05/05/2026' }, 'badArgument'],
      [{ verb: 'ListThings' }, 'badVerb'],
    ];
    for (const [params, code] of cases) {
      expect(parseOaiListRecords(await oai(params)).error?.code).toBe(code);
    }
  });
});
