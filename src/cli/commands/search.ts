/**
 * `radar search "<query>"` over the radar's papers, and `radar search --beir DIR --run-out FILE`,
 * which runs every judged query of a BEIR collection and writes a TREC run file.
 */
import { UsageError } from '../../core/errors.ts';
import { percentile, runBeir } from '../../search/beir-run.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import type { SearchFilters } from '../../search/search-port.ts';
import { configuredVersions, findVersion, type SearchVersion } from '../../search/search-version.ts';
import { openBeirCollection, writeTrecRun } from '../../store/beir-collection.ts';
import type { CommandContext } from '../context.ts';
import { llmRerankerFor, papersCorpusFor, storedVectorsFor } from '../search-services.ts';
import { beirCorpus } from './eval-search-engine.ts';

export interface SearchFlags {
  algo?: string;
  k?: string;
  since?: string;
  until?: string;
  categories?: string;
  liked?: boolean;
  hasSummary?: boolean;
  json?: boolean;
  beir?: string;
  split?: string;
  runOut?: string;
}

function parseK(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 1000)
    throw new UsageError(`--k must be a whole number 1–1000, got "${value}"`);
  return k;
}

function filtersOf(flags: SearchFlags): SearchFilters {
  return {
    since: flags.since,
    until: flags.until,
    categories: flags.categories
      ?.split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    likedOnly: flags.liked === true ? true : undefined,
    hasSummary: flags.hasSummary === true ? true : undefined,
  };
}

async function runBeirMode(
  ctx: CommandContext,
  version: SearchVersion,
  flags: SearchFlags,
  out: (l: string) => void,
) {
  if (!flags.runOut) throw new UsageError('--beir needs --run-out FILE for the TREC run');
  const collection = await openBeirCollection(flags.beir ?? '');
  const split = flags.split ?? 'test';
  const { corpus, vectors } = await beirCorpus(ctx, flags.beir ?? '');
  const result = await runBeir(
    collection,
    version,
    { split, k: parseK(flags.k, 100) },
    { corpus, vectors, reranker: llmRerankerFor(ctx, version) },
  );
  await writeTrecRun(flags.runOut, result.lines, version.name);
  const mean = result.queryMs.reduce((s, x) => s + x, 0) / Math.max(1, result.queryMs.length);
  out(
    `${version.name}: ${result.queries} queries of split "${split}" over ${result.documents} documents → ${flags.runOut}`,
  );
  out(
    `index ${result.indexMs.toFixed(0)} ms; per query mean ${mean.toFixed(2)} ms, p50 ${percentile(result.queryMs, 50).toFixed(2)} ms, p95 ${percentile(result.queryMs, 95).toFixed(2)} ms`,
  );
  return 0;
}

export async function runSearch(
  ctx: CommandContext,
  query: string | undefined,
  flags: SearchFlags,
  out: (line: string) => void,
): Promise<number> {
  const version = findVersion(flags.algo ?? 'bm25', configuredVersions(ctx.loaded.config.search.versions));
  if (flags.beir !== undefined) return runBeirMode(ctx, version, flags, out);
  if (query === undefined || query.trim() === '')
    throw new UsageError('usage: radar search "<query>" (or --beir DIR --run-out FILE)');
  const corpus = await papersCorpusFor(ctx);
  const engine = await createSearchEngine(version, {
    corpus,
    vectors: storedVectorsFor(ctx, 'search'),
    reranker: llmRerankerFor(ctx, version),
  });
  const result = await engine.search(query, { k: parseK(flags.k, 10), filters: filtersOf(flags) });
  const hits = result.hits.map((hit) => {
    const paper = corpus.paper(hit.id);
    return {
      ...hit,
      title: paper?.title ?? '',
      published: paper?.published.slice(0, 10) ?? '',
      url: paper?.absUrl ?? '',
    };
  });
  if (flags.json) {
    out(
      JSON.stringify({ query, version: version.name, emptyQuery: result.emptyQuery === true, hits }, null, 2),
    );
    return 0;
  }
  if (result.emptyQuery) {
    out(`"${query}" has nothing to search for: only stop words or punctuation.`);
    return 0;
  }
  if (hits.length === 0) {
    out(`No paper among ${corpus.size()} matches "${query}".`);
    return 0;
  }
  hits.forEach((hit, i) => {
    out(`${i + 1}. ${hit.title} (${hit.id}, ${hit.published}) ${hit.score.toFixed(3)}`);
    if (hit.snippet) out(`   ${hit.snippet}`);
    out(`   ${hit.url}`);
  });
  return 0;
}
