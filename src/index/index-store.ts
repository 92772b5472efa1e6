/**
 * The persisted index of one model under `index/<model>/`: `ann.usearch` (the usearch graph) and
 * `ann.json` (format stamp, ids in key order, parameters, and the stamp of every embeddings shard
 * it was built from). Opening it checks the stamps: a missing, unreadable or older-format index
 * (the hnswlib `hnsw.bin` of earlier versions) is rebuilt from the embeddings store; when shards
 * changed, only those shards' vectors are read and their new ids added (a shard that lost ids
 * forces a rebuild).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { shardOf } from '../core/arxiv-id.ts';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import { selectRows, type VectorMatrix } from '../rank/vector-matrix.ts';
import { readJsonFile, writeJsonFile } from '../store/jsonl-file.ts';
import { statePaths } from '../store/paths.ts';
import {
  createVectorIndex,
  DEFAULT_HNSW,
  type HnswParams,
  readVectorIndex,
  type VectorIndex,
} from './vector-index.ts';

const FORMAT = 'usearch-1';

const IndexMeta = z.object({
  format: z.literal(FORMAT),
  model: z.string(),
  dims: z.int().positive(),
  params: z.object({
    m: z.int(),
    efConstruction: z.int(),
    quantization: z.enum(['f32', 'f16', 'i8']),
  }),
  /** Shard key → `size:mtimeNs` of its parquet file when the graph was saved. */
  shards: z.record(z.string(), z.string()),
  ids: z.array(z.string()),
});
type IndexMeta = z.infer<typeof IndexMeta>;

export interface ModelIndexDeps {
  stateDir: string;
  model: string;
  /** The model's vectors (the embeddings store's `load`); `shards` asks for some shards only. */
  loadVectors: (options?: { shards?: readonly string[] }) => Promise<VectorMatrix>;
  logger?: Logger;
  params?: HnswParams;
}

export interface ModelIndex {
  index: VectorIndex;
  /** How the index was obtained on open. */
  origin: 'loaded' | 'updated' | 'rebuilt';
  /** Adds rows and saves the index with the current shard stamps. */
  addAndSave(rows: VectorMatrix): Promise<number>;
}

/** Shard key → size and mtime of its parquet file: changes whenever a shard is rewritten. */
export async function embeddingsShardStamps(
  stateDir: string,
  model: string,
): Promise<Record<string, string>> {
  const dir = join(statePaths(stateDir).embeddingsDir, model);
  const names = (await readdir(dir).catch(() => [])).filter((n) => /^\d{4}\.parquet$/.test(n)).sort();
  const stamps = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name), { bigint: true });
      return [name.slice(0, 4), `${info.size}:${info.mtimeNs}`] as const;
    }),
  );
  return Object.fromEntries(stamps);
}

/** One string of every shard stamp, for callers that key other caches on the embeddings. */
export async function embeddingsFingerprint(stateDir: string, model: string): Promise<string> {
  const stamps = await embeddingsShardStamps(stateDir, model);
  return Object.entries(stamps)
    .map(([shard, stamp]) => `${shard}.parquet:${stamp}`)
    .join('|');
}

function sameParams(saved: IndexMeta['params'], params: HnswParams): boolean {
  return (
    saved.m === params.m &&
    saved.efConstruction === params.efConstruction &&
    saved.quantization === (params.quantization ?? 'f32')
  );
}

export function createModelIndexFiles(stateDir: string, model: string): { graph: string; meta: string } {
  const dir = join(statePaths(stateDir).indexDir, model);
  return { graph: join(dir, 'ann.usearch'), meta: join(dir, 'ann.json') };
}

/** The hnswlib files of earlier versions: never read, removed when the index is rebuilt. */
function legacyFiles(stateDir: string, model: string): string[] {
  const dir = join(statePaths(stateDir).indexDir, model);
  return [join(dir, 'hnsw.bin'), join(dir, 'hnsw.json')];
}

async function readSaved(
  deps: ModelIndexDeps,
  params: HnswParams,
): Promise<{ meta: IndexMeta; index: VectorIndex } | undefined> {
  const files = createModelIndexFiles(deps.stateDir, deps.model);
  try {
    const meta = await readJsonFile(files.meta, IndexMeta);
    if (!meta || !sameParams(meta.params, params)) return undefined;
    return { meta, index: readVectorIndex(files.graph, meta.dims, params, meta.ids) };
  } catch (error) {
    deps.logger?.warn({ model: deps.model, error: errorMessage(error) }, 'index unreadable: rebuilding it');
    return undefined;
  }
}

async function save(deps: ModelIndexDeps, index: VectorIndex, shards: Record<string, string>): Promise<void> {
  const files = createModelIndexFiles(deps.stateDir, deps.model);
  const meta = (stamps: Record<string, string>, ids: string[]): IndexMeta => ({
    format: FORMAT,
    model: deps.model,
    dims: index.dims,
    params: {
      m: index.params.m,
      efConstruction: index.params.efConstruction,
      quantization: index.params.quantization ?? 'f32',
    },
    shards: stamps,
    ids,
  });
  // The graph first: a crash before the meta is written leaves a count mismatch, which forces a rebuild.
  await writeJsonFile(files.meta, meta({}, []));
  await index.writeGraph(files.graph);
  await writeJsonFile(files.meta, meta(shards, [...index.ids()]));
}

function changedShards(saved: Record<string, string>, current: Record<string, string>): string[] {
  return Object.keys(current).filter((shard) => saved[shard] !== current[shard]);
}

/** Rows of `matrix` missing from the index, or undefined when a changed shard lost ids the index holds. */
function missingRows(
  matrix: VectorMatrix,
  index: VectorIndex,
  changed: ReadonlySet<string>,
): number[] | undefined {
  const present = new Set(matrix.ids);
  if (index.ids().some((id) => changed.has(shardOf(id)) && !present.has(id))) return undefined;
  return matrix.ids.flatMap((id, row) => (index.has(id) ? [] : [row]));
}

/** The saved index brought up to date from the changed shards only; undefined when it must be rebuilt. */
async function update(
  deps: ModelIndexDeps,
  saved: { meta: IndexMeta; index: VectorIndex },
  current: Record<string, string>,
): Promise<VectorIndex | undefined> {
  if (Object.keys(saved.meta.shards).some((shard) => current[shard] === undefined)) return undefined;
  const changed = changedShards(saved.meta.shards, current);
  const matrix = await deps.loadVectors({ shards: changed });
  if (matrix.ids.length > 0 && matrix.dims !== saved.index.dims) return undefined;
  const missing = missingRows(matrix, saved.index, new Set(changed));
  if (!missing) return undefined;
  saved.index.add(selectRows(matrix, missing));
  return saved.index;
}

/**
 * A new graph from every shard, read and added one shard at a time: a 1M-paper state never holds
 * its whole vector matrix (1.5 GB at 384 dims) beside the graph, and a long build logs its progress.
 */
async function rebuild(
  deps: ModelIndexDeps,
  params: HnswParams,
  shards: readonly string[],
): Promise<VectorIndex> {
  let index: VectorIndex | undefined;
  const started = performance.now();
  for (const [done, shard] of shards.entries()) {
    const matrix = await deps.loadVectors({ shards: [shard] });
    if (matrix.ids.length === 0) continue;
    index ??= createVectorIndex(matrix.dims, params);
    index.add(matrix);
    deps.logger?.info(
      {
        model: deps.model,
        shard,
        shards: `${done + 1}/${shards.length}`,
        size: index.size(),
        seconds: Math.round((performance.now() - started) / 1000),
      },
      'building vector index',
    );
  }
  await Promise.all(legacyFiles(deps.stateDir, deps.model).map((file) => rm(file, { force: true })));
  return index ?? createVectorIndex(1, params);
}

export async function openModelIndex(deps: ModelIndexDeps): Promise<ModelIndex> {
  const params = deps.params ?? DEFAULT_HNSW;
  const current = await embeddingsShardStamps(deps.stateDir, deps.model);
  const saved = await readSaved(deps, params);
  let index: VectorIndex;
  let origin: ModelIndex['origin'] = 'loaded';
  if (
    saved &&
    changedShards(saved.meta.shards, current).length === 0 &&
    Object.keys(saved.meta.shards).length === Object.keys(current).length
  ) {
    index = saved.index;
  } else {
    const updated = saved ? await update(deps, saved, current) : undefined;
    index = updated ?? (await rebuild(deps, params, Object.keys(current)));
    origin = updated ? 'updated' : 'rebuilt';
    await save(deps, index, current);
    deps.logger?.info({ model: deps.model, origin, size: index.size() }, 'vector index ready');
  }
  return {
    index,
    origin,
    async addAndSave(rows) {
      const added = index.add(rows);
      await save(deps, index, await embeddingsShardStamps(deps.stateDir, deps.model));
      return added;
    },
  };
}
