/**
 * Keeps the persistent BM25 index of the radar's papers up to date: loaded when its stamp
 * matches the papers shards, extended with the new papers of changed shards (a day's papers
 * cost an append, not a rebuild), rebuilt when it is missing, unreadable, built with another
 * analyzer, or a known paper changed or vanished. Never rebuilt per query.
 *
 * The papers are streamed shard by shard from the store: a build holds one shard's papers and
 * one batch of compact postings (the sealed batches go to the port's scratch files), and writes
 * the base segment from them; the index for queries is then read back from that file. An update
 * concatenates the stored segments and the new papers once. The index files are derived data behind their own
 * small port (`PapersIndexFiles`), opened over the state directory by the composition root.
 */
import { shardOf } from '../core/arxiv-id.ts';
import { StateFileError } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { Paper } from '../store/schemas.ts';
import type { StoredSearchIndexParts, StoredSearchSegments } from '../store/search-index-store.ts';
import type { Stores } from '../store/stores.ts';
import type { AnalyzerOptions } from '../text/tokenize.ts';
import { analyzerSignature } from '../text/tokenize.ts';
import { concatDocuments, concatIndexes } from './bm25/concat-indexes.ts';
import type { SegmentedIndex, SegmentSpill } from './bm25/index-builder.ts';
import { emptyIndex, type InvertedIndex, termNumbers } from './bm25/inverted-index.ts';
import { contentHash, createLexicalBuilder, type LexicalIndex, lexicalFromIndex } from './lexical-index.ts';
import type { SearchDocument } from './search-port.ts';

export type IndexOrigin = 'loaded' | 'updated' | 'rebuilt';

/** An append to the stored index: the new documents alone, or every document when it merges. */
export interface PapersIndexUpdate {
  analyzer: string;
  shards: Record<string, string>;
  addition: InvertedIndex | SegmentedIndex;
  merged: () => InvertedIndex;
}

/** The persistent index files, and the stamps of the papers shards they are checked against. */
export interface PapersIndexFiles {
  /** Where the index lives, for errors. */
  readonly location: string;
  /** One stamp per papers shard: a changed stamp means the shard changed. */
  shardStamps(): Promise<Record<string, string>>;
  /** Undefined when there is no readable index (the caller rebuilds). */
  read(): Promise<StoredSearchSegments | undefined>;
  writeBase(stored: StoredSearchIndexParts): Promise<void>;
  /** Scratch space a full build spills its postings to (without it, they stay in memory). */
  scratch?(): SegmentSpill & { dispose(): void };
  /**
   * The papers of one shard (the ones `shardStamps` stamps), streamed: a full build reads them
   * so (without it, it reads each shard whole from the papers store).
   */
  streamShard?(yymm: string): AsyncIterable<Pick<Paper, 'id' | 'title' | 'abstract'>>;
  saveUpdate(previous: StoredSearchSegments, update: PapersIndexUpdate): Promise<'appended' | 'merged'>;
}

export interface PapersIndexDeps {
  stores: Pick<Stores, 'papers'>;
  files: PapersIndexFiles;
  logger?: Logger | undefined;
  /** Called after each papers shard is indexed (progress of a rebuild or an update). */
  onShard?: ((done: number, total: number) => void) | undefined;
}

export interface PapersIndexResult {
  lexical: LexicalIndex;
  origin: IndexOrigin;
  added: number;
}

export function paperDocument(paper: Pick<Paper, 'id' | 'title' | 'abstract'>): SearchDocument {
  return { id: paper.id, title: paper.title, text: paper.abstract };
}

/**
 * The papers of the changed shards that the index lacks; undefined when an update cannot be an
 * append (a known paper changed, or one of the index's papers is no longer in its shard).
 */
async function newDocuments(
  index: Pick<InvertedIndex, 'docIds' | 'docHashes'>,
  changed: readonly string[],
  readShard: (yymm: string) => Promise<Paper[]>,
): Promise<SearchDocument[] | undefined> {
  const wanted = new Set(changed);
  const known = new Map<string, number>();
  index.docIds.forEach((id, n) => {
    if (wanted.has(shardOf(id))) known.set(id, n);
  });
  const fresh: SearchDocument[] = [];
  let matched = 0;
  for (const shard of changed) {
    for (const paper of await readShard(shard)) {
      const doc = paperDocument(paper);
      const n = known.get(doc.id);
      if (n === undefined) fresh.push(doc);
      else if (index.docHashes[n] !== contentHash(doc)) return undefined;
      else matched += 1;
    }
  }
  return matched === known.size ? fresh : undefined;
}

/** Indexes every shard, one at a time, and writes the file from the segments; returns the paper count. */
async function rebuildFile(
  deps: PapersIndexDeps,
  options: AnalyzerOptions,
  shards: readonly string[],
  stamps: Record<string, string>,
): Promise<number> {
  const scratch = deps.files.scratch?.();
  try {
    const builder = createLexicalBuilder(options, undefined, scratch);
    let done = 0;
    const stream = deps.files.streamShard?.bind(deps.files);
    for (const shard of shards) {
      if (stream) for await (const paper of stream(shard)) builder.add(paperDocument(paper));
      else for (const paper of await deps.stores.papers.readShard(shard)) builder.add(paperDocument(paper));
      deps.onShard?.(++done, shards.length);
    }
    const built = builder.segmented();
    const signature = analyzerSignature(options);
    await deps.files.writeBase({
      analyzer: signature,
      shards: stamps,
      index: built,
    });
    deps.logger?.info({ documents: built.docIds.length }, 'search index rebuilt');
    return built.docIds.length;
  } finally {
    scratch?.dispose();
  }
}

/** The stored index when it is current or can be brought up to date by an append; else undefined. */
async function loadOrAppend(
  deps: PapersIndexDeps,
  options: AnalyzerOptions,
  stamps: Record<string, string>,
): Promise<PapersIndexResult | undefined> {
  const signature = analyzerSignature(options);
  const stored = await deps.files.read();
  if (!stored || stored.analyzer !== signature) return undefined;
  // One concatenation of the stored parts (and the new papers), with one map of term numbers.
  const vocabulary = termNumbers(stored.segments[0] ?? emptyIndex());
  const joined = (parts: readonly InvertedIndex[]) =>
    lexicalFromIndex(concatIndexes(parts, vocabulary), options, vocabulary);
  const changed = Object.keys(stamps)
    .sort()
    .filter((s) => stored.shards[s] !== stamps[s]);
  const removed = Object.keys(stored.shards).some((s) => !(s in stamps));
  if (changed.length === 0 && !removed)
    return { lexical: joined(stored.segments), origin: 'loaded', added: 0 };
  if (removed) return undefined;
  const fresh = await newDocuments(concatDocuments(stored.segments), changed, (shard) =>
    deps.stores.papers.readShard(shard),
  );
  if (!fresh) return undefined;
  // The new papers alone, with their own vocabulary: the day segment written is O(day) bytes.
  const builder = createLexicalBuilder(options);
  for (const doc of fresh) builder.add(doc);
  const addition = builder.finish().index;
  const lexical = joined([...stored.segments, addition]);
  const saved = await deps.files.saveUpdate(stored, {
    analyzer: signature,
    shards: stamps,
    addition,
    merged: () => lexical.index,
  });
  deps.onShard?.(changed.length, changed.length);
  deps.logger?.info({ added: fresh.length, segments: saved }, 'search index updated');
  return { lexical, origin: 'updated', added: fresh.length };
}

/** Opens the index of every paper in the state, bringing it up to date and saving it if needed. */
export async function syncPapersIndex(
  deps: PapersIndexDeps,
  options: AnalyzerOptions,
): Promise<PapersIndexResult> {
  const stamps = await deps.files.shardStamps();
  const current = await loadOrAppend(deps, options, stamps);
  if (current) return current;
  const documents = await rebuildFile(deps, options, Object.keys(stamps).sort(), stamps);
  const reread = await deps.files.read();
  if (!reread)
    throw new StateFileError(deps.files.location, 'the search index just written cannot be read back');
  return {
    lexical: lexicalFromIndex(concatIndexes(reread.segments), options),
    origin: 'rebuilt',
    added: documents,
  };
}
