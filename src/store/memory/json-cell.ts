/**
 * Values the memory twins keep as JSON text and parse with their schema on every read, as the
 * file stores do with their files: a caller never shares an object with the store, fields set
 * to undefined vanish, schema defaults apply on read, and a value that does not fit its schema
 * fails on read with a StateFileError naming where it lives (`memory:<path>`).
 */
import type { z } from 'zod';
import { StateFileError } from '../../core/errors.ts';

/** The pseudo path a memory store names in its errors and results, for the file a file store would use. */
export function memoryPath(path: string): string {
  return `memory:${path}`;
}

export function parseStored<T>(path: string, text: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new StateFileError(memoryPath(path), `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export interface JsonCell<T> {
  read(): T | undefined;
  write(value: unknown): void;
}

/** One JSON value (a file store's `<name>.json`). */
export function createJsonCell<T>(path: string, schema: z.ZodType<T>): JsonCell<T> {
  let text: string | undefined;
  return {
    read: () => (text === undefined ? undefined : parseStored(path, text, schema)),
    write(value) {
      text = JSON.stringify(value);
    },
  };
}

export interface JsonRows<T> {
  read(): T[];
  /** Replaces every row (a file store's atomic rewrite). */
  write(rows: readonly unknown[]): void;
  append(rows: readonly unknown[]): void;
  /** True once anything was written (the file would exist). */
  exists(): boolean;
}

/** Rows of one JSON Lines file, in file order. */
export function createJsonRows<T>(path: string, schema: z.ZodType<T>): JsonRows<T> {
  let lines: string[] | undefined;
  return {
    read: () => (lines ?? []).map((line) => parseStored(path, line, schema)),
    write(rows) {
      lines = rows.map((row) => JSON.stringify(row));
    },
    append(rows) {
      if (rows.length === 0) return;
      lines = [...(lines ?? []), ...rows.map((row) => JSON.stringify(row))];
    },
    exists: () => lines !== undefined,
  };
}

/** A map of JSON Lines files created on first use, e.g. one per shard. */
export function createRowsByKey<T>(
  pathOf: (key: string) => string,
  schema: z.ZodType<T>,
): { get(key: string): JsonRows<T>; keys(): string[] } {
  const files = new Map<string, JsonRows<T>>();
  return {
    get(key) {
      let rows = files.get(key);
      if (!rows) {
        rows = createJsonRows(pathOf(key), schema);
        files.set(key, rows);
      }
      return rows;
    },
    keys: () =>
      [...files.entries()]
        .filter(([, rows]) => rows.exists())
        .map(([key]) => key)
        .sort(),
  };
}
