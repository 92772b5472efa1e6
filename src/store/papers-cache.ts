/**
 * A derived JSON copy of one papers shard (`index/papers/<YYMM>.json`): loading 100k papers
 * through CSV parsing and per-row validation takes seconds, while V8's JSON.parse reads the
 * same rows ~10× faster. The CSV stays the source of truth; the cache's first line is the
 * stamp (size, mtime, inode) of the CSV it was built from, so any rewrite of the CSV (an atomic
 * rename gives a new inode) makes it stale and the store rebuilds it from the validated CSV.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { readTextIfExists } from './read-text.ts';
import type { Paper } from './schemas.ts';

function stampText(stats: { size: bigint; mtimeNs: bigint; ino: bigint }): string {
  return `radar-papers-cache v1 ${stats.size} ${stats.mtimeNs} ${stats.ino}`;
}

async function stampOfFile(file: string): Promise<string | undefined> {
  try {
    return stampText(await stat(file, { bigint: true }));
  } catch {
    return undefined;
  }
}

export function papersCachePath(indexDir: string, yymm: string): string {
  return join(indexDir, 'papers', `${yymm}.json`);
}

/** The cached rows of a shard, or undefined when the cache is missing or stale. */
export async function readPapersCache(cacheFile: string, csvFile: string): Promise<Paper[] | undefined> {
  const [text, stamp] = await Promise.all([readTextIfExists(cacheFile), stampOfFile(csvFile)]);
  if (text === undefined || stamp === undefined) return undefined;
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== stamp) return undefined;
  try {
    const rows: unknown = JSON.parse(text.slice(newline + 1));
    // Written by writePapersCache from validated rows and matched by stamp: trusted as Paper[].
    return Array.isArray(rows) ? (rows as Paper[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache for the CSV as it is on disk now (call right after writing the CSV). */
export async function writePapersCache(
  cacheFile: string,
  csvFile: string,
  rows: readonly Paper[],
): Promise<void> {
  const stamp = await stampOfFile(csvFile);
  if (stamp === undefined) return;
  await writeFileAtomic(cacheFile, `${stamp}\n${JSON.stringify(rows)}`);
}
