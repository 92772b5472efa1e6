/** Notion wire-format basics for the fake: errors, ids, timestamps and paginated lists. */
import { randomUUID } from 'node:crypto';
import type { FakeResponse } from '../fake-server.ts';

/** Thrown by the store and routes; turned into Notion's error body by the route wrapper. */
export class NotionApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'NotionApiError';
  }
}

export function validationError(message: string): NotionApiError {
  return new NotionApiError(400, 'validation_error', message);
}

export function notFound(kind: string, id: string): NotionApiError {
  return new NotionApiError(
    404,
    'object_not_found',
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

export interface NotionErrorBody {
  object: 'error';
  status: number;
  code: string;
  message: string;
  request_id: string;
}

export function notionErrorBody(status: number, code: string, message: string): NotionErrorBody {
  return { object: 'error', status, code, message, request_id: randomUUID() };
}

export function errorResponse(error: NotionApiError, headers: Record<string, string> = {}): FakeResponse {
  return {
    status: error.status,
    headers: { 'x-notion-request-id': randomUUID(), ...headers },
    body: notionErrorBody(error.status, error.code, error.message),
  };
}

export function okResponse(body: Record<string, unknown>): FakeResponse {
  const requestId = randomUUID();
  return {
    status: 200,
    headers: { 'x-notion-request-id': requestId },
    body: { ...body, request_id: requestId },
  };
}

export function newId(): string {
  return randomUUID();
}

/** Notion accepts ids with or without dashes and answers them dashed. */
export function normalizeId(raw: string, pathName: string): string {
  const hex = raw.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) {
    throw validationError(
      `path failed validation: path.${pathName} should be a valid uuid, instead was \`"${raw}"\`.`,
    );
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type TimePrecision = 'minute' | 'millisecond';

/** Pages, data sources and blocks are stored by Notion at minute precision. */
export function truncateTime(ms: number, precision: TimePrecision): number {
  return precision === 'minute' ? Math.floor(ms / 60_000) * 60_000 : ms;
}

export function formatTime(ms: number, precision: TimePrecision): string {
  return new Date(truncateTime(ms, precision)).toISOString();
}

export function listResponse(
  type: string,
  page: { results: unknown[]; nextCursor: string | null },
): Record<string, unknown> {
  return {
    object: 'list',
    results: page.results,
    next_cursor: page.nextCursor,
    has_more: page.nextCursor !== null,
    type,
    [type]: {},
  };
}

const MAX_PAGE_SIZE = 100;

/** Cursor pagination as Notion does it: the cursor is the id of the first item of the next page. */
export function paginate<T extends { id: string }>(
  items: T[],
  options: {
    startCursor?: string | null | undefined;
    pageSize?: number | undefined;
    where: 'body' | 'query';
  },
): { results: T[]; nextCursor: string | null } {
  const size = options.pageSize ?? MAX_PAGE_SIZE;
  if (size < 1 || size > MAX_PAGE_SIZE || !Number.isInteger(size)) {
    throw validationError(
      `body failed validation: ${options.where}.page_size should be ≤ \`${MAX_PAGE_SIZE}\`, instead was \`${size}\`.`,
    );
  }
  let start = 0;
  if (options.startCursor) {
    start = items.findIndex((item) => item.id === options.startCursor);
    if (start < 0) throw validationError(`start_cursor provided is invalid: ${options.startCursor}`);
  }
  const results = items.slice(start, start + size);
  const next = items[start + size];
  return { results, nextCursor: next ? next.id : null };
}
