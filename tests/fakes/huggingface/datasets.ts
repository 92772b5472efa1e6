/**
 * The Hub's dataset listing: `GET /api/datasets` with search, author, filter (tags), sort,
 * direction (-1 = descending), limit, full, and cursor paging announced in a `Link: rel="next"`
 * header. Items are loose records: the fake keeps whatever fields the fixtures carry.
 */
import { z } from 'zod';
import type { FakeResponse, RecordedRequest } from '../fake-server.ts';
import { readFixture } from '../fixtures.ts';
import { formatLinkHeader } from '../link-header.ts';

export const hubDatasetSchema = z.looseObject({
  id: z.string(),
  author: z.string().optional(),
  tags: z.array(z.string()).optional(),
  downloads: z.number().optional(),
  likes: z.number().optional(),
  lastModified: z.string().optional(),
  createdAt: z.string().optional(),
  trendingScore: z.number().optional(),
  cardData: z.record(z.string(), z.unknown()).optional(),
  description: z.string().optional(),
});
export type HubDataset = z.infer<typeof hubDatasetSchema>;

/** Fields the real list leaves out unless `full=true`. */
const FULL_ONLY = ['cardData', 'siblings', 'usedStorage'] as const;

export function loadFixtureDatasets(): HubDataset[] {
  return z.array(hubDatasetSchema).parse(readFixture('huggingface/datasets_search_list_COMPOSED.json'));
}

export function loadFixtureDatasetDetail(): HubDataset {
  return hubDatasetSchema.parse(readFixture('huggingface/dataset_detail_real.json'));
}

export function hubError(status: number, message: string, code?: string): FakeResponse {
  return {
    status,
    headers: code ? { 'x-error-code': code, 'x-error-message': message } : {},
    body: { error: message },
  };
}

function sortKey(dataset: HubDataset, field: string): number | string {
  switch (field) {
    case 'downloads':
    case 'likes':
    case 'trendingScore':
      return dataset[field] ?? 0;
    case 'lastModified':
    case 'createdAt':
      return Date.parse(dataset[field] ?? '1970-01-01T00:00:00Z');
    default:
      return dataset.id;
  }
}

function matches(dataset: HubDataset, query: URLSearchParams): boolean {
  const search = query.get('search')?.toLowerCase();
  if (search && !dataset.id.toLowerCase().includes(search)) return false;
  const author = query.get('author');
  if (author && (dataset.author ?? dataset.id.split('/')[0]) !== author) return false;
  const filters = query.getAll('filter').flatMap((f) => f.split(',').filter(Boolean));
  const tags = dataset.tags ?? [];
  return filters.every((f) => tags.some((t) => t === f || t.endsWith(`:${f}`)));
}

interface Cursor {
  offset: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor | undefined {
  try {
    const parsed = z
      .object({ offset: z.number().int().min(0) })
      .safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function listDatasets(
  req: RecordedRequest,
  datasets: readonly HubDataset[],
  baseUrl: string,
  pageSize: number,
): FakeResponse {
  const rawCursor = req.query.get('cursor');
  const cursor = rawCursor === null ? { offset: 0 } : decodeCursor(rawCursor);
  if (!cursor) return hubError(400, 'Invalid cursor');
  const limitParam = req.query.get('limit');
  const limit = limitParam === null ? pageSize : Number(limitParam);
  if (!Number.isInteger(limit) || limit <= 0) return hubError(400, '"limit" must be a positive integer');
  const sort = req.query.get('sort');
  const descending = req.query.get('direction') === '-1';
  let found = datasets.filter((d) => matches(d, req.query));
  if (sort !== null) {
    found = [...found].sort((a, b) => {
      const ka = sortKey(a, sort);
      const kb = sortKey(b, sort);
      const order = ka < kb ? -1 : ka > kb ? 1 : 0;
      return descending ? -order : order;
    });
  }
  const full = req.query.get('full') === 'true' || req.query.get('full') === '1';
  const page = found.slice(cursor.offset, cursor.offset + Math.min(limit, pageSize)).map((d) => {
    if (full) return d;
    const copy: Record<string, unknown> = { ...d };
    for (const key of FULL_ONLY) delete copy[key];
    return copy;
  });
  const nextOffset = cursor.offset + page.length;
  let next: string | undefined;
  if (nextOffset < found.length) {
    const params = new URLSearchParams(req.query);
    params.set('cursor', encodeCursor({ offset: nextOffset }));
    next = `${baseUrl}/api/datasets?${params.toString()}`;
  }
  const link = formatLinkHeader({ next });
  return { status: 200, headers: link ? { link } : {}, body: page };
}
