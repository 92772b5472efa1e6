/**
 * Writes the static site's files into a directory of the user's choosing: a file whose content is
 * unchanged is not touched (its mtime stays, so site generators and rsync skip it), and a page
 * written by an earlier export that is no longer part of the site is removed. Which files the
 * export owns is kept in `.radar-site.json`; no other file of the directory is touched.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SiteFile } from '../export/site-pages.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';

const MANIFEST = '.radar-site.json';
/** Paths inside the site directory only: a hand-edited manifest cannot make the export delete elsewhere. */
const SitePath = z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0]+$/, 'a relative path inside the site');
const Manifest = z.object({ files: z.array(SitePath) });

export interface SiteWriteCounts {
  written: number;
  unchanged: number;
  removed: number;
}

async function currentText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export async function writeSite(dir: string, files: readonly SiteFile[]): Promise<SiteWriteCounts> {
  const counts: SiteWriteCounts = { written: 0, unchanged: 0, removed: 0 };
  const previous = (await readJsonFile(join(dir, MANIFEST), Manifest))?.files ?? [];
  for (const file of files) {
    const path = join(dir, file.path);
    if ((await currentText(path)) === file.content) {
      counts.unchanged += 1;
      continue;
    }
    await writeFileAtomic(path, file.content);
    counts.written += 1;
  }
  const now = new Set(files.map((f) => f.path));
  for (const stale of previous.filter((p) => !now.has(p))) {
    await rm(join(dir, stale), { force: true });
    counts.removed += 1;
  }
  const listed = [...now].sort();
  if (JSON.stringify(listed) !== JSON.stringify([...previous].sort()))
    await writeJsonFile(join(dir, MANIFEST), { files: listed });
  return counts;
}
