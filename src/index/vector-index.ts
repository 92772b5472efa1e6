/**
 * An approximate nearest-neighbour index over one embedding model's vectors: hnswlib's HNSW
 * graph in cosine space, with the mapping between arXiv ids and hnswlib's integer labels.
 * Derived data: it can always be rebuilt from the embeddings store (see index-store.ts).
 */
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import hnswlib from 'hnswlib-node';
import type { VectorMatrix } from '../rank/vector-matrix.ts';

export interface HnswParams {
  /** Graph degree. */
  m: number;
  efConstruction: number;
  /** Candidate list size at query time: the recall/speed knob (recall@10 ≥ 0.95 measured in bench/papers.ts). */
  efSearch: number;
  randomSeed: number;
}

/**
 * Measured on the 20k real abstracts with hashing-384 vectors (bench/papers.ts), a hard case
 * (the 10th neighbour's cosine is ~0.3): recall@10 0.90 at efSearch 64, 0.93 at 128, 0.96 at 256.
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 200, efSearch: 256, randomSeed: 100 };

export interface Neighbor {
  id: string;
  similarity: number;
}

export interface VectorIndex {
  readonly dims: number;
  readonly params: HnswParams;
  size(): number;
  has(id: string): boolean;
  /** Ids in label order. */
  ids(): readonly string[];
  /** Adds rows; an id already in the index has its vector replaced. Returns how many ids were new. */
  add(rows: VectorMatrix): number;
  /** The k nearest ids by cosine similarity, best first. */
  search(vector: ArrayLike<number>, k: number, options?: { ef?: number }): Neighbor[];
  /** Writes the graph to `file` through a temp file and a rename. */
  writeGraph(file: string): Promise<void>;
}

const MIN_CAPACITY = 1024;

function wrap(index: hnswlib.HierarchicalNSW, dims: number, params: HnswParams, ids: string[]): VectorIndex {
  const labels = new Map(ids.map((id, label) => [id, label]));
  index.setEf(params.efSearch);
  const ensureCapacity = (needed: number): void => {
    const capacity = index.getMaxElements();
    if (needed > capacity) index.resizeIndex(Math.max(needed, Math.ceil(capacity * 1.5)));
  };
  return {
    dims,
    params,
    size: () => ids.length,
    has: (id) => labels.has(id),
    ids: () => ids,
    add(rows) {
      if (rows.ids.length > 0 && rows.dims !== dims)
        throw new Error(`index has ${dims} dimensions, rows have ${rows.dims}`);
      ensureCapacity(ids.length + rows.ids.length);
      let added = 0;
      rows.ids.forEach((id, row) => {
        let label = labels.get(id);
        if (label === undefined) {
          label = ids.length;
          ids.push(id);
          labels.set(id, label);
          added += 1;
        }
        index.addPoint(Array.from(rows.data.subarray(row * dims, (row + 1) * dims)), label);
      });
      return added;
    },
    search(vector, k, options) {
      const count = Math.min(k, ids.length);
      if (count === 0) return [];
      if (options?.ef !== undefined) index.setEf(Math.max(options.ef, count));
      const result = index.searchKnn(Array.from(vector), count);
      if (options?.ef !== undefined) index.setEf(params.efSearch);
      return result.neighbors.map((label, i) => ({
        id: ids[label] ?? '',
        similarity: 1 - (result.distances[i] ?? 1),
      }));
    },
    async writeGraph(file) {
      const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${Date.now()}`);
      try {
        await index.writeIndex(temp);
        await rename(temp, file);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
  };
}

export function createVectorIndex(
  dims: number,
  params: HnswParams = DEFAULT_HNSW,
  capacity = MIN_CAPACITY,
): VectorIndex {
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  index.initIndex({
    maxElements: Math.max(capacity, MIN_CAPACITY),
    m: params.m,
    efConstruction: params.efConstruction,
    randomSeed: params.randomSeed,
  });
  return wrap(index, dims, params, []);
}

/** Reads a graph written by `writeGraph`; `ids` are its labels' ids, in label order. */
export async function readVectorIndex(
  file: string,
  dims: number,
  params: HnswParams,
  ids: readonly string[],
): Promise<VectorIndex> {
  const index = new hnswlib.HierarchicalNSW('cosine', dims);
  await index.readIndex(file);
  if (index.getCurrentCount() !== ids.length) {
    throw new Error(`graph holds ${index.getCurrentCount()} points, ids list ${ids.length}`);
  }
  return wrap(index, dims, params, [...ids]);
}

/** Exact k nearest neighbours by cosine: the reference that recall is measured against. */
export function bruteForceSearch(
  matrix: VectorMatrix,
  norms: Float64Array,
  vector: ArrayLike<number>,
  k: number,
): Neighbor[] {
  const { dims, data } = matrix;
  let qn = 0;
  for (let j = 0; j < dims; j++) qn += (vector[j] ?? 0) ** 2;
  qn = Math.sqrt(qn) || 1;
  const best: Neighbor[] = [];
  for (let r = 0; r < matrix.ids.length; r++) {
    let dot = 0;
    const offset = r * dims;
    for (let j = 0; j < dims; j++) dot += (data[offset + j] ?? 0) * (vector[j] ?? 0);
    const similarity = dot / (qn * (norms[r] || 1));
    if (best.length < k || similarity > (best.at(-1)?.similarity ?? -2)) {
      best.push({ id: matrix.ids[r] ?? '', similarity });
      best.sort((a, b) => b.similarity - a.similarity);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

export function rowNorms(matrix: VectorMatrix): Float64Array {
  const { dims, data } = matrix;
  return Float64Array.from(matrix.ids, (_, r) => {
    let sum = 0;
    for (let j = 0; j < dims; j++) sum += (data[r * dims + j] ?? 0) ** 2;
    return Math.sqrt(sum);
  });
}
