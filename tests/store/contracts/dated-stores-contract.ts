/**
 * What every dated JSON store (profiles, trend reports, leaderboard snapshots) and model alias
 * table does, file or memory: run by file-and-memory.test.ts against both.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatedJsonStore } from '../../../src/store/dated-json-store.ts';
import type { ModelAliasesStore } from '../../../src/store/model-aliases-store.ts';

type Make<T> = () => Promise<T> | T;

export const DayNote = z.object({ note: z.string().min(1), count: z.int().default(0) });
export type DayNote = z.infer<typeof DayNote>;

export function describeDatedJsonStoreContract(name: string, make: Make<DatedJsonStore<DayNote>>): void {
  describe(`DatedJsonStore contract: ${name}`, () => {
    it('keeps one value per day, lists the days oldest first and finds the newest', async () => {
      const store = await make();
      expect(await store.days()).toEqual([]);
      expect(await store.latest()).toBeUndefined();
      await store.write('2026-11-21', { note: 'b', count: 2 });
      await store.write('2026-11-20', { note: 'a', count: 1 });
      await store.write('2026-11-21', { note: 'c', count: 3 });
      expect(await store.days()).toEqual(['2026-11-20', '2026-11-21']);
      expect(await store.read('2026-11-20')).toEqual({ note: 'a', count: 1 });
      expect(await store.read('2026-11-22')).toBeUndefined();
      expect(await store.latest()).toEqual({ day: '2026-11-21', value: { note: 'c', count: 3 } });
    });

    it('refuses a day that is not YYYY-MM-DD and a value its schema rejects', async () => {
      const store = await make();
      await expect(async () => store.write('20261120', { note: 'a', count: 0 })).rejects.toThrow(RangeError);
      await expect(async () => store.read('../x')).rejects.toThrow(RangeError);
      await expect(async () => store.write('2026-11-20', { note: '', count: 0 })).rejects.toThrow();
      expect(await store.days()).toEqual([]);
    });
  });
}

export function describeModelAliasesStoreContract(name: string, make: Make<ModelAliasesStore>): void {
  describe(`ModelAliasesStore contract: ${name}`, () => {
    it('reads an empty table when there is none, and names where the table lives', async () => {
      const store = await make();
      expect(await store.read(false)).toEqual({ aliases: {} });
      expect(await store.read()).toEqual({ aliases: {} });
      expect(store.file).toMatch(/model-aliases\.json$/);
    });
  });
}
