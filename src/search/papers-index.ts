/**
 * Keeps the persistent BM25 index of the radar's papers up to date: loaded when its stamp
 * matches the papers shards, extended with the new papers of changed shards (a day's papers
 * cost an append, not a rebuild), rebuilt when it is missing, unreadable, built with another
 * analyzer, or a known paper changed or vanished. Never rebuilt per query.
 */
import { shardOf } from '../core/arxiv-id.ts';
import type { Logger } from '../log/logger.ts';
import {
  papersShardStamps,
  readSearchIndex,
  searchIndexPath,
  writeSearchIndex,
} from '../store/search-index-store.ts';
import type { AnalyzerOptions } from '../text/tokenize.ts';
import { analyzerSignature } from '../text/tokenize.ts';
import { contentHash, createLexicalBuilder, type LexicalIndex, lexicalFromIndex } from './lexical-index.ts';
import type { SearchDocument } from './search-port.ts';

export type IndexOrigin = 'loaded' | 'updated' | 'rebuilt';

export interface PapersIndexDeps {
  stateDir: string;
  logger?: Logger | undefined;
}

function build(docs: Iterable<SearchDocument>, options: AnalyzerOptions, base?: LexicalIndex): LexicalIndex {
  const builder = createLexicalBuilder(options, base);
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}

/** The documents of changed shards that the index lacks; undefined when an update cannot be an append. */
function newDocuments(
  lexical: LexicalIndex,
  docs: ReadonlyMap<string, SearchDocument>,
  changed: ReadonlySet<string>,
): SearchDocument[] | undefined {
  const known = new Map(lexical.index.docIds.map((id, n) => [id, n]));
  const fresh: SearchDocument[] = [];
  for (const doc of docs.values()) {
    if (!changed.has(shardOf(doc.id))) continue;
    const n = known.get(doc.id);
    if (n === undefined) fresh.push(doc);
    else if (lexical.index.docHashes[n] !== contentHash(doc)) return undefined;
  }
  if (known.size + fresh.length !== docs.size) return undefined;
  return fresh;
}

/** Opens the index for `docs` (every paper, by id), bringing it up to date and saving it if needed. */
export async function syncPapersIndex(
  deps: PapersIndexDeps,
  docs: ReadonlyMap<string, SearchDocument>,
  options: AnalyzerOptions,
): Promise<{ lexical: LexicalIndex; origin: IndexOrigin; added: number }> {
  const file = searchIndexPath(deps.stateDir);
  const signature = analyzerSignature(options);
  const [stored, stamps] = await Promise.all([readSearchIndex(file), papersShardStamps(deps.stateDir)]);
  const save = (lexical: LexicalIndex) =>
    writeSearchIndex(file, { analyzer: signature, shards: stamps, index: lexical.index });
  if (stored && stored.analyzer === signature) {
    const lexical = lexicalFromIndex(stored.index, options);
    const changed = new Set(Object.keys(stamps).filter((s) => stored.shards[s] !== stamps[s]));
    const removed = Object.keys(stored.shards).some((s) => !(s in stamps));
    if (changed.size === 0 && !removed && lexical.index.docIds.length === docs.size) {
      return { lexical, origin: 'loaded', added: 0 };
    }
    const fresh = removed ? undefined : newDocuments(lexical, docs, changed);
    if (fresh) {
      const updated = fresh.length > 0 ? build(fresh, options, lexical) : lexical;
      await save(updated);
      deps.logger?.info({ added: fresh.length }, 'search index updated');
      return { lexical: updated, origin: 'updated', added: fresh.length };
    }
  }
  const lexical = build(docs.values(), options);
  await save(lexical);
  deps.logger?.info({ documents: docs.size }, 'search index rebuilt');
  return { lexical, origin: 'rebuilt', added: docs.size };
}
