/**
 * The rerank version: a first stage (BM25, vector or hybrid) whose top hits an LLM reorders.
 * When the reranker declines (budget spent, the call failed) the first stage's order stands.
 */
import { ConfigError } from '../../core/errors.ts';
import type { SearchCorpus } from '../corpus.ts';
import type { SearchDocument, SearchEngine, SearchHit } from '../search-port.ts';
import type { RerankParameters } from '../search-version.ts';
import { DEFAULT_K } from './bm25-engine.ts';

export interface Reranker {
  /** Ids best first (ids it leaves out follow in first-stage order), or undefined to keep the order. */
  rerank(
    query: string,
    candidates: readonly SearchDocument[],
    options: { model?: string | undefined; signal?: AbortSignal | undefined },
  ): Promise<readonly string[] | undefined>;
}

/** First-stage hits reordered: the reranked ids first, then the rest in their old order. */
export function applyOrder(hits: readonly SearchHit[], order: readonly string[]): SearchHit[] {
  const byId = new Map(hits.map((h) => [h.id, h]));
  const first = [...new Set(order)].flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(first.map((h) => h.id));
  const ranked = [...first, ...hits.filter((h) => !placed.has(h.id))];
  // Scores become rank-based so they stay monotone with the new order.
  return ranked.map((h, i) => ({ ...h, score: 1 / (i + 1) }));
}

export function createRerankEngine(
  name: string,
  params: RerankParameters,
  base: SearchEngine,
  corpus: SearchCorpus,
  reranker: Reranker | undefined,
): SearchEngine {
  if (!reranker)
    throw new ConfigError(`search version "${name}" needs an LLM for reranking, and none is configured`);
  return {
    name,
    async search(query, options = {}) {
      const k = options.k ?? DEFAULT_K;
      const first = await base.search(query, { ...options, k: Math.max(k, params.topK) });
      if (first.emptyQuery || first.hits.length === 0) return first;
      const head = first.hits.slice(0, params.topK);
      const docs = head.flatMap((h) => corpus.document(h.id) ?? []);
      const order = await reranker.rerank(query, docs, { model: params.model, signal: options.signal });
      const reordered = order ? [...applyOrder(head, order), ...first.hits.slice(params.topK)] : first.hits;
      return { hits: reordered.slice(0, k) };
    },
  };
}
