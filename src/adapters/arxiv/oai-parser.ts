/**
 * Reads an OAI-PMH ListRecords page in arXiv's `arXiv` metadata format into papers.
 *
 * That format carries no version numbers and no per-version timestamps: only the day of v1
 * (`created`) and the day of the last version (`updated`). A paper therefore gets version 1
 * (the store never lets it replace a newer version the API brought), `published` = created at
 * 00:00Z and `updated` = updated (or created) at 00:00Z; abs/pdf links are built without version.
 */
import { z } from 'zod';
import { parseArxivId } from '../../core/arxiv-id.ts';
import type { SkippedRecord } from '../../papers/paper-source.ts';
import { Paper } from '../../store/schemas.ts';
import { ArxivFeedError, ArxivMalformedFeedError } from './errors.ts';
import { cleanOptional, firstIssue, normalizeWhitespace, parseXml, xmlText } from './xml.ts';

export interface OaiPage {
  papers: Paper[];
  skipped: SkippedRecord[];
  /** Absent on the last page. */
  resumptionToken: string | undefined;
  completeListSize: number | undefined;
}

const ArxivRecord = z.looseObject({
  id: xmlText,
  created: xmlText,
  updated: xmlText.optional(),
  authors: z
    .looseObject({
      author: z
        .array(z.looseObject({ keyname: xmlText, forenames: xmlText.optional(), suffix: xmlText.optional() }))
        .default([]),
    })
    .optional(),
  title: xmlText.default(''),
  categories: xmlText.default(''),
  comments: xmlText.optional(),
  'journal-ref': xmlText.optional(),
  doi: xmlText.optional(),
  abstract: xmlText.default(''),
});
type ArxivRecord = z.infer<typeof ArxivRecord>;

const OaiRecord = z.looseObject({
  header: z.looseObject({ identifier: xmlText, status: z.string().optional() }),
  metadata: z.looseObject({ arXiv: z.unknown().optional() }).optional(),
});

const ResumptionToken = z.union([
  z.string(),
  z.looseObject({ '#text': z.string().optional(), completeListSize: z.string().optional() }),
]);

const OaiDocument = z.object({
  'OAI-PMH': z.looseObject({
    error: z
      .array(z.union([z.string(), z.looseObject({ '#text': z.string().optional(), code: z.string() })]))
      .optional(),
    ListRecords: z
      .looseObject({ record: z.array(z.unknown()).default([]), resumptionToken: ResumptionToken.optional() })
      .optional(),
  }),
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function authorName(author: {
  keyname: string;
  forenames?: string | undefined;
  suffix?: string | undefined;
}): string {
  return normalizeWhitespace([author.forenames ?? '', author.keyname, author.suffix ?? ''].join(' '));
}

function toPaper(record: ArxivRecord, siteUrl: string): Paper | string {
  const id = parseArxivId(record.id)?.id;
  if (!id) return `not an arXiv id: ${record.id}`;
  const created = record.created.trim();
  const updated = record.updated?.trim() || created;
  if (!DAY.test(created) || !DAY.test(updated)) return `bad dates: created ${created}, updated ${updated}`;
  const categories = [...new Set(normalizeWhitespace(record.categories).split(' ').filter(Boolean))];
  const comment = cleanOptional(record.comments);
  const journalRef = cleanOptional(record['journal-ref']);
  const doi = cleanOptional(record.doi);
  const paper = Paper.safeParse({
    id,
    version: 1,
    title: normalizeWhitespace(record.title),
    abstract: normalizeWhitespace(record.abstract),
    authors: (record.authors?.author ?? []).map(authorName).filter((name) => name !== ''),
    categories,
    primaryCategory: categories[0] ?? '',
    ...(comment !== undefined ? { comment } : {}),
    ...(journalRef !== undefined ? { journalRef } : {}),
    ...(doi !== undefined ? { doi } : {}),
    published: `${created}T00:00:00Z`,
    updated: `${updated}T00:00:00Z`,
    absUrl: `${siteUrl}/abs/${id}`,
    pdfUrl: `${siteUrl}/pdf/${id}`,
  });
  return paper.success ? paper.data : firstIssue(paper.error);
}

function readRecord(raw: unknown, siteUrl: string): Paper | SkippedRecord | undefined {
  const record = OaiRecord.safeParse(raw);
  if (!record.success) return { id: '(no identifier)', reason: firstIssue(record.error) };
  const identifier = record.data.header.identifier;
  // A deleted record has a header and no metadata: nothing to store.
  if (record.data.header.status === 'deleted' || record.data.metadata === undefined) return undefined;
  const metadata = ArxivRecord.safeParse(record.data.metadata.arXiv);
  if (!metadata.success)
    return { id: identifier, reason: `not in arXiv format (${firstIssue(metadata.error)})` };
  const paper = toPaper(metadata.data, siteUrl);
  return typeof paper === 'string' ? { id: identifier, reason: paper } : paper;
}

function tokenOf(
  token: z.infer<typeof ResumptionToken> | undefined,
): Pick<OaiPage, 'resumptionToken' | 'completeListSize'> {
  if (token === undefined) return { resumptionToken: undefined, completeListSize: undefined };
  const text = (typeof token === 'string' ? token : (token['#text'] ?? '')).trim();
  const size = typeof token === 'string' ? undefined : token.completeListSize;
  return {
    resumptionToken: text === '' ? undefined : text,
    completeListSize: size === undefined ? undefined : Number(size),
  };
}

export function parseOaiListRecords(xml: string, options: { siteUrl?: string } = {}): OaiPage {
  const siteUrl = options.siteUrl ?? 'https://arxiv.org';
  const doc = OaiDocument.safeParse(parseXml(xml, ['record', 'author', 'error', 'setSpec']));
  if (!doc.success) throw new ArxivMalformedFeedError(`not an OAI-PMH answer (${firstIssue(doc.error)})`);
  const root = doc.data['OAI-PMH'];
  const error = root.error?.[0];
  if (error !== undefined) {
    const code = typeof error === 'string' ? undefined : error.code;
    const message = normalizeWhitespace(typeof error === 'string' ? error : (error['#text'] ?? ''));
    if (code === 'noRecordsMatch')
      return { papers: [], skipped: [], resumptionToken: undefined, completeListSize: 0 };
    throw new ArxivFeedError(message || 'unknown OAI-PMH error', code);
  }
  if (root.ListRecords === undefined)
    throw new ArxivMalformedFeedError('an OAI-PMH answer without ListRecords');
  const papers: Paper[] = [];
  const skipped: SkippedRecord[] = [];
  for (const raw of root.ListRecords.record) {
    const result = readRecord(raw, siteUrl);
    if (result === undefined) continue;
    if ('reason' in result) skipped.push(result);
    else papers.push(result);
  }
  return { papers, skipped, ...tokenOf(root.ListRecords.resumptionToken) };
}
