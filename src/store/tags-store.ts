/** `tags.json`: the global tag vocabulary (canonical tags with aliases), written atomically, sorted by name. */
import type { TagEntry } from '../tags/vocabulary.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { TagVocabulary } from './schemas.ts';

export interface TagsStore {
  read(): Promise<TagEntry[]>;
  write(entries: readonly TagEntry[]): Promise<void>;
}

export function createTagsStore(stateDir: string): TagsStore {
  const file = statePaths(stateDir).tags;
  return {
    async read() {
      const stored = await readJsonFile(file, TagVocabulary);
      return stored?.tags.map((t) => ({ name: t.name, aliases: [...t.aliases] })) ?? [];
    },
    async write(entries) {
      const tags = [...entries]
        .map((e) => ({ name: e.name, aliases: [...e.aliases].sort() }))
        .sort((a, b) => a.name.localeCompare(b.name));
      await writeJsonFile(file, TagVocabulary.parse({ tags }));
    },
  };
}
