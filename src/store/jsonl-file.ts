/**
 * JSON Lines files. Appends are fsynced; a last line torn by a crash (no trailing newline,
 * not parseable) is dropped on read with a warning and cut off before the next append,
 * so a torn write never corrupts the file for good.
 */
import { open, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { redactValues } from '../log/redact.ts';
import { ensureDir, writeFileAtomic } from './atomic-write.ts';
import { readTextIfExists } from './read-text.ts';

export interface JsonlRead<T> {
  rows: T[];
  /** Set when a torn last line was dropped. */
  tornTail: boolean;
}

function splitLines(text: string): { lines: string[]; tornTail: boolean } {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  if (last.trim() === '') return { lines, tornTail: false };
  try {
    JSON.parse(last);
    // A complete record that only lacks its newline: keep it.
    return { lines: [...lines, last], tornTail: false };
  } catch {
    return { lines, tornTail: true };
  }
}

export function parseJsonl<T>(file: string, text: string, schema: z.ZodType<T>): JsonlRead<T> {
  const { lines, tornTail } = splitLines(text);
  const rows: T[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new StateFileError(file, `line ${index + 1} is not JSON`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StateFileError(
        file,
        `line ${index + 1}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
      );
    }
    rows.push(parsed.data);
  });
  return { rows, tornTail };
}

export async function readJsonl<T>(
  file: string,
  schema: z.ZodType<T>,
  onTorn?: (file: string) => void,
): Promise<T[]> {
  const text = await readTextIfExists(file);
  if (text === undefined) return [];
  const result = parseJsonl(file, text, schema);
  if (result.tornTail) onTorn?.(file);
  return result.rows;
}

/** Cuts a torn last line so that the next append starts on a line of its own. */
async function repairTail(file: string): Promise<void> {
  const text = await readTextIfExists(file);
  if (text === undefined || text.length === 0 || text.endsWith('\n')) return;
  const cut = text.lastIndexOf('\n') + 1;
  const last = text.slice(cut);
  try {
    JSON.parse(last);
    const handle = await open(file, 'a');
    await handle.write('\n');
    await handle.sync();
    await handle.close();
  } catch {
    await truncate(file, Buffer.byteLength(text.slice(0, cut)));
  }
}

export async function appendJsonl(file: string, rows: readonly unknown[]): Promise<void> {
  if (rows.length === 0) return;
  ensureDir(dirname(file));
  await repairTail(file);
  const handle = await open(file, 'a');
  try {
    await handle.write(redactValues(rows.map((row) => `${JSON.stringify(row)}\n`).join('')));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeJsonl(file: string, rows: readonly unknown[]): Promise<void> {
  await writeFileAtomic(file, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
}

export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const text = await readTextIfExists(file);
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new StateFileError(file, 'not valid JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(file, `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
