import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import { openPapersCorpus } from '../../src/search/papers-corpus.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { decodeSearchIndex, encodeSearchIndex, searchIndexPath } from '../../src/store/search-index-store.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

const papers = [
  makePaper('2511.00001', { title: 'Speculative decoding', abstract: 'Draft tokens with a small model.' }),
  makePaper('2511.00002', { title: 'Graph neural networks', abstract: 'Message passing on graphs.' }),
  makePaper('2510.00003', { title: 'Protein folding', abstract: 'Structure prediction.' }),
];

async function searchIds(stateDir: string, query: string) {
  const corpus = await openPapersCorpus({ stateDir });
  const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus });
  const ids = (await engine.search(query)).hits.map((h) => h.id);
  return { ids, origin: corpus.indexOrigin() };
}

describe('persistent BM25 index of the papers', () => {
  it('is built once, then loaded, then extended with new papers', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    await store.upsert(papers);
    expect(await searchIds(stateDir, 'decoding')).toEqual({ ids: ['2511.00001'], origin: 'rebuilt' });
    expect(await searchIds(stateDir, 'graphs')).toEqual({ ids: ['2511.00002'], origin: 'loaded' });
    await store.upsert([
      makePaper('2511.00004', { title: 'Faster decoding', abstract: 'Decoding decoding.' }),
    ]);
    const after = await searchIds(stateDir, 'decoding');
    expect(after).toEqual({ ids: ['2511.00004', '2511.00001'], origin: 'updated' });
  });

  it('rebuilds when a known paper changed, or the file is unreadable', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    await store.upsert(papers);
    await searchIds(stateDir, 'decoding');
    await store.upsert([
      makePaper('2511.00002', { version: 2, title: 'Graph decoding', updated: '2026-11-19T17:00:00Z' }),
    ]);
    expect(await searchIds(stateDir, 'decoding')).toEqual({
      ids: ['2511.00002', '2511.00001'],
      origin: 'rebuilt',
    });
    await writeFile(searchIndexPath(stateDir), 'garbage');
    expect((await searchIds(stateDir, 'protein')).origin).toBe('rebuilt');
    expect((await searchIds(stateDir, 'protein')).origin).toBe('loaded');
  });

  it('round-trips the binary format and rejects a truncated file', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert(papers);
    await searchIds(stateDir, 'decoding');
    const bytes = await readFile(searchIndexPath(stateDir));
    const decoded = decodeSearchIndex(bytes);
    expect(decoded?.index.docIds).toHaveLength(3);
    expect(encodeSearchIndex(decoded ?? expect.fail('no index'))).toEqual(new Uint8Array(bytes));
    expect(decodeSearchIndex(bytes.subarray(0, bytes.length - 2))).toBeUndefined();
  });

  it('filters by the papers’ facts', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert([
      ...papers,
      makePaper('2511.00005', { title: 'Old decoding', published: '2025-01-02T00:00:00Z' }),
    ]);
    const corpus = await openPapersCorpus({ stateDir });
    const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus });
    const hits = await engine.search('decoding', { filters: { since: '2026-01-01' } });
    expect(hits.hits.map((h) => h.id)).toEqual(['2511.00001']);
  });
});
