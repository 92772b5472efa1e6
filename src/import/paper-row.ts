/**
 * One imported row as a paper of ours, or the reason it cannot be one. Values come as the file
 * reader decodes them: strings, numbers, bigints, Dates, lists.
 */
import { parseArxivId } from '../core/arxiv-id.ts';
import { Paper } from '../store/schemas.ts';
import type { PaperField } from './column-mapping.ts';

/** `reason` groups skipped rows in the summary; `value` is the offending value, shown once per reason. */
export type RowResult = { ok: true; paper: Paper } | { ok: false; reason: string; value?: string };

export interface PaperRowOptions {
  fields: Partial<Record<PaperField, string>>;
  /** arXiv's site, for the abs and pdf links (config `arxiv.siteUrl`). */
  siteUrl: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  // authors_parsed style: [last, first, suffix]
  if (Array.isArray(value)) {
    const [last, first] = value.map((part) => (typeof part === 'string' ? part.trim() : ''));
    return [first, last].filter(Boolean).join(' ') || undefined;
  }
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string')
    return value.name.trim() || undefined;
  return undefined;
}

function jsonList(raw: string): unknown[] | undefined {
  if (!raw.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A list column, a JSON list in a string, or a string split on `separator`. */
function list(value: unknown, separator: RegExp): string[] {
  if (value === null || value === undefined) return [];
  const items = typeof value === 'string' ? (jsonList(value.trim()) ?? value.split(separator)) : value;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => nameOf(item) ?? []);
}

const AUTHOR_SEPARATOR = /\s*,\s*|\s+and\s+/;
const CATEGORY_SEPARATOR = /[\s,;]+/;

function isoOf(date: Date): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace('.000Z', 'Z');
}

/** A timestamp, a date, `YYYY-MM-DD`, an ISO string or epoch seconds/milliseconds, as ISO UTC. */
export function toIsoDateTime(value: unknown): string | undefined {
  if (value instanceof Date) return isoOf(value);
  if (typeof value === 'bigint') return toIsoDateTime(Number(value));
  if (typeof value === 'number' && Number.isFinite(value))
    return isoOf(new Date(Math.abs(value) < 1e11 ? value * 1000 : value));
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const raw = value.trim();
  if (/^\d{9,13}$/.test(raw)) return toIsoDateTime(Number(raw));
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return isoOf(new Date(`${raw}T00:00:00Z`));
  // A time without a zone is read as UTC, as arXiv's listings give it.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`;
  return /^\d{4}-\d{2}-\d{2}[T ]/.test(raw) ? isoOf(new Date(zoned)) : undefined;
}

function versionOf(value: unknown): number | undefined {
  const raw = text(value)?.replace(/^v/i, '');
  if (raw === undefined) return undefined;
  const version = Number(raw);
  return Number.isInteger(version) && version >= 1 ? version : undefined;
}

type Row = Record<string, unknown>;

function field(row: Row, options: PaperRowOptions, name: PaperField): unknown {
  const column = options.fields[name];
  return column === undefined ? undefined : row[column];
}

type Skip = { ok: false; reason: string; value?: string };

function dates(row: Row, options: PaperRowOptions): { published: string; updated: string } | Skip {
  const rawPublished = field(row, options, 'published');
  const rawUpdated = field(row, options, 'updated');
  const published = toIsoDateTime(rawPublished);
  const updated = toIsoDateTime(rawUpdated);
  if (rawPublished !== undefined && rawPublished !== null && !published)
    return { ok: false, reason: 'published is not a date', value: String(rawPublished) };
  if (rawUpdated !== undefined && rawUpdated !== null && !updated)
    return { ok: false, reason: 'updated is not a date', value: String(rawUpdated) };
  const first = published ?? updated;
  if (!first) return { ok: false, reason: 'no published date' };
  return { published: first, updated: updated && updated > first ? updated : first };
}

export function paperFromRow(row: Row, options: PaperRowOptions): RowResult {
  const rawId = text(field(row, options, 'id'));
  if (rawId === undefined) return { ok: false, reason: 'no id' };
  const parsed = parseArxivId(rawId);
  if (!parsed) return { ok: false, reason: 'id is not an arXiv id', value: rawId };
  const title = text(field(row, options, 'title'))?.replace(/\s+/g, ' ');
  if (title === undefined) return { ok: false, reason: 'no title' };
  const when = dates(row, options);
  if ('ok' in when) return when;
  const categories = list(field(row, options, 'categories'), CATEGORY_SEPARATOR);
  const primary = text(field(row, options, 'primaryCategory')) ?? categories[0] ?? '';
  const optional = {
    comment: text(field(row, options, 'comment')),
    journalRef: text(field(row, options, 'journalRef')),
    doi: text(field(row, options, 'doi')),
  };
  const candidate = {
    id: parsed.id,
    version: versionOf(field(row, options, 'version')) ?? parsed.version ?? 1,
    title,
    abstract: text(field(row, options, 'abstract')) ?? '',
    authors: list(field(row, options, 'authors'), AUTHOR_SEPARATOR),
    categories: categories.length > 0 || primary === '' ? categories : [primary],
    primaryCategory: primary,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...when,
    absUrl: `${options.siteUrl}/abs/${parsed.id}`,
    pdfUrl: `${options.siteUrl}/pdf/${parsed.id}`,
  };
  const result = Paper.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    return {
      ok: false,
      reason: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`,
      value: parsed.id,
    };
  }
  return { ok: true, paper: result.data };
}
