/**
 * `GET /oai`: OAI-PMH ListRecords with `metadataPrefix=arXiv`, in the shape of
 * `oai_listrecords_arXiv_format_with_resumption_token_EDITED.xml`: from/until on the record
 * datestamp (last update day), `set` (`cs`, `physics:hep-th`, `cs:cs:AI`), resumptionToken paging
 * and OAI error elements (badVerb, badArgument, badResumptionToken, cannotDisseminateFormat,
 * noRecordsMatch), all with HTTP 200 as the protocol requires.
 */
import type { FakeResponse, RecordedRequest } from '../fake-server.ts';
import type { FakePaper } from './papers.ts';
import { escapeAttr, escapeXml, isoSeconds } from './xml.ts';

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

const OAI_OPEN =
  '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">';
const ARXIV_OPEN =
  '<arXiv xmlns="http://arxiv.org/OAI/arXiv/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://arxiv.org/OAI/arXiv/ http://arxiv.org/OAI/arXiv.xsd">';

export interface OaiState {
  papers: readonly FakePaper[];
  pageSize: number;
  now: () => Date;
  /** Harvest sessions by token prefix: the ids matched by the first request. */
  sessions: Map<string, string[]>;
}

function setSpecs(category: string): { legacy: string; names: string[] } {
  const [archive = category, sub] = category.split('.');
  const group = PHYSICS_ARCHIVES.has(archive) ? 'physics' : archive;
  const legacy = group === 'physics' ? `physics:${archive}` : archive;
  const names = [legacy, group, `${group}:${archive}`, ...(sub ? [`${group}:${archive}:${sub}`] : [])];
  return { legacy, names };
}

function datestamp(paper: FakePaper): string {
  return paper.updated.slice(0, 10);
}

function renderRecord(paper: FakePaper): string {
  const legacySets = [...new Set(paper.categories.map((c) => setSpecs(c).legacy))];
  const authors = paper.authors
    .map((name) => {
      const parts = name.trim().split(/\s+/);
      const keyname = parts.pop() ?? name;
      const fore = parts.length > 0 ? `<forenames>${escapeXml(parts.join(' '))}</forenames>` : '';
      return `<author><keyname>${escapeXml(keyname)}</keyname>${fore}</author>`;
    })
    .join('');
  const optional = (tag: string, value: string | undefined): string =>
    value === undefined ? '' : `<${tag}>${escapeXml(value)}</${tag}>`;
  const created = paper.published.slice(0, 10);
  return [
    '<record>',
    '<header>',
    ` <identifier>oai:arXiv.org:${escapeXml(paper.id)}</identifier>`,
    ` <datestamp>${datestamp(paper)}</datestamp>`,
    ...legacySets.map((s) => ` <setSpec>${escapeXml(s)}</setSpec>`),
    '</header>',
    '<metadata>',
    ` ${ARXIV_OPEN}`,
    ` <id>${escapeXml(paper.id)}</id><created>${created}</created>${
      datestamp(paper) !== created ? `<updated>${datestamp(paper)}</updated>` : ''
    }<authors>${authors}</authors><title>${escapeXml(paper.title)}</title><categories>${escapeXml(
      paper.categories.join(' '),
    )}</categories>${optional('comments', paper.comment)}${optional('journal-ref', paper.journalRef)}${optional(
      'doi',
      paper.doi,
    )}<license>http://creativecommons.org/licenses/by/4.0/</license><abstract>  ${escapeXml(paper.abstract)}\n</abstract></arXiv>`,
    '</metadata>',
    '</record>',
  ].join('\n');
}

function envelope(req: RecordedRequest, now: Date, body: string, echoArgs: boolean): FakeResponse {
  const attrs = echoArgs ? [...req.query].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('') : '';
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    OAI_OPEN,
    `<responseDate>${isoSeconds(now)}</responseDate>`,
    `<request${attrs}>http://export.arxiv.org/oai2</request>`,
    body,
    '</OAI-PMH>',
    '',
  ].join('\n');
  return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: xml };
}

function oaiError(req: RecordedRequest, now: Date, code: string, message: string): FakeResponse {
  const echo = code !== 'badVerb' && code !== 'badArgument';
  return envelope(req, now, `<error code="${code}">${escapeXml(message)}</error>`, echo);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface OaiErrorInfo {
  code: string;
  message: string;
}

function firstRequest(req: RecordedRequest, state: OaiState): FakePaper[] | OaiErrorInfo {
  const from = req.query.get('from');
  const until = req.query.get('until');
  const set = req.query.get('set');
  if ((from !== null && !DAY.test(from)) || (until !== null && !DAY.test(until))) {
    return { code: 'badArgument', message: 'from and until must be dates in the form YYYY-MM-DD' };
  }
  return state.papers
    .filter((p) => (from === null || datestamp(p) >= from) && (until === null || datestamp(p) <= until))
    .filter((p) => set === null || p.categories.some((c) => setSpecs(c).names.includes(set)))
    .slice()
    .sort((a, b) => datestamp(a).localeCompare(datestamp(b)));
}

export function handleOai(req: RecordedRequest, state: OaiState): FakeResponse {
  const now = state.now();
  const verb = req.query.get('verb');
  if (verb !== 'ListRecords') return oaiError(req, now, 'badVerb', 'Illegal verb');
  const token = req.query.get('resumptionToken');
  let ids: string[];
  let offset: number;
  if (token !== null) {
    if ([...req.query.keys()].some((k) => k !== 'verb' && k !== 'resumptionToken')) {
      return oaiError(req, now, 'badArgument', 'resumptionToken is an exclusive argument');
    }
    const [session = '', next = ''] = token.split('|');
    const stored = state.sessions.get(session);
    offset = Number(next) - 1;
    if (!stored || !Number.isInteger(offset) || offset < 0 || offset >= stored.length) {
      return oaiError(req, now, 'badResumptionToken', `Invalid or expired resumptionToken: ${token}`);
    }
    ids = stored;
  } else {
    const prefix = req.query.get('metadataPrefix');
    if (prefix === null) return oaiError(req, now, 'badArgument', 'metadataPrefix is required');
    if (prefix !== 'arXiv') return oaiError(req, now, 'cannotDisseminateFormat', `Unknown format: ${prefix}`);
    const matched = firstRequest(req, state);
    if (!Array.isArray(matched)) return oaiError(req, now, matched.code, matched.message);
    if (matched.length === 0) return oaiError(req, now, 'noRecordsMatch', 'No records match the request');
    ids = matched.map((p) => p.id);
    offset = 0;
  }
  const byId = new Map(state.papers.map((p) => [p.id, p]));
  const page = ids.slice(offset, offset + state.pageSize).flatMap((id) => byId.get(id) ?? []);
  const records = page.map(renderRecord);
  const more = offset + state.pageSize < ids.length;
  if (more || offset > 0) {
    let session = token?.split('|')[0];
    if (session === undefined) {
      session = String(6_960_524 + state.sessions.size);
      state.sessions.set(session, ids);
    }
    const attrs = `cursor="${offset}" completeListSize="${ids.length}"`;
    records.push(
      more
        ? `<resumptionToken ${attrs}>${session}|${offset + state.pageSize + 1}</resumptionToken>`
        : `<resumptionToken ${attrs}/>`,
    );
  }
  return envelope(req, now, ['<ListRecords>', ...records, '</ListRecords>'].join('\n'), true);
}
