/**
 * The LLM reranker: the query and the first stage's top papers (title + abstract, cut) go to the
 * LLM layer (purpose `rerank`: its model, ledger and daily budget), which answers the ids best
 * first. The prompt is `prompts/search-rerank.md` ({{query}}, {{candidates}}), handed in by the
 * caller. Answers are cached by content (prompt hash, query, model choice, each candidate's id and text), so
 * the same question over the same papers costs one call. A failed or over-budget call returns
 * undefined and the first stage's order stands; failures are never cached.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type PromptTemplate, renderPrompt } from '../digest/prompt-template.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Reranker } from './engines/rerank-engine.ts';
import type { SearchDocument } from './search-port.ts';

export const RERANK_PURPOSE = 'rerank';
const TEXT_CHARS = 600;

export interface RerankCache {
  get(key: string): Promise<readonly string[] | undefined>;
  set(key: string, ids: readonly string[]): Promise<void>;
}

export function createMemoryRerankCache(): RerankCache {
  const entries = new Map<string, readonly string[]>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, ids) => {
      entries.set(key, ids);
    },
  };
}

const Ranking = z.object({ ids: z.array(z.string()) });

export function rerankKey(
  query: string,
  model: string | undefined,
  docs: readonly SearchDocument[],
  promptHash = '',
): string {
  const hash = createHash('sha256');
  hash.update(`v2\n${promptHash}\n${model ?? ''}\n${query}\n`);
  for (const doc of docs)
    hash.update(`${doc.id}\u0000${doc.title}\u0000${doc.text.slice(0, TEXT_CHARS)}\u0001`);
  return hash.digest('hex');
}

/** The candidates as the prompt lists them: `[id] title` and the abstract, cut. */
export function candidatesText(docs: readonly SearchDocument[]): string {
  return docs
    .map((d) => `[${d.id}] ${d.title}\n${d.text.replace(/\s+/gu, ' ').slice(0, TEXT_CHARS)}`)
    .join('\n\n');
}

/** `loadPrompt` gives the `search-rerank` template; it is called once, on the first rerank. */
export function createLlmReranker(
  llm: Pick<LlmClient, 'structured'>,
  loadPrompt: () => Promise<PromptTemplate>,
  cache: RerankCache = createMemoryRerankCache(),
): Reranker {
  let template: Promise<PromptTemplate> | undefined;
  return {
    async rerank(query, candidates, options) {
      if (candidates.length === 0) return [];
      template ??= loadPrompt();
      const prompt = await template;
      const key = rerankKey(query, options.model, candidates, prompt.hash);
      const cached = await cache.get(key);
      if (cached) return cached;
      const result = await llm.structured({
        purpose: RERANK_PURPOSE,
        messages: renderPrompt(prompt, { query, candidates: candidatesText(candidates) }),
        schema: Ranking,
        schemaName: 'search_rerank',
        temperature: 0,
      });
      if (!result.ok) return undefined;
      const known = new Set(candidates.map((c) => c.id));
      const ids = [...new Set(result.value.ids)].filter((id) => known.has(id));
      await cache.set(key, ids);
      return ids;
    },
  };
}
