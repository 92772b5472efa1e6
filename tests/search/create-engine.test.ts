import { describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../src/core/errors.ts';
import { createMemoryCorpus, type FilterFacts } from '../../src/search/corpus.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import type { Reranker } from '../../src/search/engines/rerank-engine.ts';
import type { OpenVectorSearcher } from '../../src/search/engines/vector-engine.ts';
import type { SearchDocument } from '../../src/search/search-port.ts';

const docs: SearchDocument[] = [
  {
    id: 'p1',
    title: 'Speculative decoding for fast inference',
    text: 'We draft tokens with a small model. The large model verifies them.',
  },
  {
    id: 'p2',
    title: 'Graph neural networks',
    text: 'Message passing on graphs. We study over-smoothing in deep GNNs.',
  },
  {
    id: 'p3',
    title: 'Faster LLM inference',
    text: 'Quantization and decoding tricks make inference faster.',
  },
  { id: 'p4', title: 'Protein folding', text: 'Structure prediction with attention.' },
];
const facts: Record<string, FilterFacts> = {
  p1: { published: '2025-11-02', categories: ['cs.CL'], liked: true, hasSummary: true },
  p2: { published: '2025-10-01', categories: ['cs.LG'], liked: false, hasSummary: false },
  p3: { published: '2025-11-20', categories: ['cs.CL', 'cs.LG'], liked: false, hasSummary: true },
  p4: { published: '2025-11-21', categories: ['q-bio.BM'] },
};
const corpus = () => createMemoryCorpus(docs, (id) => facts[id]);

/** In-memory vector search: a fixed similarity per (query word, doc). */
const vectors: OpenVectorSearcher = async (model) => ({
  model: model ?? 'default',
  async nearest(query, k) {
    const order = query.includes('protein') ? ['p4', 'p2', 'p1', 'p3'] : ['p3', 'p4', 'p1', 'p2'];
    return order.slice(0, k).map((id, i) => ({ id, score: 0.9 - i * 0.1 }));
  },
});

describe('createSearchEngine', () => {
  it('runs BM25 with snippets from the best sentence', async () => {
    const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus: corpus() });
    const result = await engine.search('speculative decoding verifies');
    expect(engine.name).toBe('bm25');
    expect(result.hits[0]?.id).toBe('p1');
    expect(result.hits[0]?.snippet).toBe('The large model verifies them.');
    expect(result.hits.map((h) => h.id)).toContain('p3');
  });

  it('answers an all-stop-word or empty query as empty', async () => {
    const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus: corpus() });
    expect(await engine.search('the of and')).toEqual({ hits: [], emptyQuery: true });
    expect(await engine.search('   ')).toEqual({ hits: [], emptyQuery: true });
    const hybrid = await createSearchEngine(
      { name: 'h', algorithm: 'hybrid' },
      { corpus: corpus(), vectors },
    );
    expect((await hybrid.search('the')).emptyQuery).toBe(true);
  });

  it('filters by date range, category, liked and summary', async () => {
    const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus: corpus() });
    const ids = async (filters: object) =>
      (await engine.search('inference decoding graphs', { filters })).hits.map((h) => h.id).sort();
    expect(await ids({ since: '2025-11-01' })).toEqual(['p1', 'p3']);
    expect(await ids({ until: '2025-11-01' })).toEqual(['p2']);
    expect(await ids({ categories: ['cs.LG'] })).toEqual(['p2', 'p3']);
    expect(await ids({ likedOnly: true })).toEqual(['p1']);
    expect(await ids({ hasSummary: false })).toEqual(['p2']);
    await expect(engine.search('x', { filters: { since: 'yesterday' } })).rejects.toThrow(UsageError);
  });

  it('refuses filters on a corpus without facts', async () => {
    const engine = await createSearchEngine(
      { name: 'bm25', algorithm: 'bm25' },
      { corpus: createMemoryCorpus(docs) },
    );
    await expect(engine.search('graphs', { filters: { likedOnly: true } })).rejects.toThrow(UsageError);
  });

  it('rejects unknown or invalid parameters with a config error naming them', async () => {
    const bad = createSearchEngine(
      { name: 'x', algorithm: 'bm25', parameters: { k1: -1, kl: 2 } },
      { corpus: corpus() },
    );
    await expect(bad).rejects.toThrow(ConfigError);
    await expect(bad).rejects.toThrow(/k1/);
    await expect(
      createSearchEngine({ name: 'v', algorithm: 'vector' }, { corpus: corpus() }),
    ).rejects.toThrow(/needs embeddings/);
  });

  it('runs vector search and filters its neighbours', async () => {
    const engine = await createSearchEngine(
      { name: 'v', algorithm: 'vector' },
      { corpus: corpus(), vectors },
    );
    expect((await engine.search('protein structure', { k: 2 })).hits.map((h) => h.id)).toEqual(['p4', 'p2']);
    const filtered = await engine.search('protein structure', { k: 2, filters: { categories: ['cs.CL'] } });
    expect(filtered.hits.map((h) => h.id)).toEqual(['p1', 'p3']);
  });

  it('fuses BM25 and vector lists by RRF and by weighted scores', async () => {
    const deps = { corpus: corpus(), vectors };
    const rrf = await createSearchEngine({ name: 'h', algorithm: 'hybrid' }, deps);
    const hits = (await rrf.search('speculative decoding', { k: 4 })).hits;
    // BM25: p1 then p3; vector: p3, p4, p1, p2. RRF (k 60): p3 = 1/62 + 1/61 > p1 = 1/61 + 1/63.
    expect(hits.map((h) => h.id).slice(0, 2)).toEqual(['p3', 'p1']);
    expect(hits[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    const lexicalOnly = await createSearchEngine(
      { name: 'w', algorithm: 'hybrid', parameters: { fusion: 'weighted', bm25Weight: 1, vectorWeight: 0 } },
      deps,
    );
    expect((await lexicalOnly.search('speculative decoding')).hits[0]?.id).toBe('p1');
  });

  it('reranks the first stage with the reranker, and keeps its order when it declines', async () => {
    let answer: string[] | undefined = ['p3'];
    const seen: string[][] = [];
    const reranker: Reranker = {
      async rerank(_query, candidates) {
        seen.push(candidates.map((c) => c.id));
        return answer;
      },
    };
    const version = {
      name: 'r',
      algorithm: 'rerank' as const,
      parameters: { base: { algorithm: 'bm25' }, topK: 5 },
    };
    const engine = await createSearchEngine(version, { corpus: corpus(), reranker });
    expect((await engine.search('speculative decoding inference')).hits.map((h) => h.id)).toEqual([
      'p3',
      'p1',
    ]);
    expect(seen[0]).toEqual(['p1', 'p3']);
    answer = undefined;
    expect((await engine.search('speculative decoding inference')).hits.map((h) => h.id)).toEqual([
      'p1',
      'p3',
    ]);
  });
});
