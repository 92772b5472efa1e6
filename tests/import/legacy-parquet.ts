/**
 * Parquet files of the previous layout, written with hyparquet-writer: metadata columns, one
 * vector column per model (explicit three-level LIST of FLOAT), nulls where a value is absent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemaElement } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { z } from 'zod';
import type { Paper } from '../../src/store/schemas.ts';
import { makePaper } from '../helpers/papers.ts';

export interface LegacyRow {
  id: string;
  title: string | null;
  abstract: string;
  authors: string[];
  /** Space-separated, as arXiv's metadata snapshot spells them. */
  categories: string;
  published: Date | null;
  /** `YYYY-MM-DD` text. */
  updated: string | null;
  license: string;
  vectors: Record<string, number[] | null>;
}

export interface LegacyFileOptions {
  vectorColumns: ReadonlyArray<{ name: string }>;
  rowGroupSize?: number;
}

/** A UTF-8 string column. */
export const text = (name: string, repetition: 'REQUIRED' | 'OPTIONAL'): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  logical_type: { type: 'STRING' },
  repetition_type: repetition,
});

/** A three-level LIST column of `item` (what pyarrow writes for list<…>). */
export function listOf(name: string, item: SchemaElement): SchemaElement[] {
  return [
    {
      name,
      converted_type: 'LIST',
      logical_type: { type: 'LIST' },
      repetition_type: 'OPTIONAL',
      num_children: 1,
    },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    item,
  ];
}

function schemaOf(options: LegacyFileOptions): SchemaElement[] {
  const columns: SchemaElement[][] = [
    [text('arxiv_id', 'REQUIRED')],
    [text('title', 'OPTIONAL')],
    [text('abstract', 'OPTIONAL')],
    listOf('authors', text('element', 'OPTIONAL')),
    [text('categories', 'OPTIONAL')],
    [{ name: 'published', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' }],
    [text('update_date', 'OPTIONAL')],
    [text('license', 'OPTIONAL')],
    ...options.vectorColumns.map((v) =>
      listOf(v.name, { name: 'element', type: 'FLOAT', repetition_type: 'REQUIRED' }),
    ),
  ];
  return [{ name: 'root', num_children: columns.length }, ...columns.flat()];
}

export function encodeLegacyParquet(rows: readonly LegacyRow[], options: LegacyFileOptions): ArrayBuffer {
  return parquetWriteBuffer({
    schema: schemaOf(options),
    rowGroupSize: options.rowGroupSize ?? 1000,
    columnData: [
      { name: 'arxiv_id', data: rows.map((r) => r.id) },
      { name: 'title', data: rows.map((r) => r.title) },
      { name: 'abstract', data: rows.map((r) => r.abstract) },
      { name: 'authors', data: rows.map((r) => r.authors) },
      { name: 'categories', data: rows.map((r) => r.categories) },
      { name: 'published', data: rows.map((r) => r.published) },
      { name: 'update_date', data: rows.map((r) => r.updated) },
      { name: 'license', data: rows.map((r) => r.license) },
      ...options.vectorColumns.map((v) => ({
        name: v.name,
        data: rows.map((r) => r.vectors[v.name] ?? null),
        encoding: 'PLAIN' as const,
      })),
    ],
  });
}

export function writeLegacyParquet(
  file: string,
  rows: readonly LegacyRow[],
  options: LegacyFileOptions,
): void {
  writeFileSync(file, new Uint8Array(encodeLegacyParquet(rows, options)));
}

const PaperRecord = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  published: z.string(),
});
export type PaperRecord = z.infer<typeof PaperRecord>;

/** Real arXiv papers (tests/import/fixtures/papers.jsonl, taken from arXiv listings). */
export function realPapers(): PaperRecord[] {
  const file = fileURLToPath(new URL('./fixtures/papers.jsonl', import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => PaperRecord.parse(JSON.parse(line)));
}

/** A real paper as the papers store holds it, published at midnight UTC of its day. */
export function storedPaper(p: PaperRecord): Paper {
  const at = `${p.published}T00:00:00Z`;
  return makePaper(p.id, {
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    categories: p.categories,
    primaryCategory: p.categories[0] ?? '',
    published: at,
    updated: at,
  });
}

/** A deterministic vector of `dims` values seeded by `seed` (not normalized). */
export function vectorOf(seed: number, dims: number): number[] {
  let state = (seed * 2654435761) >>> 0 || 1;
  return Array.from({ length: dims }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}
