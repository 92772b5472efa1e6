/**
 * Test-side readers of what the arXiv fake (or arXiv) sends: Atom feeds and OAI-PMH ListRecords,
 * parsed with fast-xml-parser and checked with zod, so tests assert structure, not substrings.
 */
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';

const REPEATED = new Set(['entry', 'author', 'category', 'link', 'record', 'setSpec']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
});

const textNode = z
  .union([z.string(), z.object({ '#text': z.string() })])
  .transform((v) => (typeof v === 'string' ? v : v['#text']));

const entrySchema = z.object({
  id: z.string(),
  title: z.string(),
  updated: z.string(),
  published: z.string().optional(),
  summary: z.string(),
  author: z.array(z.object({ name: z.string(), 'arxiv:affiliation': z.string().optional() })),
  link: z.array(
    z.object({ '@_href': z.string(), '@_rel': z.string().optional(), '@_title': z.string().optional() }),
  ),
  category: z.array(z.object({ '@_term': z.string() })).optional(),
  'arxiv:primary_category': z.object({ '@_term': z.string() }).optional(),
  'arxiv:comment': textNode.optional(),
  'arxiv:journal_ref': textNode.optional(),
  'arxiv:doi': textNode.optional(),
});
export type AtomEntry = z.infer<typeof entrySchema>;

const feedSchema = z.object({
  feed: z.object({
    id: z.string(),
    title: z.string(),
    updated: z.string(),
    'opensearch:totalResults': z.coerce.number(),
    'opensearch:startIndex': z.coerce.number(),
    'opensearch:itemsPerPage': z.coerce.number(),
    entry: z.array(entrySchema).default([]),
  }),
});

export function parseAtomFeed(xml: string) {
  const doc: unknown = parser.parse(xml);
  return feedSchema.parse(doc).feed;
}

/** `http://arxiv.org/abs/2605.00668v1` → `2605.00668v1`. */
export function entryId(entry: AtomEntry): string {
  return entry.id.replace(/^https?:\/\/arxiv\.org\/abs\//, '');
}

const recordSchema = z.object({
  header: z.object({ identifier: z.string(), datestamp: z.string(), setSpec: z.array(z.string()) }),
  metadata: z.object({
    arXiv: z
      .object({
        id: z.string(),
        created: z.string(),
        title: z.string(),
        categories: z.string(),
        abstract: z.string(),
        authors: z.object({
          author: z.union([
            z.array(z.object({ keyname: z.string() }).loose()),
            z.object({ keyname: z.string() }).loose(),
          ]),
        }),
      })
      .loose(),
  }),
});

const tokenSchema = z.union([
  z.string(),
  z.object({ '#text': z.string().optional(), '@_cursor': z.string(), '@_completeListSize': z.string() }),
]);

const oaiSchema = z.object({
  'OAI-PMH': z.object({
    responseDate: z.string(),
    error: z.object({ '#text': z.string().optional(), '@_code': z.string() }).optional(),
    ListRecords: z
      .object({ record: z.array(recordSchema).default([]), resumptionToken: tokenSchema.optional() })
      .optional(),
  }),
});

export function parseOaiListRecords(xml: string) {
  const doc: unknown = parser.parse(xml);
  const root = oaiSchema.parse(doc)['OAI-PMH'];
  const token = root.ListRecords?.resumptionToken;
  return {
    error: root.error ? { code: root.error['@_code'], message: root.error['#text'] ?? '' } : undefined,
    records: root.ListRecords?.record ?? [],
    resumptionToken:
      token === undefined
        ? undefined
        : typeof token === 'string'
          ? { token, cursor: undefined, completeListSize: undefined }
          : {
              token: token['#text'] ?? '',
              cursor: Number(token['@_cursor']),
              completeListSize: Number(token['@_completeListSize']),
            },
  };
}
