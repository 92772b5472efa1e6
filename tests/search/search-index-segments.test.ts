import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBm25Scorer } from '../../src/search/bm25/bm25.ts';
import { buildLexicalIndex, type LexicalIndex } from '../../src/search/lexical-index.ts';
import { PERSISTENT_ANALYZER } from '../../src/search/papers-corpus.ts';
import { syncPapersIndex } from '../../src/search/papers-index.ts';
import { storedPapersIndex } from '../../src/search/stored-papers-index.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { MAX_DAY_SEGMENTS, searchIndexDir, searchIndexPath } from '../../src/store/search-index-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** The stores and the index files over one state directory, as the composition roots open them. */
const onDisk = (stateDir: string) => ({
  stores: createFileStores(stateDir),
  files: storedPapersIndex(stateDir),
});

const WORDS =
  'decoding graph protein folding transformer attention sparse retrieval ranking diffusion model speculative'.split(
    ' ',
  );

/** Papers with varied texts (deterministic), in the 2511 shard, numbered from `from`. */
function papersFrom(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    const pick = (k: number) => WORDS[(n * 7 + k * 3) % WORDS.length] as string;
    return makePaper(`2511.${String(n).padStart(5, '0')}`, {
      title: `${pick(1)} ${pick(2)} ${n % 5 === 0 ? `novel${n}` : ''}`,
      abstract: `${pick(3)} ${pick(4)} ${pick(1)} term${n % 9} ${pick(5).repeat(1)} ${pick(6)}`,
    });
  });
}

const QUERIES = [
  'decoding graph',
  'protein folding attention',
  'sparse retrieval ranking',
  'novel10 term3',
  'diffusion',
];

function rankings(lexical: LexicalIndex) {
  const scorer = createBm25Scorer(lexical.index, lexical.vocabulary);
  return QUERIES.map((q) =>
    scorer.search(lexical.analyze(q), 50).map((h) => `${lexical.index.docIds[h.doc]} ${h.score.toFixed(9)}`),
  );
}

describe('segmented persistent BM25 index', () => {
  it('updates day by day with exactly the scores and rankings of a full rebuild, merging past the threshold', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    let all = papersFrom(0, 200);
    await store.upsert(all);
    expect((await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER)).origin).toBe('rebuilt');
    for (let day = 0; day < MAX_DAY_SEGMENTS + 2; day++) {
      const fresh = papersFrom(200 + day * 5, 5);
      all = [...all, ...fresh];
      await store.upsert(fresh);
      const updated = await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
      expect(updated.origin).toBe('updated');
      expect(updated.added).toBe(5);
      const rebuilt = buildLexicalIndex(
        all.map((p) => ({ id: p.id, title: p.title, text: p.abstract })),
        PERSISTENT_ANALYZER,
      );
      expect(rankings(updated.lexical)).toEqual(rankings(rebuilt));
      const loaded = await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
      expect(loaded.origin).toBe('loaded');
      expect(rankings(loaded.lexical)).toEqual(rankings(rebuilt));
      const segments = (await readdir(searchIndexDir(stateDir))).filter((f) => f.startsWith('seg-'));
      expect(segments.length).toBeLessThanOrEqual(MAX_DAY_SEGMENTS + 1);
    }
  });

  it('rebuilds when a segment is torn or missing, never answering from a partial index', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    await store.upsert(papersFrom(0, 100));
    await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
    await store.upsert(papersFrom(100, 3));
    expect((await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER)).origin).toBe('updated');
    const dir = searchIndexDir(stateDir);
    const manifest = JSON.parse(await readFile(searchIndexPath(stateDir), 'utf8')) as {
      segments: { file: string }[];
    };
    expect(manifest.segments).toHaveLength(2);
    const day = join(dir, manifest.segments[1]?.file ?? '');
    const bytes = await readFile(day);
    const flipped = new Uint8Array(bytes);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    await writeFile(day, flipped);
    const torn = await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
    expect(torn.origin).toBe('rebuilt');
    expect(torn.lexical.index.docIds).toHaveLength(103);
    await writeFile(join(dir, 'seg-0.bin'), bytes.subarray(0, 10));
    expect((await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER)).origin).toBe('rebuilt');
    expect((await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER)).origin).toBe('loaded');
  });

  it('rebuilds an index of the old single-file format instead of reading it, and removes it', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert(papersFrom(0, 20));
    await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
    const dir = searchIndexDir(stateDir);
    const manifest = JSON.parse(await readFile(searchIndexPath(stateDir), 'utf8')) as Record<string, unknown>;
    await writeFile(searchIndexPath(stateDir), JSON.stringify({ ...manifest, version: 1 }));
    await writeFile(join(dir, 'index.bin'), 'RRBM old');
    const result = await syncPapersIndex(onDisk(stateDir), PERSISTENT_ANALYZER);
    expect(result.origin).toBe('rebuilt');
    expect(result.lexical.index.docIds).toHaveLength(20);
    expect(await readdir(dir)).not.toContain('index.bin');
  });
});
