/**
 * What every labels, pending-labels, message-map and Notion-map store does, file or memory:
 * run by file-and-memory.test.ts against both.
 */
import { describe, expect, it } from 'vitest';
import type { LabelChange, LabelsStore } from '../../../src/store/labels-store.ts';
import type { MessageMapRecord, MessageMapStore } from '../../../src/store/message-map-store.ts';
import { emptyNotionMap, type NotionMapStore } from '../../../src/store/notion-map-store.ts';
import type { PendingLabelsStore } from '../../../src/store/pending-labels-store.ts';
import type { Label } from '../../../src/store/schemas.ts';

type Make<T> = () => Promise<T> | T;

const label = (id: string, value: 1 | -1, at: string, source: Label['source'] = 'telegram'): Label => ({
  id,
  label: value,
  source,
  user: 'u1',
  at,
});
const set = (l: Label): LabelChange => ({ kind: 'set', label: l });

export function describeLabelsStoreContract(name: string, make: Make<LabelsStore>): void {
  describe(`LabelsStore contract: ${name}`, () => {
    it('keeps the last change per paper in time order, sorted by id, and deletes removed labels', async () => {
      const store = await make();
      const changed = await store.apply([
        set(label('2611.00002', 1, '2026-11-20T10:00:00Z')),
        set(label('2611.00002', -1, '2026-11-20T09:00:00Z')),
        set(label('2611.00001', 1, '2026-11-20T08:00:00Z')),
        set(label('2611.00003', 1, '2026-11-20T08:00:00Z')),
        { kind: 'remove', id: '2611.00003', at: '2026-11-20T11:00:00Z' },
      ]);
      expect(changed).toBe(5);
      expect(await store.readAll()).toEqual([
        label('2611.00001', 1, '2026-11-20T08:00:00Z'),
        label('2611.00002', 1, '2026-11-20T10:00:00Z'),
      ]);
    });

    it('ignores a change older than the stored label, and is idempotent', async () => {
      const store = await make();
      await store.apply([set(label('2611.00001', 1, '2026-11-20T10:00:00Z'))]);
      expect(await store.apply([set(label('2611.00001', -1, '2026-11-20T09:00:00Z'))])).toBe(0);
      expect(await store.apply([{ kind: 'remove', id: '2611.00001', at: '2026-11-20T09:00:00Z' }])).toBe(0);
      expect(await store.apply([set(label('2611.00001', 1, '2026-11-20T12:00:00Z'))])).toBe(0);
      expect(await store.apply([{ kind: 'remove', id: '2611.00009', at: '2026-11-20T12:00:00Z' }])).toBe(0);
      expect((await store.readAll()).map((l) => [l.id, l.label, l.at])).toEqual([
        ['2611.00001', 1, '2026-11-20T10:00:00Z'],
      ]);
    });

    it('counts a change of source or user as a change', async () => {
      const store = await make();
      await store.apply([set(label('2611.00001', 1, '2026-11-20T10:00:00Z', 'telegram'))]);
      expect(await store.apply([set(label('2611.00001', 1, '2026-11-20T11:00:00Z', 'cli'))])).toBe(1);
      expect((await store.readAll())[0]?.source).toBe('cli');
    });
  });
}

export function describePendingLabelsStoreContract(name: string, make: Make<PendingLabelsStore>): void {
  describe(`PendingLabelsStore contract: ${name}`, () => {
    it('keeps appended changes in order until cleared', async () => {
      const store = await make();
      expect(await store.readAll()).toEqual([]);
      const first = set(label('2611.00002', 1, '2026-11-20T10:00:00Z'));
      const second: LabelChange = { kind: 'remove', id: '2611.00001', at: '2026-11-20T09:00:00Z' };
      await store.append([first]);
      await store.append([second]);
      expect(await store.readAll()).toEqual([first, second]);
      await store.clear();
      expect(await store.readAll()).toEqual([]);
    });

    it('refuses an invalid change and keeps what was there', async () => {
      const store = await make();
      await store.append([set(label('2611.00001', 1, '2026-11-20T10:00:00Z'))]);
      await expect(async () =>
        store.append([{ kind: 'remove', id: 'not an id', at: 'yesterday' }]),
      ).rejects.toThrow();
      expect(await store.readAll()).toHaveLength(1);
    });
  });
}

const message = (messageId: string, paperId: string, chatId = 'c1'): MessageMapRecord => ({
  platform: 'telegram',
  chatId,
  messageId,
  paperId,
  at: '2026-11-20T10:00:00Z',
});

export function describeMessageMapStoreContract(name: string, make: Make<MessageMapStore>): void {
  describe(`MessageMapStore contract: ${name}`, () => {
    it('maps a message back to its paper, the latest record winning, and lists what a chat got', async () => {
      const store = await make();
      await store.append([message('m1', '2611.00001'), message('m2', '2611.00002')]);
      await store.append([message('m1', '2611.00003'), message('m1', '2611.00009', 'c2')]);
      expect(await store.find('telegram', 'c1', 'm1')).toBe('2611.00003');
      expect(await store.find('telegram', 'c2', 'm1')).toBe('2611.00009');
      expect(await store.find('slack', 'c1', 'm1')).toBeUndefined();
      expect(await store.sentTo('telegram', 'c1')).toEqual(
        new Set(['2611.00001', '2611.00002', '2611.00003']),
      );
      expect(await store.sentTo('telegram', 'nobody')).toEqual(new Set());
    });

    it('refuses a record of an unknown platform', async () => {
      const store = await make();
      const bad = { ...message('m1', '2611.00001'), platform: 'irc' } as unknown as MessageMapRecord;
      await expect(store.append([bad])).rejects.toThrow();
      expect(await store.sentTo('irc', 'c1')).toEqual(new Set());
    });
  });
}

export function describeNotionMapStoreContract(name: string, make: Make<NotionMapStore>): void {
  describe(`NotionMapStore contract: ${name}`, () => {
    it('loads an empty map before the first save, then what was saved, without empty sections', async () => {
      const store = await make();
      expect(await store.load()).toEqual(emptyNotionMap());
      const map = emptyNotionMap();
      map.databases.papers = { databaseId: 'd1', dataSourceId: 's1' };
      map.pages.papers = { '2611.00002': 'p2', '2611.00001': 'p1' };
      map.pending.papers = {};
      map.written.papers = { '2611.00001': { properties: 'h1', body: 'h2' } };
      await store.save(map);
      const loaded = await store.load();
      expect(loaded).toEqual({ ...map, pending: {} });
      expect(Object.keys(loaded.pages.papers ?? {})).toEqual(['2611.00001', '2611.00002']);
      loaded.pages.papers = {};
      expect((await store.load()).pages.papers).toEqual({ '2611.00001': 'p1', '2611.00002': 'p2' });
    });
  });
}
