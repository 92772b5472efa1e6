/**
 * In-memory twins of the classifier, lexical vocabulary, full-text and rerank-cache stores
 * (classifier-store.ts, lexical-vocabulary-store.ts, fulltext-store.ts, search-rerank-cache.ts):
 * per-model documents validated as the files are, full text with its sidecar meta, and the
 * rerank cache keeping its newest entries.
 */
import { shardOf } from '../../core/arxiv-id.ts';
import { StateFileError } from '../../core/errors.ts';
import type { RerankCache } from '../../search/llm-reranker.ts';
import { type ClassifierStore, StoredClassifier, StoredMetrics } from '../classifier-store.ts';
import { FulltextMeta, type FulltextStore } from '../fulltext-store.ts';
import {
  decodeVocabulary,
  encodeVocabulary,
  invalidVocabulary,
  type VocabularyStore,
} from '../lexical-vocabulary-store.ts';
import { createJsonCell, type JsonCell, memoryPath } from './json-cell.ts';

/** One JSON document per key, created on first write. */
function createCells<T>(pathOf: (key: string) => string, schema: import('zod').ZodType<T>) {
  const cells = new Map<string, JsonCell<T>>();
  return {
    read: (key: string): T | undefined => cells.get(key)?.read(),
    write(key: string, value: unknown): void {
      const cell = cells.get(key) ?? createJsonCell(pathOf(key), schema);
      cell.write(value);
      cells.set(key, cell);
    },
  };
}

export function createMemoryClassifierStore(): ClassifierStore {
  const classifiers = createCells((m) => `classifiers/${m}/classifier.json`, StoredClassifier);
  const metrics = createCells((m) => `classifiers/${m}/metrics.json`, StoredMetrics);
  return {
    readClassifier: async (model) => classifiers.read(model),
    writeClassifier: async (classifier) =>
      classifiers.write(classifier.model, StoredClassifier.parse(classifier)),
    readMetrics: async (model) => metrics.read(model),
    writeMetrics: async (value) => metrics.write(value.model, StoredMetrics.parse(value)),
  };
}

export function createMemoryVocabularyStore(): VocabularyStore {
  // The file's bytes, decoded on every read as the file store does.
  const pathOf = (model: string): string => memoryPath(`classifiers/${model}/vocabulary.bin`);
  const vocabularies = new Map<string, Uint8Array>();
  return {
    async read(model) {
      const bytes = vocabularies.get(model);
      return bytes ? decodeVocabulary(bytes, pathOf(model)) : undefined;
    },
    async write(vocabulary) {
      const problem = invalidVocabulary(vocabulary);
      if (problem) throw new StateFileError(pathOf(vocabulary.model), problem);
      vocabularies.set(vocabulary.model, encodeVocabulary(vocabulary));
    },
  };
}

export function createMemoryFulltextStore(): FulltextStore {
  const base = (id: string): string => `fulltext/${shardOf(id)}/${id.replace('/', '_')}`;
  const entries = new Map<string, { markdown: string; meta: string }>();
  return {
    fileOf: (id) => memoryPath(`${base(id)}.md`),
    async get(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      const meta = FulltextMeta.safeParse(JSON.parse(entry.meta));
      if (!meta.success || meta.data.id !== id || entry.markdown.length !== meta.data.chars) return undefined;
      return { meta: meta.data, markdown: entry.markdown };
    },
    async put(markdown, meta) {
      entries.set(meta.id, { markdown, meta: JSON.stringify({ ...meta, chars: markdown.length }) });
    },
  };
}

/** As the stored cache: the newest `max` entries are kept, a set makes its key the newest. */
export function createMemoryStoredRerankCache(max = 2000): RerankCache {
  const entries = new Map<string, string[]>();
  return {
    get: async (key) => {
      const ids = entries.get(key);
      return ids ? [...ids] : undefined;
    },
    async set(key, ids) {
      entries.delete(key);
      entries.set(key, [...ids]);
      while (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
