/**
 * A derived JSON copy of one papers shard (`index/papers/<YYMM>.json`): loading 100k papers
 * through CSV parsing and per-row validation takes seconds, while V8's JSON.parse reads the
 * same rows ~10× faster. The CSV stays the source of truth; the cache's first line is the
 * stamp (size, mtime, inode) of the CSV it was built from, so any rewrite of the CSV (an atomic
 * rename gives a new inode) makes it stale and the store rebuilds it from the validated CSV.
 *
 * Beside it, `index/papers/<YYMM>.heads.json` holds the light view of the same rows (id, version,
 * dates, categories, title; no abstract or authors) under the same stamp: bulk readers that only
 * select papers (which are new, in a window, without a vector) parse a fifth of the bytes and
 * never hold the abstracts.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { readTextIfExists } from './read-text.ts';
import type { Paper } from './schemas.ts';

/** The light view of a paper: what bulk selection needs, without abstract or authors. */
export type PaperHead = Pick<
  Paper,
  'id' | 'version' | 'title' | 'categories' | 'primaryCategory' | 'published' | 'updated'
>;

export function headOf(paper: Paper): PaperHead {
  return {
    id: paper.id,
    version: paper.version,
    title: paper.title,
    categories: paper.categories,
    primaryCategory: paper.primaryCategory,
    published: paper.published,
    updated: paper.updated,
  };
}

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

export function papersHeadsCachePath(indexDir: string, yymm: string): string {
  return join(indexDir, 'papers', `${yymm}.heads.json`);
}

/** The cached light rows of a shard, or undefined when that cache is missing or stale. */
export async function readPapersHeadsCache(
  cacheFile: string,
  csvFile: string,
): Promise<PaperHead[] | undefined> {
  // Written by writePapersCache from validated rows and matched by stamp: trusted as PaperHead[].
  return (await readStamped(cacheFile, csvFile)) as PaperHead[] | undefined;
}

/** The cached rows of a shard, or undefined when the cache is missing or stale. */
export async function readPapersCache(cacheFile: string, csvFile: string): Promise<Paper[] | undefined> {
  // Written by writePapersCache from validated rows and matched by stamp: trusted as Paper[].
  return (await readStamped(cacheFile, csvFile)) as Paper[] | undefined;
}

async function readStamped(cacheFile: string, csvFile: string): Promise<unknown[] | undefined> {
  const [text, stamp] = await Promise.all([readTextIfExists(cacheFile), stampOfFile(csvFile)]);
  if (text === undefined || stamp === undefined) return undefined;
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline) !== stamp) return undefined;
  try {
    const rows: unknown = JSON.parse(text.slice(newline + 1));
    return Array.isArray(rows) ? rows : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes both caches (full rows and light rows) for the CSV as it is on disk now (call right
 * after writing the CSV). Only the written shard's caches change: the others stay valid.
 */
export async function writePapersCache(
  cacheFile: string,
  csvFile: string,
  rows: readonly Paper[],
  headsFile?: string,
): Promise<void> {
  const stamp = await stampOfFile(csvFile);
  if (stamp === undefined) return;
  await writeFileAtomic(cacheFile, `${stamp}\n${JSON.stringify(rows)}`);
  if (headsFile) await writePapersHeadsCache(headsFile, stamp, rows.map(headOf));
}

async function writePapersHeadsCache(
  file: string,
  stamp: string,
  heads: readonly PaperHead[],
): Promise<void> {
  await writeFileAtomic(file, `${stamp}\n${JSON.stringify(heads)}`);
}

/** Writes the light cache alone, from the full rows of a shard whose full cache is valid. */
export async function writeHeadsFromRows(
  headsFile: string,
  csvFile: string,
  rows: readonly Paper[],
): Promise<void> {
  const stamp = await stampOfFile(csvFile);
  if (stamp !== undefined) await writePapersHeadsCache(headsFile, stamp, rows.map(headOf));
}
