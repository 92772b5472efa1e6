/** What every PapersStore does, file or memory: run by file-and-memory.test.ts against both. */
import { describe, expect, it } from 'vitest';
import type { PapersStore } from '../../../src/store/papers-store.ts';
import { makePaper } from '../../helpers/papers.ts';

export function describePapersStoreContract(
  name: string,
  make: () => Promise<PapersStore> | PapersStore,
): void {
  describe(`PapersStore contract: ${name}`, () => {
    it('starts empty and finds nothing', async () => {
      const store = await make();
      expect(await store.shards()).toEqual([]);
      expect(await store.readAll()).toEqual([]);
      expect(await store.readShard('2611')).toEqual([]);
      expect((await store.get(['2611.00001'])).size).toBe(0);
    });

    it('round-trips papers exactly, optional fields and awkward text included', async () => {
      const store = await make();
      const paper = makePaper('2611.00001', {
        title: 'Commas, "quotes"\nand newlines',
        abstract: 'Ünïcode ∑ and a trailing space ',
        comment: '12 pages',
        doi: '10.1000/xyz',
      });
      await store.upsert([paper]);
      expect(await store.readAll()).toEqual([paper]);
    });

    it('shards by the id YYMM, old-style ids included, and keeps each shard sorted by id', async () => {
      const store = await make();
      const counts = await store.upsert([
        makePaper('2611.00010'),
        makePaper('hep-th/9901001'),
        makePaper('2610.00002'),
        makePaper('2611.00002'),
      ]);
      expect(counts).toEqual({ added: 4, updated: 0, unchanged: 0 });
      expect(await store.shards()).toEqual(['2610', '2611', '9901']);
      expect((await store.readShard('2611')).map((p) => p.id)).toEqual(['2611.00002', '2611.00010']);
      expect((await store.readAll()).map((p) => p.id)).toEqual([
        '2610.00002',
        '2611.00002',
        '2611.00010',
        'hep-th/9901001',
      ]);
    });

    it('replaces a paper on a newer version or a later update, and ignores older or identical rows', async () => {
      const store = await make();
      await store.upsert([makePaper('2611.00001', { version: 2, title: 'v2' })]);
      expect(await store.upsert([makePaper('2611.00001', { version: 1, title: 'v1' })])).toEqual({
        added: 0,
        updated: 0,
        unchanged: 1,
      });
      expect(await store.upsert([makePaper('2611.00001', { version: 2, title: 'v2' })])).toEqual({
        added: 0,
        updated: 0,
        unchanged: 1,
      });
      const later = makePaper('2611.00001', {
        version: 2,
        title: 'v2 fixed',
        updated: '2026-11-19T00:00:00Z',
      });
      expect(await store.upsert([later])).toEqual({ added: 0, updated: 1, unchanged: 0 });
      expect(await store.upsert([makePaper('2611.00001', { version: 3, title: 'v3' })])).toEqual({
        added: 0,
        updated: 1,
        unchanged: 0,
      });
      expect((await store.readAll()).map((p) => [p.version, p.title])).toEqual([[3, 'v3']]);
    });

    it('keeps the newest row of a paper listed twice in one batch', async () => {
      const store = await make();
      const counts = await store.upsert([
        makePaper('2611.00001', { version: 2, title: 'new' }),
        makePaper('2611.00001', { version: 1, title: 'old' }),
      ]);
      expect(counts).toEqual({ added: 1, updated: 0, unchanged: 0 });
      expect((await store.readAll()).map((p) => p.title)).toEqual(['new']);
    });

    it('selects by shard, excluded ids, the light view and full rows', async () => {
      const store = await make();
      await store.upsert([
        makePaper('2610.00001', { primaryCategory: 'cs.LG' }),
        makePaper('2611.00001', { primaryCategory: 'cs.CL', abstract: 'keep me' }),
        makePaper('2611.00002', { primaryCategory: 'cs.CL' }),
        makePaper('2611.00003', { primaryCategory: 'cs.LG' }),
      ]);
      expect((await store.readAll({ shards: ['2610'] })).map((p) => p.id)).toEqual(['2610.00001']);
      const selected = await store.readAll({
        exclude: new Set(['2611.00002']),
        whereHead: (h) => h.primaryCategory === 'cs.CL',
      });
      expect(selected.map((p) => p.id)).toEqual(['2611.00001']);
      expect(selected[0]?.abstract).toBe('keep me');
      expect((await store.readAll({ where: (p) => p.abstract === 'keep me' })).map((p) => p.id)).toEqual([
        '2611.00001',
      ]);
    });

    it('reads the light view without abstracts, authors or links', async () => {
      const store = await make();
      await store.upsert([makePaper('2611.00002'), makePaper('2611.00001'), makePaper('2610.00001')]);
      const heads = await store.readHeads({ where: (h) => h.id !== '2611.00002' });
      expect(heads.map((h) => h.id)).toEqual(['2610.00001', '2611.00001']);
      expect(Object.keys(heads[0] ?? {}).sort()).toEqual([
        'categories',
        'id',
        'primaryCategory',
        'published',
        'title',
        'updated',
        'version',
      ]);
      expect((await store.readHeads({ shards: ['2611'] })).map((h) => h.id)).toEqual([
        '2611.00001',
        '2611.00002',
      ]);
    });

    it('gets papers by id across shards, leaving unknown ids out', async () => {
      const store = await make();
      await store.upsert([makePaper('2610.00001'), makePaper('2611.00001'), makePaper('2611.00002')]);
      const found = await store.get(['2611.00002', '2610.00001', '2612.00009']);
      expect([...found.keys()].sort()).toEqual(['2610.00001', '2611.00002']);
      expect(found.get('2611.00002')).toEqual(makePaper('2611.00002'));
    });

    it('hands out copies: changing a read paper does not change the store', async () => {
      const store = await make();
      await store.upsert([makePaper('2611.00001')]);
      const [read] = await store.readAll();
      if (read) read.authors.push('Someone Else');
      expect((await store.readAll())[0]?.authors).toEqual(makePaper('2611.00001').authors);
    });
  });
}
