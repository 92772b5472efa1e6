/** Cursors and last-success times in `cursors.json`; each set is one atomic write. */
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { KeyValues } from './schemas.ts';

export type KvValue = string | number | boolean | null;

export interface KvStore {
  get(key: string): Promise<KvValue | undefined>;
  all(): Promise<KeyValues>;
  set(values: Record<string, KvValue>): Promise<void>;
}

export function createKvStore(stateDir: string): KvStore {
  const file = statePaths(stateDir).kv;
  const all = async (): Promise<KeyValues> => (await readJsonFile(file, KeyValues)) ?? {};
  return {
    all,
    async get(key) {
      return (await all())[key];
    },
    async set(values) {
      const current = await all();
      const next = Object.fromEntries(
        Object.entries({ ...current, ...values }).sort(([a], [b]) => a.localeCompare(b)),
      );
      await writeJsonFile(file, next);
    },
  };
}
