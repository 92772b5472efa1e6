/** Content hashes of every file under a directory, by relative path: equal maps mean nothing changed. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function hashTree(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(root, { recursive: true });
  } catch {
    return hashes;
  }
  for (const name of names.sort()) {
    const path = join(root, name);
    const bytes = await readFile(path).catch(() => undefined);
    if (bytes === undefined) continue; // a directory
    hashes.set(relative(root, path), createHash('sha256').update(bytes).digest('hex'));
  }
  return hashes;
}
