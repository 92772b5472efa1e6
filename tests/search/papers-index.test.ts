import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBm25Scorer } from '../../src/search/bm25/bm25.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import { buildLexicalIndex } from '../../src/search/lexical-index.ts';
import { openPapersCorpus, PERSISTENT_ANALYZER } from '../../src/search/papers-corpus.ts';
import { syncPapersIndex } from '../../src/search/papers-index.ts';
import { storedPapersIndex } from '../../src/search/stored-papers-index.ts';
import { writeCsv } from '../../src/store/csv-file.ts';
import { paperCodec } from '../../src/store/paper-codec.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { statePaths } from '../../src/store/paths.ts';
import {
  decodeSearchIndex,
  encodeSearchIndex,
  searchIndexDir,
  searchIndexPath,
} from '../../src/store/search-index-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** The stores and the index files over one state directory, as the composition roots open them. */
const onDisk = (stateDir: string) => ({
  stores: createFileStores(stateDir),
  files: storedPapersIndex(stateDir),
});

const papers = [
  makePaper('2511.00001', { title: 'Speculative decoding', abstract: 'Draft tokens with a small model.' }),
  makePaper('2511.00002', { title: 'Graph neural networks', abstract: 'Message passing on graphs.' }),
  makePaper('2510.00003', { title: 'Protein folding', abstract: 'Structure prediction.' }),
];

async function searchIds(stateDir: string, query: string) {
  const corpus = await openPapersCorpus(onDisk(stateDir));
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

  it('streams a rebuild shard by shard and scores as an index built at once', async () => {
    const stateDir = tempDir();
    const many = Array.from({ length: 30 }, (_, i) =>
      makePaper(`25${String(1 + (i % 3)).padStart(2, '0')}.${String(i).padStart(5, '0')}`, {
        title: `Paper ${i} on ${i % 2 === 0 ? 'decoding' : 'graphs'}`,
        abstract: `Abstract ${i}: ${'decoding '.repeat(1 + (i % 4))}and more.`,
      }),
    );
    await createPapersStore(stateDir).upsert(many);
    const progress: [number, number][] = [];
    const result = await syncPapersIndex(
      { ...onDisk(stateDir), onShard: (done, total) => progress.push([done, total]) },
      PERSISTENT_ANALYZER,
    );
    expect(result.origin).toBe('rebuilt');
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const inMemory = buildLexicalIndex(
      many.map((p) => ({ id: p.id, title: p.title, text: p.abstract })),
      PERSISTENT_ANALYZER,
    );
    const score = (lexical: typeof inMemory) =>
      createBm25Scorer(lexical.index, lexical.vocabulary)
        .search(lexical.analyze('decoding graphs'), 30)
        .map((h) => [lexical.index.docIds[h.doc], h.score.toFixed(9)]);
    expect(score(result.lexical)).toEqual(score(inMemory));
    expect(score(result.lexical)).toHaveLength(30);
  });

  it('rebuilds when a paper of a changed shard vanished', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    await store.upsert(papers);
    expect((await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER)).origin).toBe('rebuilt');
    const shard = (await store.readShard('2511')).filter((p) => p.id !== '2511.00002');
    await writeCsv(statePaths(stateDir).papersShard('2511'), shard, paperCodec);
    const after = await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
    expect(after.origin).toBe('rebuilt');
    expect([...after.lexical.index.docIds].sort()).toEqual(['2510.00003', '2511.00001']);
  });

  it('round-trips the binary format and rejects a truncated file', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert(papers);
    await searchIds(stateDir, 'decoding');
    const bytes = await readFile(join(searchIndexDir(stateDir), 'seg-0.bin'));
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
    const corpus = await openPapersCorpus(onDisk(stateDir));
    const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus });
    const hits = await engine.search('decoding', { filters: { since: '2026-01-01' } });
    expect(hits.hits.map((h) => h.id)).toEqual(['2511.00001']);
  });
});
