/**
 * `notion.json`: which Notion databases the radar created and which page holds each local key,
 * plus the publish bookkeeping (creates in flight, failures to retry, hashes of what was written).
 * One process holds the state, so callers load it once, change it, and save after each step.
 */
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { NotionMap } from './schemas.ts';

export interface NotionMapStore {
  load(): Promise<NotionMap>;
  save(map: NotionMap): Promise<void>;
}

export function emptyNotionMap(): NotionMap {
  return { databases: {}, pages: {}, pending: {}, failed: {}, written: {} };
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function sortedNested<T>(record: Record<string, Record<string, T>>): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [name, inner] of Object.entries(record).sort(([a], [b]) => a.localeCompare(b))) {
    if (Object.keys(inner).length > 0) out[name] = sortedRecord(inner);
  }
  return out;
}

/** The map as stored, shared with the in-memory twin: sorted keys keep git diffs of the state small. */
export function sortedNotionMap(map: NotionMap): NotionMap {
  return {
    databases: sortedRecord(map.databases),
    pages: sortedNested(map.pages),
    pending: sortedNested(map.pending),
    failed: sortedNested(map.failed),
    written: sortedNested(map.written),
  };
}

export function createNotionMapStore(stateDir: string): NotionMapStore {
  const file = statePaths(stateDir).notion;
  return {
    async load() {
      return (await readJsonFile(file, NotionMap)) ?? emptyNotionMap();
    },
    save: (map) => writeJsonFile(file, sortedNotionMap(map)),
  };
}

/** The entry of `record[name]`, created when missing. */
export function section<T>(record: Record<string, Record<string, T>>, name: string): Record<string, T> {
  const existing = record[name];
  if (existing) return existing;
  const created: Record<string, T> = {};
  record[name] = created;
  return created;
}
