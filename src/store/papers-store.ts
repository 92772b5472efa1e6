/**
 * Paper metadata in `papers/<YYMM>.csv`, one row per paper, sorted by id. A newer version of a
 * paper replaces its row; the same version with changed metadata updates it; nothing duplicates.
 */
import { compareIds, shardOf } from '../core/arxiv-id.ts';
import { readCsv, writeCsv } from './csv-file.ts';
import { listDir } from './list-dir.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { paperCodec } from './paper-codec.ts';
import {
  headOf,
  type PaperHead,
  papersCachePath,
  papersHeadsCachePath,
  readPapersCache,
  readPapersHeadsCache,
  writeHeadsFromRows,
  writePapersCache,
} from './papers-cache.ts';
import { statePaths } from './paths.ts';
import type { Paper } from './schemas.ts';

export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export type { PaperHead } from './papers-cache.ts';

export interface ReadAllOptions {
  shards?: readonly string[];
  /** Ids left out; chosen on the light view, so a shard with nothing else to read is never parsed in full. */
  exclude?: ReadonlySet<string>;
  /** Selection on the light view (dates, categories, title), before any full row is read. */
  whereHead?: (head: PaperHead) => boolean;
  /** Selection on the full rows that pass `exclude` and `whereHead`. */
  where?: (paper: Paper) => boolean;
}

export interface PapersStore {
  upsert(papers: readonly Paper[]): Promise<UpsertCounts>;
  readShard(yymm: string): Promise<Paper[]>;
  /**
   * `exclude` (ids) and `where` leave papers out as each shard is read, so memory holds only
   * what is kept, not every paper at once.
   */
  readAll(options?: ReadAllOptions): Promise<Paper[]>;
  /** The light view of every paper (or of some shards): no abstracts, authors or links. */
  readHeads(options?: {
    shards?: readonly string[];
    where?: (head: PaperHead) => boolean;
  }): Promise<PaperHead[]>;
  shards(): Promise<string[]>;
  get(ids: readonly string[]): Promise<Map<string, Paper>>;
}

function samePaper(a: Paper, b: Paper): boolean {
  return JSON.stringify(paperCodec.encode(a)) === JSON.stringify(paperCodec.encode(b));
}

/** Which of two rows of one paper wins: the newer version, then the later update. */
function newer(current: Paper, incoming: Paper): boolean {
  if (incoming.version !== current.version) return incoming.version > current.version;
  return incoming.updated >= current.updated;
}

/** Cross-listed papers can arrive twice in one batch: the newest row of each id, in first-seen order. */
export function newestById(papers: readonly Paper[]): Paper[] {
  const unique = new Map<string, Paper>();
  for (const paper of papers) {
    const seen = unique.get(paper.id);
    if (!seen || newer(seen, paper)) unique.set(paper.id, paper);
  }
  return [...unique.values()];
}

/**
 * The upsert rule of one shard, shared with the in-memory twin: a new id is added, a newer
 * version (or the same version updated later) with changed fields replaces, anything else is
 * unchanged. `accept` turns an incoming paper into the stored row. Returns whether a row changed.
 */
export function mergeIntoShard(
  rows: Map<string, Paper>,
  incoming: readonly Paper[],
  counts: UpsertCounts,
  accept: (paper: Paper) => Paper = (paper) => paper,
): boolean {
  let changed = false;
  for (const paper of incoming) {
    const current = rows.get(paper.id);
    if (!current) counts.added += 1;
    else if (newer(current, paper) && !samePaper(current, paper)) counts.updated += 1;
    else {
      counts.unchanged += 1;
      continue;
    }
    rows.set(paper.id, accept(paper));
    changed = true;
  }
  return changed;
}

export function groupByShard<T extends { id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const shard = shardOf(row.id);
    const group = groups.get(shard);
    if (group) group.push(row);
    else groups.set(shard, [row]);
  }
  return groups;
}

export async function listShards(dir: string, extension: string): Promise<string[]> {
  return (await listDir(dir))
    .filter((name) => name.endsWith(extension) && !name.startsWith('.'))
    .map((name) => name.slice(0, -extension.length))
    .sort();
}

export function createPapersStore(stateDir: string): PapersStore {
  const paths = statePaths(stateDir);

  const cacheFile = (yymm: string): string => papersCachePath(paths.indexDir, yymm);
  const headsFile = (yymm: string): string => papersHeadsCachePath(paths.indexDir, yymm);
  const writeShard = async (yymm: string, rows: readonly Paper[]): Promise<void> => {
    await writeCsv(paths.papersShard(yymm), rows, paperCodec);
    await writePapersCache(cacheFile(yymm), paths.papersShard(yymm), rows, headsFile(yymm));
  };
  const readShard = async (yymm: string): Promise<Paper[]> => {
    const cached = await readPapersCache(cacheFile(yymm), paths.papersShard(yymm));
    if (cached) return cached;
    const rows = await readCsv(paths.papersShard(yymm), paperCodec);
    // Best effort: a reader that cannot write (a read-only copy of the state) still reads.
    if (rows.length > 0)
      await writePapersCache(cacheFile(yymm), paths.papersShard(yymm), rows, headsFile(yymm)).catch(
        () => undefined,
      );
    return rows;
  };
  const readShardHeads = async (yymm: string): Promise<PaperHead[]> => {
    const cached = await readPapersHeadsCache(headsFile(yymm), paths.papersShard(yymm));
    if (cached) return cached;
    const rows = await readShard(yymm);
    // The full cache may have been valid while the light one was missing (a state from before it).
    if (rows.length > 0)
      await writeHeadsFromRows(headsFile(yymm), paths.papersShard(yymm), rows).catch(() => undefined);
    return rows.map(headOf);
  };
  /** The shard's full rows among `selected` light rows (all of them when nothing was left out). */
  const readSelected = async (yymm: string, options: ReadAllOptions): Promise<Paper[]> => {
    const { exclude, whereHead, where } = options;
    if (!exclude && !whereHead) {
      const rows = await readShard(yymm);
      return where ? rows.filter(where) : rows;
    }
    const heads = await readShardHeads(yymm);
    const wanted = new Set(
      heads.filter((h) => !exclude?.has(h.id) && (whereHead?.(h) ?? true)).map((h) => h.id),
    );
    if (wanted.size === 0) return [];
    return (await readShard(yymm)).filter((p) => wanted.has(p.id) && (where?.(p) ?? true));
  };
  const shards = (): Promise<string[]> => listShards(paths.papersDir, '.csv');

  const upsertShard = async (
    yymm: string,
    incoming: readonly Paper[],
    counts: UpsertCounts,
  ): Promise<void> => {
    const rows = new Map((await readShard(yymm)).map((p) => [p.id, p]));
    if (mergeIntoShard(rows, incoming, counts)) {
      const sorted = [...rows.values()].sort((a, b) => compareIds(a.id, b.id));
      await writeShard(yymm, sorted);
    }
  };

  return {
    readShard,
    shards,
    async upsert(papers) {
      const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0 };
      for (const [yymm, group] of groupByShard(newestById(papers))) await upsertShard(yymm, group, counts);
      return counts;
    },
    async readAll(options) {
      const names = options?.shards ?? (await shards());
      const parts = await mapConcurrent(names, 1, (name) => readSelected(name, options ?? {}));
      return parts.flat();
    },
    async readHeads(options) {
      const names = options?.shards ?? (await shards());
      const where = options?.where;
      const parts = await mapConcurrent(names, 1, async (name) => {
        const heads = await readShardHeads(name);
        return where ? heads.filter(where) : heads;
      });
      return parts.flat();
    },
    async get(ids) {
      const wanted = new Set(ids);
      const names = [...new Set(ids.map(shardOf))].sort();
      const found = new Map<string, Paper>();
      // One shard at a time, keeping only the wanted rows: a few ids never hold every shard at once.
      await mapConcurrent(names, 1, async (name) => {
        for (const paper of await readShard(name)) if (wanted.has(paper.id)) found.set(paper.id, paper);
      });
      return found;
    },
  };
}
