/**
 * The JSON files of a directory (searched recursively, in name order), one at a time, for
 * `radar import summaries`: a file that cannot be read or parsed comes back with the reason.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { errorMessage, UsageError } from '../core/errors.ts';

export type JsonFile =
  | { file: string; stem: string; ok: true; value: unknown }
  | { file: string; stem: string; ok: false; reason: string };

export async function listJsonFiles(dir: string): Promise<string[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    throw new UsageError(`${dir}: cannot read (${errorMessage(error)})`);
  }
  if (!isDirectory) throw new UsageError(`${dir}: not a directory (give the folder of summary files)`);
  const names = (await readdir(dir, { recursive: true }))
    .filter((name) => name.endsWith('.json') && !basename(name).startsWith('.'))
    .sort();
  if (names.length === 0) throw new UsageError(`${dir}: no .json files in this directory`);
  return names.map((name) => join(dir, name));
}

export async function* readJsonFiles(files: readonly string[]): AsyncGenerator<JsonFile> {
  for (const file of files) {
    const stem = basename(file).slice(0, -'.json'.length);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      yield { file, stem, ok: false, reason: `cannot read (${errorMessage(error)})` };
      continue;
    }
    try {
      yield { file, stem, ok: true, value: JSON.parse(text) };
    } catch (error) {
      yield { file, stem, ok: false, reason: `not valid JSON (${errorMessage(error)})` };
    }
  }
}
