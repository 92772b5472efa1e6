/**
 * What every picks, summaries, links, tags, ledger and cursors store does, file or memory:
 * run by file-and-memory.test.ts against both.
 */
import { describe, expect, it } from 'vitest';
import type { KvStore } from '../../../src/store/kv-store.ts';
import type { LedgerStore } from '../../../src/store/ledger-store.ts';
import type { LinksStore } from '../../../src/store/links-store.ts';
import type { PickRecord, PicksStore } from '../../../src/store/picks-store.ts';
import type { LedgerEntry, PaperLink } from '../../../src/store/schemas.ts';
import type { SummariesStore } from '../../../src/store/summaries-store.ts';
import type { TagsStore } from '../../../src/store/tags-store.ts';
import { makeSummary } from '../../helpers/notion.ts';

type Make<T> = () => Promise<T> | T;

const pick = (date: string, id: string, score = 0.5): PickRecord => ({
  date,
  id,
  model: 'm1',
  score,
  reason: 'top',
});

export function describePicksStoreContract(name: string, make: Make<PicksStore>): void {
  describe(`PicksStore contract: ${name}`, () => {
    it('has no picks and no latest date before the first rank', async () => {
      const store = await make();
      expect(await store.readAll()).toEqual([]);
      expect(await store.latestDate()).toBeUndefined();
      expect(await store.forDate('2026-11-20')).toEqual([]);
      expect(await store.readRanked()).toEqual(new Set());
    });

    it('keeps picks by date across months, in month then append order', async () => {
      const store = await make();
      await store.append([pick('2026-11-20', '2611.00002'), pick('2026-10-31', '2610.00001')]);
      await store.append([pick('2026-11-20', '2611.00001'), pick('2026-11-21', '2611.00003')]);
      expect((await store.readAll()).map((p) => p.id)).toEqual([
        '2610.00001',
        '2611.00002',
        '2611.00001',
        '2611.00003',
      ]);
      expect((await store.forDate('2026-11-20')).map((p) => p.id)).toEqual(['2611.00002', '2611.00001']);
      expect(await store.latestDate()).toBe('2026-11-21');
    });

    it('refuses an invalid pick and writes nothing of the batch', async () => {
      const store = await make();
      const bad = { ...pick('2026-11-20', '2611.00001'), reason: 'luck' } as unknown as PickRecord;
      await expect(store.append([pick('2026-11-20', '2611.00002'), bad])).rejects.toThrow();
      expect(await store.readAll()).toEqual([]);
    });

    it('remembers every paper some rank considered', async () => {
      const store = await make();
      await store.appendRanked({
        date: '2026-11-20',
        at: '2026-11-20T08:00:00Z',
        ids: ['2611.00001', '2611.00002'],
      });
      await store.appendRanked({
        date: '2026-11-21',
        at: '2026-11-21T08:00:00Z',
        ids: ['2611.00002', '2611.00003'],
      });
      expect(await store.readRanked()).toEqual(new Set(['2611.00001', '2611.00002', '2611.00003']));
    });
  });
}

export function describeSummariesStoreContract(name: string, make: Make<SummariesStore>): void {
  describe(`SummariesStore contract: ${name}`, () => {
    it('adds or replaces by id, sorted by id within a month, and gets by id', async () => {
      const store = await make();
      expect(await store.readAll()).toEqual([]);
      await store.upsert([makeSummary('2611.00002'), makeSummary('2610.00001'), makeSummary('2611.00001')]);
      await store.upsert([makeSummary('2611.00002', { slug: 'replaced' })]);
      const all = await store.readAll();
      expect(all.map((s) => s.id)).toEqual(['2610.00001', '2611.00001', '2611.00002']);
      expect(all[2]?.slug).toBe('replaced');
      expect(all[0]).toEqual(makeSummary('2610.00001'));
      const some = await store.get(['2611.00002', '2612.00001']);
      expect([...some.keys()]).toEqual(['2611.00002']);
      expect(some.get('2611.00002')?.slug).toBe('replaced');
    });
  });
}

const link = (from: string, to: string, relation: PaperLink['relation'] = 'extends'): PaperLink => ({
  from,
  to,
  relation,
  similarity: 0.9,
  reason: 'shared method',
  at: '2026-11-20T10:00:00Z',
});

export function describeLinksStoreContract(name: string, make: Make<LinksStore>): void {
  describe(`LinksStore contract: ${name}`, () => {
    it('adds or replaces by (from, to), sorted by from then to', async () => {
      const store = await make();
      await store.upsert([link('2611.00002', '2611.00001'), link('2611.00001', '2611.00003')]);
      await store.upsert([link('2611.00001', '2611.00002'), link('2611.00002', '2611.00001', 'none')]);
      await store.upsert([]);
      expect((await store.readAll()).map((l) => [l.from, l.to, l.relation])).toEqual([
        ['2611.00001', '2611.00002', 'extends'],
        ['2611.00001', '2611.00003', 'extends'],
        ['2611.00002', '2611.00001', 'none'],
      ]);
    });

    it('refuses an invalid link and keeps the stored ones', async () => {
      const store = await make();
      await store.upsert([link('2611.00002', '2611.00001')]);
      await expect(store.upsert([link('nope', '2611.00001')])).rejects.toThrow();
      expect(await store.readAll()).toHaveLength(1);
    });
  });
}

export function describeTagsStoreContract(name: string, make: Make<TagsStore>): void {
  describe(`TagsStore contract: ${name}`, () => {
    it('reads an empty vocabulary, then the written one sorted by name with sorted aliases', async () => {
      const store = await make();
      expect(await store.read()).toEqual([]);
      await store.write([
        { name: 'retrieval', aliases: ['rag', 'dense retrieval'] },
        { name: 'agents', aliases: [] },
      ]);
      expect(await store.read()).toEqual([
        { name: 'agents', aliases: [] },
        { name: 'retrieval', aliases: ['dense retrieval', 'rag'] },
      ]);
    });

    it('refuses a tag without a name', async () => {
      const store = await make();
      await expect(store.write([{ name: '', aliases: [] }])).rejects.toThrow();
      expect(await store.read()).toEqual([]);
    });
  });
}

const entry = (at: string, costUsd = 0.01): LedgerEntry => ({
  at,
  provider: 'openai',
  model: 'gpt-test',
  purpose: 'summary',
  inputTokens: 10,
  outputTokens: 5,
  costUsd,
  latencyMs: 100,
  ok: true,
});

export function describeLedgerStoreContract(name: string, make: Make<LedgerStore>): void {
  describe(`LedgerStore contract: ${name}`, () => {
    it('shards calls by their UTC month, in call order, and lists the months', async () => {
      const store = await make();
      expect(await store.months()).toEqual([]);
      await store.append([entry('2026-11-01T00:30:00+02:00', 1), entry('2026-11-20T10:00:00Z', 2)]);
      await store.append([entry('2026-11-21T10:00:00Z', 3)]);
      expect(await store.months()).toEqual(['2610', '2611']);
      expect((await store.readMonths(['2611'])).map((e) => e.costUsd)).toEqual([2, 3]);
      expect((await store.readMonths(['2611', '2610', '2611', '2509'])).map((e) => e.costUsd)).toEqual([
        1, 2, 3,
      ]);
    });

    it('refuses an invalid entry and writes nothing of the batch', async () => {
      const store = await make();
      await expect(
        store.append([entry('2026-11-20T10:00:00Z'), entry('2026-11-20T10:00:00Z', -1)]),
      ).rejects.toThrow();
      expect(await store.months()).toEqual([]);
    });
  });
}

export function describeKvStoreContract(name: string, make: Make<KvStore>): void {
  describe(`KvStore contract: ${name}`, () => {
    it('merges each set into the stored values, sorted by key', async () => {
      const store = await make();
      expect(await store.all()).toEqual({});
      expect(await store.get('lastRank')).toBeUndefined();
      await store.set({ lastRank: '2026-11-20', count: 3 });
      await store.set({ count: 4, enabled: false, cleared: null });
      expect(await store.all()).toEqual({ cleared: null, count: 4, enabled: false, lastRank: '2026-11-20' });
      expect(Object.keys(await store.all())).toEqual(['cleared', 'count', 'enabled', 'lastRank']);
      expect(await store.get('count')).toBe(4);
    });
  });
}
