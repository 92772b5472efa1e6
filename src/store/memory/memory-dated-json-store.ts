/** The in-memory twin of a dated JSON store (src/store/dated-json-store.ts): one value per YYYY-MM-DD day. */
import type { z } from 'zod';
import type { DatedJsonStore } from '../dated-json-store.ts';
import { createJsonCell, type JsonCell } from './json-cell.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function createMemoryDatedJsonStore<T>(dir: string, schema: z.ZodType<T>): DatedJsonStore<T> {
  const cells = new Map<string, JsonCell<T>>();
  const checked = (day: string): string => {
    if (!DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD day: "${day}"`);
    return day;
  };
  const days = (): string[] => [...cells.keys()].sort();
  return {
    read: async (day) => cells.get(checked(day))?.read(),
    async write(day, value) {
      const cell = cells.get(checked(day)) ?? createJsonCell(`${dir}/${day}.json`, schema);
      cell.write(schema.parse(value));
      cells.set(day, cell);
    },
    days: async () => days(),
    async latest() {
      const day = days().at(-1);
      const value = day === undefined ? undefined : cells.get(day)?.read();
      return day === undefined || value === undefined ? undefined : { day, value };
    },
  };
}
