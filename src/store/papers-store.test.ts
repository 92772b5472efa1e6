import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePaper } from '../../tests/helpers/papers.ts';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { createPapersStore } from './papers-store.ts';

const tempDir = useTempDirs();

describe('papers store', () => {
  it('round-trips awkward text exactly through CSV', async () => {
    const store = createPapersStore(tempDir());
    const paper = makePaper('2511.01234', {
      title: 'Commas, "quotes", and\nnewlines — ünïcödé 🚀',
      abstract: 'Line one,\r\nline "two"\n\n  indented, with trailing space ',
      authors: ['José Ñúñez', "O'Brien, Jr.", '李雷'],
      comment: '12 pages; accepted at "ACL"',
      doi: '10.1000/xyz',
    });
    await store.upsert([paper]);
    expect(await store.readAll()).toEqual([paper]);
  });

  it('shards by the id YYMM, old-style ids included, and keeps rows sorted', async () => {
    const dir = tempDir();
    const store = createPapersStore(dir);
    await store.upsert([
      makePaper('2511.00009'),
      makePaper('hep-th/9901001'),
      makePaper('2511.00002'),
      makePaper('2510.99999'),
    ]);
    expect(await store.shards()).toEqual(['2510', '2511', '9901']);
    expect((await store.readShard('2511')).map((p) => p.id)).toEqual(['2511.00002', '2511.00009']);
    expect((await store.readShard('9901')).map((p) => p.id)).toEqual(['hep-th/9901001']);
    const text = readFileSync(join(dir, 'papers', '2511.csv'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^id,version,title,abstract,authors,/);
  });

  it('updates a paper on a newer version instead of duplicating it', async () => {
    const store = createPapersStore(tempDir());
    expect(await store.upsert([makePaper('2511.00001'), makePaper('2511.00002')])).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
    });
    const v2 = makePaper('2511.00001', {
      version: 2,
      title: 'Better title',
      updated: '2026-11-20T10:00:00Z',
    });
    expect(await store.upsert([v2, makePaper('2511.00002')])).toEqual({ added: 0, updated: 1, unchanged: 1 });
    const all = await store.readAll();
    expect(all).toHaveLength(2);
    expect(all[0]?.title).toBe('Better title');
    // An older version arriving late never overwrites the newer row.
    expect(await store.upsert([makePaper('2511.00001')])).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect((await store.get(['2511.00001'])).get('2511.00001')?.version).toBe(2);
  });

  it('keeps one row for a paper listed twice in one batch (cross-lists)', async () => {
    const store = createPapersStore(tempDir());
    const counts = await store.upsert([makePaper('2511.00003'), makePaper('2511.00003')]);
    expect(counts.added).toBe(1);
    expect(await store.readAll()).toHaveLength(1);
  });
});
