/**
 * Embeddings of one model: `embeddings/<model>/<YYMM>.parquet` (id + float32 vector, rows sorted
 * by id) and `embeddings/<model>/model.json`. Loads go through a raw cache under
 * `index/<model>/vectors/` that is rebuilt whenever it no longer matches its parquet shard.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArxivId } from '../core/arxiv-id.ts';
import { ConfigError, RadarError, StateFileError } from '../core/errors.ts';
import { type EmbeddingModelMeta, readModelMeta, writeModelMeta } from './embedding-meta.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { statePaths } from './paths.ts';
import {
  checkShardFile,
  readShardVectors,
  resolveShard,
  type ShardLocations,
  shardKeyOfFile,
  writeShard,
} from './vector-shard-files.ts';
import { mergeShard } from './vector-shard-merge.ts';

export { EmbeddingModelMeta } from './embedding-meta.ts';

export interface VectorMatrix {
  ids: string[];
  dims: number;
  /** `ids.length * dims` floats, row-major. */
  data: Float32Array;
}

export interface EmbeddingsStore {
  readonly model: string;
  readMeta(): Promise<EmbeddingModelMeta | undefined>;
  writeMeta(meta: EmbeddingModelMeta): Promise<void>;
  /** Adds or replaces vectors, one atomic write per touched shard; validates every row before writing any. */
  upsert(rows: ReadonlyArray<{ id: string; vector: Float32Array }>): Promise<void>;
  /** Every vector of the model (or of some shards), ordered by shard, then by id. */
  load(options?: { shards?: readonly string[] }): Promise<VectorMatrix>;
  ids(): Promise<Set<string>>;
  shards(): Promise<string[]>;
  /** Problems of one shard file (a path, or a shard key such as `2511`); empty when it is valid. */
  checkShard(file: string): Promise<string[]>;
  /** Removes a shard's vectors (parquet and derived cache): its papers are embedded again on the next run. */
  dropShard(yymm: string): Promise<string>;
}

/** A vector handed to `upsert` that cannot be stored; nothing was written. */
export class InvalidEmbeddingError extends RadarError {
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {
    super(`embedding of ${id}: ${reason}`);
  }
}

export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SHARD_CONCURRENCY = 4;

type IncomingShards = Map<string, Map<string, Float32Array>>;

/** Validates every row and groups them by shard (month), before anything is written. */
export function groupRows(
  rows: ReadonlyArray<{ id: string; vector: Float32Array }>,
  meta: EmbeddingModelMeta,
): IncomingShards {
  const groups: IncomingShards = new Map();
  for (const { id, vector } of rows) {
    const parsed = parseArxivId(id);
    if (parsed?.id !== id) throw new InvalidEmbeddingError(id, 'not a versionless arXiv id');
    if (vector.length !== meta.dims) {
      const why = `has ${vector.length} dimensions, but model "${meta.model}" has ${meta.dims} (model.json)`;
      throw new InvalidEmbeddingError(id, why);
    }
    if (!vector.every(Number.isFinite)) throw new InvalidEmbeddingError(id, 'contains NaN or Infinity');
    const group = groups.get(parsed.yymm) ?? new Map<string, Float32Array>();
    groups.set(parsed.yymm, group.set(id, vector));
  }
  return groups;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** False only when the file does not exist: any other failure must not pass for an empty shard. */
async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

async function listShardKeys(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).flatMap((name) => shardKeyOfFile(name) ?? []).sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Runs store operations one at a time, so a load never sees a shard halfway through an upsert. */
function createSerializer(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function loadMatrix(at: ShardLocations, keys: readonly string[], dims: number): Promise<VectorMatrix> {
  const resolved = await mapConcurrent(keys, SHARD_CONCURRENCY, (key) => resolveShard(at, key, dims));
  const offsets: number[] = [];
  let rows = 0;
  for (const shard of resolved) {
    offsets.push(rows * dims);
    rows += shard.ids.length;
  }
  // Every float is overwritten by a shard's fill, so skip zeroing 150 MB at 100k × 384.
  const bytes = Buffer.allocUnsafeSlow(rows * dims * 4);
  const data = new Float32Array(bytes.buffer, bytes.byteOffset, rows * dims);
  await mapConcurrent(resolved, SHARD_CONCURRENCY, (shard, i) => shard.fill(data, offsets[i] ?? 0));
  return { ids: resolved.flatMap((shard) => shard.ids), dims, data };
}

export function createEmbeddingsStore(stateDir: string, model: string): EmbeddingsStore {
  if (!MODEL_NAME.test(model)) {
    throw new ConfigError(`invalid embedding model name "${model}": use letters, digits, ".", "_" and "-"`);
  }
  const paths = statePaths(stateDir);
  const modelDir = join(paths.embeddingsDir, model);
  const metaFile = join(modelDir, 'model.json');
  const at: ShardLocations = {
    parquet: (yymm) => join(modelDir, `${yymm}.parquet`),
    cache: (yymm) => join(paths.indexDir, model, 'vectors', `${yymm}.bin`),
  };
  const exclusive = createSerializer();
  const shards = (): Promise<string[]> => listShardKeys(modelDir);
  const readMeta = (): Promise<EmbeddingModelMeta | undefined> => readModelMeta(metaFile);

  /** The meta, or undefined when the model has neither meta nor vectors yet. */
  const metaForVectors = async (): Promise<EmbeddingModelMeta | undefined> => {
    const meta = await readMeta();
    if (!meta && (await shards()).length > 0)
      throw new StateFileError(metaFile, 'missing, but vectors exist');
    return meta;
  };

  const writeMeta = async (meta: EmbeddingModelMeta): Promise<void> => {
    if (meta.model !== model)
      throw new StateFileError(metaFile, `model is "${meta.model}", expected "${model}"`);
    const current = await readMeta();
    if (current && current.dims !== meta.dims && (await shards()).length > 0) {
      const why = `dims would change from ${current.dims} to ${meta.dims} while vectors exist; delete ${modelDir} to re-embed`;
      throw new StateFileError(metaFile, why);
    }
    await writeModelMeta(metaFile, meta);
  };

  const upsertShard = async (
    yymm: string,
    incoming: Map<string, Float32Array>,
    dims: number,
  ): Promise<void> => {
    const existing = (await exists(at.parquet(yymm)))
      ? await readShardVectors(at, yymm, dims)
      : { ids: [], dims, data: new Float32Array(0) };
    const merged = mergeShard(existing, incoming);
    if (merged) await writeShard(at, yymm, merged, { 'radar.model': model, 'radar.dims': String(dims) });
  };

  const upsert = async (rows: ReadonlyArray<{ id: string; vector: Float32Array }>): Promise<void> => {
    if (rows.length === 0) return;
    const meta = await readMeta();
    if (!meta) throw new StateFileError(metaFile, 'missing: write the model meta before its vectors');
    const groups = groupRows(rows, meta);
    for (const [yymm, incoming] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await upsertShard(yymm, incoming, meta.dims);
    }
  };

  const load = async (options?: { shards?: readonly string[] }): Promise<VectorMatrix> => {
    const meta = await metaForVectors();
    if (!meta) return { ids: [], dims: 0, data: new Float32Array(0) };
    const wanted = options?.shards && new Set(options.shards);
    const keys = (await shards()).filter((key) => !wanted || wanted.has(key));
    return loadMatrix(at, keys, meta.dims);
  };

  const ids = async (): Promise<Set<string>> => {
    const meta = await metaForVectors();
    if (!meta) return new Set();
    const resolved = await mapConcurrent(await shards(), SHARD_CONCURRENCY, (key) =>
      resolveShard(at, key, meta.dims),
    );
    return new Set(resolved.flatMap((shard) => shard.ids));
  };

  const checkShard = async (file: string): Promise<string[]> => {
    const path = /^\d{4}$/.test(file) ? at.parquet(file) : resolve(file);
    const meta = await readMeta().catch(() => undefined);
    return checkShardFile(path, meta?.dims);
  };

  return {
    model,
    readMeta,
    writeMeta: (meta) => exclusive(() => writeMeta(meta)),
    upsert: (rows) => exclusive(() => upsert(rows)),
    load: (options) => exclusive(() => load(options)),
    ids: () => exclusive(ids),
    shards,
    checkShard,
    dropShard: (yymm) =>
      exclusive(async () => {
        await rm(at.parquet(yymm), { force: true });
        await rm(at.cache(yymm), { force: true });
        return at.parquet(yymm);
      }),
  };
}
