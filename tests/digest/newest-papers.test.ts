/**
 * The keyphrase corpus's newest papers come from the newest shards only: the older months'
 * light rows are never read, and old-style ids (1990s) count as older than every 20xx month.
 */
import { describe, expect, it } from 'vitest';
import { newestHeads, shardsNewestFirst } from '../../src/digest/newest-papers.ts';
import { createMemoryPapersStore } from '../../src/store/memory/memory-papers-store.ts';
import { createPapersStore, type PapersStore } from '../../src/store/papers-store.ts';
import type { Paper } from '../../src/store/schemas.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

function paper(id: string, published: string): Paper {
  return {
    id,
    version: 1,
    title: `Paper ${id}`,
    abstract: 'An abstract.',
    authors: ['A. Author'],
    categories: ['cs.CL'],
    primaryCategory: 'cs.CL',
    published,
    updated: published,
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
  };
}

/** Three papers in each of four months (one of them old-style), published within their month. */
const papers: Paper[] = [
  paper('cs/9912001', '1999-12-01T00:00:00Z'),
  paper('cs/9912002', '1999-12-02T00:00:00Z'),
  paper('cs/9912003', '1999-12-03T00:00:00Z'),
  ...['2509', '2510', '2511'].flatMap((yymm) =>
    [1, 2, 3].map((n) => paper(`${yymm}.0000${n}`, `20${yymm.slice(0, 2)}-${yymm.slice(2)}-0${n}T00:00:00Z`)),
  ),
];

/** Records which shards the light view was read from. */
function spied(store: PapersStore): { store: PapersStore; read: string[] } {
  const read: string[] = [];
  return {
    read,
    store: {
      ...store,
      readHeads: async (options) => {
        read.push(...(options?.shards ?? ['<all>']));
        return store.readHeads(options);
      },
    },
  };
}

describe('newest papers from the newest shards', () => {
  it('orders shards by month, the 1990s before 2000s', () => {
    expect(shardsNewestFirst(['2510', '9912', '0704', '2511'])).toEqual(['2511', '2510', '0704', '9912']);
  });

  it.each([
    ['file', () => createPapersStore(tempDir())],
    ['memory', () => createMemoryPapersStore()],
  ])('reads only the months it needs (%s store)', async (_, make) => {
    const base = make();
    await base.upsert(papers);
    const { store, read } = spied(base);

    const newest = await newestHeads(store, 4);

    expect(newest.map((h) => h.id)).toEqual(['2511.00003', '2511.00002', '2511.00001', '2510.00003']);
    expect(read).toEqual(['2511', '2510']);
  });

  it('reads every shard when the store holds fewer papers than asked, old-style ids last', async () => {
    const base = createMemoryPapersStore();
    await base.upsert(papers);
    const { store, read } = spied(base);

    const newest = await newestHeads(store, 100);

    expect(newest).toHaveLength(papers.length);
    expect(newest.at(-1)?.id).toBe('cs/9912001');
    expect(read).toEqual(['2511', '2510', '2509', '9912']);
    expect(await newestHeads(store, 0)).toEqual([]);
  });
});
