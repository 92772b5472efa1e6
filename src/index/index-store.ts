/**
 * The persisted index of one model under `index/<model>/`: `hnsw.bin` (the graph) and
 * `hnsw.json` (ids in label order, parameters, and the fingerprint of the embeddings shards it
 * was built from). Opening it checks the fingerprint: a missing or unreadable index is rebuilt
 * from the embeddings store; a stale one gets the new ids added (or is rebuilt when ids vanished).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
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

const IndexMeta = z.object({
  version: z.literal(1),
  model: z.string(),
  dims: z.int().positive(),
  params: z.object({ m: z.int(), efConstruction: z.int(), efSearch: z.int(), randomSeed: z.int() }),
  fingerprint: z.string(),
  ids: z.array(z.string()),
});
type IndexMeta = z.infer<typeof IndexMeta>;

export interface ModelIndexDeps {
  stateDir: string;
  model: string;
  /** Every vector of the model (the embeddings store's `load`). */
  loadVectors: () => Promise<VectorMatrix>;
  logger?: Logger;
  params?: HnswParams;
}

export interface ModelIndex {
  index: VectorIndex;
  /** How the index was obtained on open. */
  origin: 'loaded' | 'updated' | 'rebuilt';
  /** Adds rows and saves the index with the current shard fingerprint. */
  addAndSave(rows: VectorMatrix): Promise<number>;
}

/** Name, size and mtime of every embeddings shard of the model: changes whenever a shard is rewritten. */
export async function embeddingsFingerprint(stateDir: string, model: string): Promise<string> {
  const dir = join(statePaths(stateDir).embeddingsDir, model);
  const names = (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.parquet')).sort();
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name), { bigint: true });
      return `${name}:${info.size}:${info.mtimeNs}`;
    }),
  );
  return parts.join('|');
}

function sameParams(a: HnswParams, b: HnswParams): boolean {
  return a.m === b.m && a.efConstruction === b.efConstruction && a.randomSeed === b.randomSeed;
}

export function createModelIndexFiles(stateDir: string, model: string): { graph: string; meta: string } {
  const dir = join(statePaths(stateDir).indexDir, model);
  return { graph: join(dir, 'hnsw.bin'), meta: join(dir, 'hnsw.json') };
}

async function readSaved(
  deps: ModelIndexDeps,
  params: HnswParams,
): Promise<{ meta: IndexMeta; index: VectorIndex } | undefined> {
  const files = createModelIndexFiles(deps.stateDir, deps.model);
  try {
    const meta = await readJsonFile(files.meta, IndexMeta);
    if (!meta || !sameParams(meta.params, params)) return undefined;
    const index = await readVectorIndex(files.graph, meta.dims, params, meta.ids);
    return { meta, index };
  } catch (error) {
    deps.logger?.warn({ model: deps.model, error: errorMessage(error) }, 'index unreadable: rebuilding it');
    return undefined;
  }
}

async function save(deps: ModelIndexDeps, index: VectorIndex, fingerprint: string): Promise<void> {
  const files = createModelIndexFiles(deps.stateDir, deps.model);
  // The graph first: a crash before the meta is written leaves a count mismatch, which forces a rebuild.
  await writeJsonFile(files.meta, {
    version: 1,
    model: deps.model,
    dims: index.dims,
    params: index.params,
    fingerprint: '',
    ids: [],
  });
  await index.writeGraph(files.graph);
  const meta: IndexMeta = {
    version: 1,
    model: deps.model,
    dims: index.dims,
    params: index.params,
    fingerprint,
    ids: [...index.ids()],
  };
  await writeJsonFile(files.meta, meta);
}

function missingRows(matrix: VectorMatrix, index: VectorIndex): number[] | undefined {
  const present = new Set(matrix.ids);
  if (index.ids().some((id) => !present.has(id))) return undefined;
  return matrix.ids.flatMap((id, row) => (index.has(id) ? [] : [row]));
}

export async function openModelIndex(deps: ModelIndexDeps): Promise<ModelIndex> {
  const params = deps.params ?? DEFAULT_HNSW;
  const fingerprint = await embeddingsFingerprint(deps.stateDir, deps.model);
  const saved = await readSaved(deps, params);
  let index: VectorIndex;
  let origin: ModelIndex['origin'] = 'loaded';
  if (saved && saved.meta.fingerprint === fingerprint) {
    index = saved.index;
  } else {
    const matrix = await deps.loadVectors();
    const missing = saved && saved.index.dims === matrix.dims ? missingRows(matrix, saved.index) : undefined;
    if (saved && missing) {
      index = saved.index;
      index.add(selectRows(matrix, missing));
      origin = 'updated';
    } else {
      index = createVectorIndex(matrix.dims || 1, params, Math.ceil(matrix.ids.length * 1.2));
      index.add(matrix);
      origin = 'rebuilt';
    }
    await save(deps, index, fingerprint);
    deps.logger?.info({ model: deps.model, origin, size: index.size() }, 'vector index ready');
  }
  return {
    index,
    origin,
    async addAndSave(rows) {
      const added = index.add(rows);
      await save(deps, index, await embeddingsFingerprint(deps.stateDir, deps.model));
      return added;
    },
  };
}
