/** One JSON file per day in a folder (`<dir>/<YYYY-MM-DD>.json`), validated by a schema; history kept. */
import { join } from 'node:path';
import type { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { listShards } from './papers-store.ts';

export interface DatedJsonStore<T> {
  read(day: string): Promise<T | undefined>;
  write(day: string, value: T): Promise<void>;
  /** Days with a file, oldest first. */
  days(): Promise<string[]>;
  /** The newest file's value with its day. */
  latest(): Promise<{ day: string; value: T } | undefined>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function createDatedJsonStore<T>(dir: string, schema: z.ZodType<T>): DatedJsonStore<T> {
  const file = (day: string): string => {
    if (!DAY.test(day)) throw new RangeError(`not a YYYY-MM-DD day: "${day}"`);
    return join(dir, `${day}.json`);
  };
  const days = async (): Promise<string[]> => (await listShards(dir, '.json')).filter((d) => DAY.test(d));
  return {
    read: (day) => readJsonFile(file(day), schema),
    write: (day, value) => writeJsonFile(file(day), schema.parse(value)),
    days,
    async latest() {
      const day = (await days()).at(-1);
      if (day === undefined) return undefined;
      const value = await readJsonFile(file(day), schema);
      return value === undefined ? undefined : { day, value };
    },
  };
}
