/**
 * Cached full text: `fulltext/<YYMM>/<id>.md` with a sidecar `<id>.json` recording how it was
 * obtained ({route, fetchedAt, chars, …}). The sidecar is written last and names the length
 * of the markdown, so a crash between the two writes reads as "not cached", never as a torn
 * entry. It is a cache (derived data): `state check` skips it.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { shardOf } from '../core/arxiv-id.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { readTextIfExists } from './read-text.ts';

export const TEXT_ROUTES = ['latex', 'html', 'pdf', 'abstract'] as const;
export type TextRoute = (typeof TEXT_ROUTES)[number];

export const FulltextMeta = z.object({
  id: z.string(),
  route: z.enum(TEXT_ROUTES),
  fetchedAt: z.iso.datetime({ offset: true }),
  chars: z.int().min(0),
  /** The LaTeX converter, for the latex route. */
  converter: z.string().optional(),
  /** Why the routes before the one that worked failed. */
  failures: z.array(z.object({ route: z.string(), reason: z.string() })).default([]),
});
export type FulltextMeta = z.infer<typeof FulltextMeta>;

export interface CachedText {
  meta: FulltextMeta;
  markdown: string;
}

export interface FulltextStore {
  get(id: string): Promise<CachedText | undefined>;
  put(markdown: string, meta: FulltextMeta): Promise<void>;
  /** Where the markdown of `id` lives. */
  fileOf(id: string): string;
}

export function createFulltextStore(stateDir: string): FulltextStore {
  const dir = statePaths(stateDir).fulltextDir;
  const base = (id: string): string => join(dir, shardOf(id), id.replace('/', '_'));
  return {
    fileOf: (id) => `${base(id)}.md`,
    async get(id) {
      const meta = await readJsonFile(`${base(id)}.json`, FulltextMeta).catch(() => undefined);
      if (!meta || meta.id !== id) return undefined;
      const markdown = await readTextIfExists(`${base(id)}.md`);
      if (markdown === undefined || markdown.length !== meta.chars) return undefined;
      return { meta, markdown };
    },
    async put(markdown, meta) {
      await writeFileAtomic(`${base(meta.id)}.md`, markdown);
      await writeJsonFile(`${base(meta.id)}.json`, { ...meta, chars: markdown.length });
    },
  };
}
