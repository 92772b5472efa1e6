import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArxivFeedError, ArxivMalformedFeedError } from './errors.ts';
import { parseOaiListRecords } from './oai-parser.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../tests/fixtures/arxiv/${name}`, import.meta.url), 'utf8');

const oaiError = (code: string, message: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-11-21T10:00:00Z</responseDate><request verb="ListRecords">http://export.arxiv.org/oai2</request><error code="${code}">${message}</error></OAI-PMH>`;

describe('parseOaiListRecords', () => {
  it('reads the records of an arXiv-format page, without a token on the last page', () => {
    const page = parseOaiListRecords(fixture('oai_listrecords_arXiv_format_3_records.xml'));
    expect(page.papers.map((p) => p.id)).toEqual(['1412.8323', '1507.07790', '1607.01710']);
    expect(page.resumptionToken).toBeUndefined();
    const [first] = page.papers;
    expect(first).toMatchObject({
      version: 1,
      title: 'Toolbox for reconstructing quantum theory from rules on information acquisition',
      authors: ['Philipp A Hoehn'],
      categories: ['quant-ph', 'gr-qc', 'hep-th', 'math-ph', 'math.MP', 'physics.hist-ph'],
      primaryCategory: 'quant-ph',
      published: '2014-12-29T00:00:00Z',
      updated: '2017-12-13T00:00:00Z',
      absUrl: 'https://arxiv.org/abs/1412.8323',
      pdfUrl: 'https://arxiv.org/pdf/1412.8323',
    });
    expect(first?.abstract).toMatch(/^We develop an operational approach .* in terms of questions\.$/);
    expect(first?.abstract).not.toMatch(/\n|\s{2}/);
    expect(first?.comment).toMatch(/^78 pages, .* Version accepted for publication in Quantum/);
    expect(page.papers[2]?.doi).toBe('10.1002/andp.201700188');
    expect(page.papers[1]?.authors).toEqual(['Luis B. Castro', 'Edilberto O. Silva']);
  });

  it('returns the resumption token and the list size', () => {
    const page = parseOaiListRecords(
      fixture('oai_listrecords_arXiv_format_with_resumption_token_EDITED.xml'),
    );
    expect(page.papers).toHaveLength(3);
    expect(page.resumptionToken).toBe('6960524|1001');
    expect(page.completeListSize).toBe(3458);
  });

  it('reads noRecordsMatch as an empty last page', () => {
    const page = parseOaiListRecords(oaiError('noRecordsMatch', 'No records match'));
    expect(page).toEqual({ papers: [], skipped: [], resumptionToken: undefined, completeListSize: 0 });
  });

  it('throws ArxivFeedError naming the OAI error code and message', () => {
    const parse = () =>
      parseOaiListRecords(oaiError('badResumptionToken', 'Invalid or expired resumptionToken'));
    expect(parse).toThrow(ArxivFeedError);
    expect(parse).toThrow('(badResumptionToken): Invalid or expired resumptionToken');
  });

  it('skips records in another metadata format and refuses what is not OAI-PMH', () => {
    const page = parseOaiListRecords(fixture('oai_listrecords_oai_dc_with_resumption_token.xml'));
    expect(page.papers).toEqual([]);
    expect(page.skipped.length).toBeGreaterThan(0);
    expect(page.skipped[0]?.reason).toContain('not in arXiv format');
    expect(() => parseOaiListRecords('<feed></feed>')).toThrow(ArxivMalformedFeedError);
    expect(() => parseOaiListRecords('<OAI-PMH><ListRecords>')).toThrow(ArxivMalformedFeedError);
  });
});
