/**
 * `links.jsonl`: paper ↔ paper relations, one row per (from, to) — a newer classification
 * replaces the older — rewritten atomically, sorted by `from` then `to`.
 */
import { compareIds } from '../core/arxiv-id.ts';
import { readJsonl, writeJsonl } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { PaperLink } from './schemas.ts';

export interface LinksStore {
  readAll(): Promise<PaperLink[]>;
  /** Adds or replaces links by (from, to). */
  upsert(links: readonly PaperLink[]): Promise<void>;
}

const keyOf = (link: PaperLink): string => `${link.from} ${link.to}`;

export function compareLinks(a: PaperLink, b: PaperLink): number {
  return compareIds(a.from, b.from) || compareIds(a.to, b.to);
}

export function createLinksStore(stateDir: string): LinksStore {
  const file = statePaths(stateDir).links;
  const readAll = (): Promise<PaperLink[]> => readJsonl(file, PaperLink);
  return {
    readAll,
    async upsert(links) {
      if (links.length === 0) return;
      const rows = new Map((await readAll()).map((l) => [keyOf(l), l]));
      for (const link of links) rows.set(keyOf(link), PaperLink.parse(link));
      await writeJsonl(file, [...rows.values()].sort(compareLinks));
    },
  };
}
