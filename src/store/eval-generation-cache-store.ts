/**
 * The generation cache: one JSON file per output, `cache/generations/<key[0..2]>/<key>.json`,
 * keyed on content (model, prompt hash, options, the case's inputs). Only successes are stored.
 * An unreadable entry is a miss (it is regenerated and rewritten), never a failed run.
 */
import { join } from 'node:path';
import { CachedGeneration, type GenerationCache } from '../evals/generation/generate.ts';
import { generationEvalPaths } from './eval-generation-paths.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';

export function createGenerationCache(stateDir: string): GenerationCache {
  const dir = generationEvalPaths(stateDir).cacheDir;
  const fileOf = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      const entry = await readJsonFile(fileOf(key), CachedGeneration).catch(() => undefined);
      return entry?.key === key ? entry : undefined;
    },
    put: (entry) => writeJsonFile(fileOf(entry.key), entry),
  };
}
