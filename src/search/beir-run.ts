/**
 * Runs a search version over every query of a BEIR collection's split (the queries that have
 * judgments) and collects a TREC run, timing each query. The corpus is the collection's, in
 * memory, unless the caller gives one (with cached indexes).
 */
import type { BeirCollection, TrecRunLine } from '../store/beir-collection.ts';
import { readBeirDocuments } from '../store/beir-collection.ts';
import { createMemoryCorpus } from './corpus.ts';
import { createSearchEngine, type SearchEngineDeps } from './create-engine.ts';
import type { SearchVersion } from './search-version.ts';

export interface BeirRunResult {
  lines: TrecRunLine[];
  queries: number;
  documents: number;
  /** Milliseconds: corpus read + index build, and per query. */
  indexMs: number;
  queryMs: number[];
}

export interface BeirRunOptions {
  split: string;
  k: number;
  now?: () => number;
}

export async function runBeir(
  collection: BeirCollection,
  version: SearchVersion,
  options: BeirRunOptions,
  deps: Partial<SearchEngineDeps> = {},
): Promise<BeirRunResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const [corpus, queries, qrels] = await Promise.all([
    deps.corpus ?? readBeirDocuments(collection).then((docs) => createMemoryCorpus(docs)),
    collection.queries(),
    collection.qrels(options.split),
  ]);
  const engine = await createSearchEngine(version, { ...deps, corpus });
  // Build the index before timing queries (BM25 analyzes the corpus on first use).
  await engine.search('warm up index', { k: 1, snippets: false });
  const indexMs = now() - started;
  const lines: TrecRunLine[] = [];
  const queryMs: number[] = [];
  const judged = queries.filter((q) => qrels.has(q.id));
  for (const query of judged) {
    const t0 = now();
    const result = await engine.search(query.text, { k: options.k, snippets: false });
    queryMs.push(now() - t0);
    result.hits.forEach((hit, i) => {
      lines.push({ qid: query.id, docid: hit.id, rank: i + 1, score: hit.score });
    });
  }
  return { lines, queries: judged.length, documents: corpus.size(), indexMs, queryMs };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
