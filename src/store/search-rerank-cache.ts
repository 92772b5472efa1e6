/**
 * Reranked orders cached by content key (see src/search/llm-reranker.ts) in
 * `index/search/rerank-cache.json`: derived, safe to delete; the newest MAX entries are kept.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { RerankCache } from '../search/llm-reranker.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';

const MAX = 2000;
const Entries = z.array(z.tuple([z.string(), z.array(z.string())]));

export function createStoredRerankCache(stateDir: string): RerankCache {
  const file = join(statePaths(stateDir).indexDir, 'search', 'rerank-cache.json');
  let entries: Promise<Map<string, string[]>> | undefined;
  const load = () => {
    entries ??= readJsonFile(file, Entries)
      .catch(() => undefined)
      .then((rows) => new Map(rows ?? []));
    return entries;
  };
  return {
    async get(key) {
      return (await load()).get(key);
    },
    async set(key, ids) {
      const map = await load();
      map.delete(key);
      map.set(key, [...ids]);
      while (map.size > MAX) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
      await writeJsonFile(file, [...map.entries()]);
    },
  };
}
