/** Directory listings where only a missing directory means "empty": anything else names the path. */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { StateFileError } from '../core/errors.ts';

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const REASONS: Record<string, string> = {
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
};

function listError(dir: string, error: unknown): StateFileError {
  const code = codeOf(error);
  return new StateFileError(dir, `cannot list it (${(code && REASONS[code]) ?? code ?? String(error)})`);
}

/** The names in `dir`; [] when it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return [];
    throw listError(dir, error);
  }
}

/** The entries in `dir` with their types; [] when it does not exist. */
export async function listDirEntries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return [];
    throw listError(dir, error);
  }
}
