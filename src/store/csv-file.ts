/**
 * RFC 4180 CSV through csv-parse / csv-stringify: fields with commas, quotes, newlines and
 * non-ASCII round-trip exactly. Every row is validated with its zod schema on read.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readTextIfExists } from './read-text.ts';

export interface CsvCodec<T> {
  columns: readonly string[];
  /** Row of strings → value (validated). */
  decode: z.ZodType<T>;
  encode: (value: T) => Record<string, string>;
}

export function parseCsv<T>(file: string, text: string, codec: CsvCodec<T>): T[] {
  let records: unknown;
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: false });
  } catch (error) {
    throw new StateFileError(
      file,
      `not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(records)) throw new StateFileError(file, 'not valid CSV');
  const header = text
    .slice(0, text.indexOf('\n'))
    .replace(/\r$/, '')
    .replace(/^\uFEFF/, '');
  const expected = codec.columns.join(',');
  if (records.length > 0 && header !== expected) {
    throw new StateFileError(file, `unexpected header "${header}", expected "${expected}"`);
  }
  return records.map((record, index) => {
    const parsed = codec.decode.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StateFileError(
        file,
        `row ${index + 2}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  });
}

export async function readCsv<T>(file: string, codec: CsvCodec<T>): Promise<T[]> {
  const text = await readTextIfExists(file);
  return text === undefined ? [] : parseCsv(file, text, codec);
}

export function formatCsv<T>(rows: readonly T[], codec: CsvCodec<T>): string {
  return stringify(
    rows.map((row) => codec.encode(row)),
    { header: true, columns: [...codec.columns], record_delimiter: '\n', quoted_match: /^\s|\s$/ },
  );
}

export async function writeCsv<T>(file: string, rows: readonly T[], codec: CsvCodec<T>): Promise<void> {
  await writeFileAtomic(file, formatCsv(rows, codec));
}
