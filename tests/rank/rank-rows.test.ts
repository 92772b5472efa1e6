import { describe, expect, it } from 'vitest';
import { rankPapers } from '../../src/rank/rank-papers.ts';
import type { EmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { MODEL, newId, rankDeps, seedState } from './seed-state.ts';

const tempDir = useTempDirs();

describe('rankPapers with an embedding model', () => {
  it("reads the labeled, new and sampled rows shard by shard, never the model's whole matrix", async () => {
    const stateDir = await seedState(tempDir, { labels: true });
    const deps = rankDeps(stateDir);
    const loads: Array<readonly string[] | undefined> = [];
    const spied = (store: EmbeddingsStore): EmbeddingsStore => ({
      ...store,
      load: (options) => {
        loads.push(options?.shards);
        return store.load(options);
      },
    });
    const stores = { ...deps.stores, vectors: (model: string) => spied(deps.stores.vectors(model)) };
    const result = await rankPapers({ ...deps, stores }, { date: '2026-11-21' });
    const ranking = result.models[0];
    expect(ranking?.model).toBe(MODEL);
    expect(ranking?.mode).toBe('classifier');
    expect(ranking?.picks).toHaveLength(6);
    expect(ranking?.duplicates).toBe(1);
    expect(ranking?.picks.map((p) => p.id)).not.toContain(newId(40));
    expect(loads.length).toBeGreaterThan(0);
    for (const shards of loads) expect(shards).toHaveLength(1);
  });

  it('picks the same papers from a matrix the caller shares across the run', async () => {
    const read = await seedState(tempDir, { labels: true });
    const shared = await seedState(tempDir, { labels: true });
    const own = await rankPapers(rankDeps(read), { date: '2026-11-21' });
    const deps = rankDeps(shared);
    let asked = 0;
    const given = await rankPapers(
      {
        ...deps,
        loadVectors: (model) => {
          asked += 1;
          return deps.stores.vectors(model).load();
        },
      },
      { date: '2026-11-21' },
    );
    expect(asked).toBe(1);
    expect(given.models[0]?.picks).toEqual(own.models[0]?.picks);
    expect(given.models[0]?.duplicates).toBe(1);
  });
});
