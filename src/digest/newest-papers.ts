/**
 * The newest papers of the store read from its newest shards only: shards are arXiv id months,
 * and an id's month is the month of its first version, so the newest `count` papers by
 * `published` lie in the newest shards that together hold `count` rows. A 100k-paper store
 * then reads a month or two of light rows, never the whole light view.
 */
import type { PaperHead } from '../store/papers-store.ts';

export interface NewestPapersSource {
  shards(): Promise<string[]>;
  readHeads(options: { shards: readonly string[] }): Promise<PaperHead[]>;
}

/** `yymm` as a sortable year-month: ids of 1991–1999 (old-style `cs/9912…`) come before 2000's. */
function monthKey(yymm: string): number {
  const yy = Number(yymm.slice(0, 2));
  return (yy >= 90 ? 1900 + yy : 2000 + yy) * 100 + Number(yymm.slice(2, 4));
}

/** Shard names, newest month first. */
export function shardsNewestFirst(shards: readonly string[]): string[] {
  return [...shards].sort((a, b) => monthKey(b) - monthKey(a));
}

function byPublishedDesc(a: PaperHead, b: PaperHead): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The `count` most recently published papers' light rows, newest first. */
export async function newestHeads(store: NewestPapersSource, count: number): Promise<PaperHead[]> {
  if (count <= 0) return [];
  const heads: PaperHead[] = [];
  for (const shard of shardsNewestFirst(await store.shards())) {
    if (heads.length >= count) break;
    heads.push(...(await store.readHeads({ shards: [shard] })));
  }
  return heads.sort(byPublishedDesc).slice(0, count);
}
