import { describe, expect, it } from 'vitest';
import { loadPrompt } from '../../src/digest/prompt-files.ts';
import { parseTemplate } from '../../src/digest/prompt-template.ts';
import type { LlmClient } from '../../src/llm/llm-client.ts';
import { NO_USAGE } from '../../src/llm/llm-types.ts';
import { createLlmReranker, createMemoryRerankCache } from '../../src/search/llm-reranker.ts';
import { createStoredRerankCache } from '../../src/store/search-rerank-cache.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const prompt = () => loadPrompt('search-rerank');
const docs = [
  { id: 'a', title: 'Alpha', text: 'first' },
  { id: 'b', title: 'Beta', text: 'second' },
];

/** An in-memory stand-in of the LLM layer's structured call that answers from a queue. */
function fakeLlm(answers: ({ ids: string[] } | 'budget')[]) {
  const prompts: string[] = [];
  const llm: Pick<LlmClient, 'structured'> = {
    async structured(request) {
      prompts.push(request.messages.map((m) => m.content).join('\n'));
      const next = answers.shift();
      if (next === undefined || next === 'budget')
        return {
          ok: false,
          error: { kind: 'budget', message: 'spent' },
          usage: NO_USAGE,
          costUsd: 0,
          model: 'm',
        };
      const parsed = request.schema.safeParse(next);
      if (!parsed.success) throw new Error('fake answer does not fit the schema');
      return { ok: true, value: parsed.data, usage: NO_USAGE, costUsd: 0, model: 'm' };
    },
  };
  return { llm, prompts };
}

describe('LLM reranker', () => {
  it('asks with the query and candidates, keeps known ids, and caches by content', async () => {
    const { llm, prompts } = fakeLlm([{ ids: ['b', 'zz', 'b', 'a'] }]);
    const reranker = createLlmReranker(llm, prompt, createMemoryRerankCache());
    expect(await reranker.rerank('beta things', docs, {})).toEqual(['b', 'a']);
    expect(prompts[0]).toContain('Search query: beta things');
    expect(prompts[0]).toContain('[a] Alpha');
    expect(await reranker.rerank('beta things', docs, {})).toEqual(['b', 'a']);
    expect(prompts).toHaveLength(1);
  });

  it('renders prompts/search-rerank.md, and a changed prompt is not answered from the cache', async () => {
    const { llm, prompts } = fakeLlm([{ ids: ['a'] }, { ids: ['b'] }]);
    const cache = createMemoryRerankCache();
    const first = await createLlmReranker(llm, prompt, cache).rerank('q', docs, {});
    expect(prompts[0]).toContain('You rank research papers');
    expect(prompts[0]).toContain('[b] Beta\nsecond');
    const other = async () =>
      parseTemplate('search-rerank', '<!-- user -->\nRank for {{query}}:\n{{candidates}}');
    const second = await createLlmReranker(llm, other, cache).rerank('q', docs, {});
    expect([first, second]).toEqual([['a'], ['b']]);
    expect(prompts[1]).toMatch(/^Rank for q:/);
  });

  it('declines when the budget is spent, and does not cache the failure', async () => {
    const { llm, prompts } = fakeLlm(['budget', { ids: ['a'] }]);
    const reranker = createLlmReranker(llm, prompt);
    expect(await reranker.rerank('q', docs, {})).toBeUndefined();
    expect(await reranker.rerank('q', docs, {})).toEqual(['a']);
    expect(prompts).toHaveLength(2);
  });

  it('persists the cache in the state’s index folder', async () => {
    const stateDir = tempDir();
    await createStoredRerankCache(stateDir).set('k', ['b', 'a']);
    expect(await createStoredRerankCache(stateDir).get('k')).toEqual(['b', 'a']);
  });
});
