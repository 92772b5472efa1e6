/**
 * The in-memory twin of one model's embeddings store (src/store/embeddings-store.ts): the same
 * model-name check, meta rules (written before any vector, dims fixed while vectors exist) and
 * row validation (nothing stored when one row is bad), and the same matrix shape from `load`:
 * shards in order, rows sorted by id within a shard. Vectors are copied in and out.
 */
import { resolve } from 'node:path';
import { compareIds } from '../../core/arxiv-id.ts';
import { ConfigError, StateFileError } from '../../core/errors.ts';
import { EmbeddingModelMeta } from '../embedding-meta.ts';
import { type EmbeddingsStore, groupRows, MODEL_NAME, type VectorMatrix } from '../embeddings-store.ts';
import { checkShardFile } from '../vector-shard-files.ts';
import { memoryPath } from './json-cell.ts';

export function createMemoryEmbeddingsStore(model: string): EmbeddingsStore {
  if (!MODEL_NAME.test(model)) {
    throw new ConfigError(`invalid embedding model name "${model}": use letters, digits, ".", "_" and "-"`);
  }
  const metaFile = memoryPath(`embeddings/${model}/model.json`);
  const parquetOf = (yymm: string): string => memoryPath(`embeddings/${model}/${yymm}.parquet`);
  let meta: EmbeddingModelMeta | undefined;
  const shardRows = new Map<string, Map<string, Float32Array>>();
  const shards = (): string[] => [...shardRows.keys()].sort();

  const load = (keys: readonly string[]): VectorMatrix => {
    if (!meta) return { ids: [], dims: 0, data: new Float32Array(0) };
    const { dims } = meta;
    const ids = keys.flatMap((key) => [...(shardRows.get(key)?.keys() ?? [])].sort(compareIds));
    const data = new Float32Array(ids.length * dims);
    let row = 0;
    for (const key of keys) {
      const rows = shardRows.get(key);
      if (!rows) continue;
      for (const id of [...rows.keys()].sort(compareIds)) {
        const vector = rows.get(id);
        if (vector) data.set(vector, row * dims);
        row += 1;
      }
    }
    return { ids, dims, data };
  };

  return {
    model,
    readMeta: async () => (meta ? structuredClone(meta) : undefined),
    async writeMeta(next) {
      if (next.model !== model)
        throw new StateFileError(metaFile, `model is "${next.model}", expected "${model}"`);
      if (meta && meta.dims !== next.dims && shardRows.size > 0) {
        const why = `dims would change from ${meta.dims} to ${next.dims} while vectors exist; delete embeddings/${model} to re-embed`;
        throw new StateFileError(metaFile, why);
      }
      const parsed = EmbeddingModelMeta.safeParse(next);
      if (!parsed.success) throw new StateFileError(metaFile, `refusing to write: ${parsed.error.message}`);
      meta = structuredClone(parsed.data);
    },
    async upsert(rows) {
      if (rows.length === 0) return;
      if (!meta) throw new StateFileError(metaFile, 'missing: write the model meta before its vectors');
      for (const [yymm, incoming] of groupRows(rows, meta)) {
        const shard = shardRows.get(yymm) ?? new Map<string, Float32Array>();
        for (const [id, vector] of incoming) shard.set(id, Float32Array.from(vector));
        shardRows.set(yymm, shard);
      }
    },
    async load(options) {
      const wanted = options?.shards && new Set(options.shards);
      return load(shards().filter((key) => !wanted || wanted.has(key)));
    },
    async ids() {
      return new Set([...shardRows.values()].flatMap((rows) => [...rows.keys()]));
    },
    shards: async () => shards(),
    async checkShard(file) {
      if (/^\d{4}$/.test(file)) return shardRows.has(file) ? [] : [`unreadable: no shard ${file} in memory`];
      // A path names a file on disk, whatever store is asked.
      return checkShardFile(resolve(file), meta?.dims);
    },
    async dropShard(yymm) {
      shardRows.delete(yymm);
      return parquetOf(yymm);
    },
  };
}
