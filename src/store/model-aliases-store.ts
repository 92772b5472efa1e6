/**
 * The model alias table, `leaderboards/model-aliases.json`: `{ "aliases": { "<name as a board
 * writes it>": "<provider/model@snapshot#variant>" } }`, edited by hand to join the names
 * `radar rankings` lists as unmatched. Written once, empty, so there is a file to edit.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { leaderboardsDir } from './leaderboards-store.ts';

export const ModelAliases = z.strictObject({
  aliases: z.record(z.string().min(1), z.string().regex(/^[^/\s]+\/\S+$/, 'a provider/model key')),
});
export type ModelAliases = z.infer<typeof ModelAliases>;

export interface ModelAliasesStore {
  readonly file: string;
  /** The table; an empty one is written when there is none, unless `create` is false (readers without the lock). */
  read(create?: boolean): Promise<ModelAliases>;
}

export function createModelAliasesStore(stateDir: string): ModelAliasesStore {
  const file = join(leaderboardsDir(stateDir), 'model-aliases.json');
  return {
    file,
    async read(create = true) {
      const table = await readJsonFile(file, ModelAliases);
      if (table) return table;
      const empty: ModelAliases = { aliases: {} };
      if (create) await writeJsonFile(file, empty);
      return empty;
    },
  };
}
