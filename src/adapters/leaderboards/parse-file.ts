/**
 * Decoding a fetched file into typed data: JSON through a zod schema, with errors that name the
 * board, the file and the first failing field instead of a stack trace.
 */
import type { z } from 'zod';
import { BoardFormatError, fileName } from './board-format-error.ts';

export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

export function parseJsonFile<T>(board: string, url: string, bytes: Uint8Array, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes));
  } catch {
    throw new BoardFormatError(board, fileName(url), '(root)', 'the body is not JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BoardFormatError(
      board,
      fileName(url),
      issue?.path.map(String).join('.') || '(root)',
      issue?.message ?? 'invalid',
    );
  }
  return parsed.data;
}

/** The one file of `files` whose URL passes `match`, or a BoardFormatError saying which is missing. */
export function pickFile(
  board: string,
  files: ReadonlyMap<string, Uint8Array>,
  what: string,
  match: (url: string) => boolean,
): [string, Uint8Array] {
  for (const entry of files) if (match(entry[0])) return entry;
  throw new BoardFormatError(board, what, '(file)', 'not among the fetched files');
}

/** A score on the 0–100 scale, or a BoardFormatError naming the field. */
export function percent(board: string, file: string, field: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new BoardFormatError(board, file, field, `score ${value} is outside 0–100`);
  }
  return value;
}

/** `2025-11-24` from a date string or epoch milliseconds; null when absent or unreadable. */
export function isoDay(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  const time = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : null;
}
