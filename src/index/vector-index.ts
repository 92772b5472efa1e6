/**
 * An approximate nearest-neighbour index over one embedding model's vectors: usearch's HNSW
 * graph in cosine space (multi-threaded batch add and search, half-precision storage by default),
 * with the mapping between arXiv ids and usearch's integer keys. Derived data: it can always be
 * rebuilt from the embeddings store (see index-store.ts). usearch was chosen over hnswlib-node on
 * the figures of bench/scale-ann.ts (README "Scale"): with f16 storage the graph takes half the
 * memory at the same recall@10, builds in less CPU time and on every core, and takes batches of
 * queries without a per-call copy into a plain array.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import usearch, { type ScalarKind, type Index as UsearchIndex } from 'usearch';
import type { VectorMatrix } from '../rank/vector-matrix.ts';
import { replaceFileAtomic } from '../store/atomic-write.ts';

export type Quantization = 'f32' | 'f16' | 'i8';

export interface HnswParams {
  /** Graph degree (usearch's connectivity). */
  m: number;
  /** Candidate list size while inserting (usearch's expansion_add). */
  efConstruction: number;
  /** Candidate list size at query time: the recall/speed knob (recall@10 measured in bench/scale-ann.ts). */
  efSearch: number;
  /** How vectors are stored inside the graph; the embeddings store keeps float32 either way. */
  quantization?: Quantization;
  /** Threads for batch add and search; 0 = every core. */
  threads?: number;
}

/**
 * Chosen on 100k mixed abstracts with hashing-384 vectors (bench/scale-ann.ts, README "Scale"), a
 * hard case (the 10th neighbour's cosine is ~0.3). The graph is built at efConstruction 100 (about
 * half of efConstruction 200's build CPU, so a 1M state builds in under 15 min) and searched wide:
 * recall@10 0.98 at efSearch 1024, where efConstruction 200 reached 0.973 at 256. A query costs
 * ~7 ms of CPU at 100k instead of ~2 ms; a build is the one long wait, queries are few. Below
 * efConstruction 100 the near-duplicate search at a small ef starts to miss pairs (64: 902 of 1,000
 * planted pairs at ef 16, against 950 here).
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, efSearch: 1024, quantization: 'f16' };

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
  /** Adds rows (in parallel); an id already in the index has its vector replaced. Returns how many ids were new. */
  add(rows: VectorMatrix): number;
  /**
   * The k nearest ids by cosine similarity, best first. `ef` asks for another candidate list
   * size: usearch fixes it per index object, so it is served from a memory-mapped view of the
   * saved graph while the graph is unchanged since it was saved or read; otherwise the index's own
   * efSearch answers.
   */
  search(vector: ArrayLike<number>, k: number, options?: { ef?: number }): Neighbor[];
  /** The k nearest ids of every row, queried in parallel; row i's answer is at i. */
  searchMany(rows: VectorMatrix, k: number, options?: { ef?: number }): Neighbor[][];
  /** Writes the graph to `file` atomically (temp file, fsync, rename: see store/atomic-write.ts). */
  writeGraph(file: string): Promise<void>;
}

function nativeIndex(dims: number, params: HnswParams, efSearch = params.efSearch): UsearchIndex {
  return new usearch.Index({
    dimensions: dims,
    metric: usearch.MetricKind.Cos,
    quantization: (params.quantization ?? 'f32') as ScalarKind,
    connectivity: params.m,
    expansion_add: params.efConstruction,
    expansion_search: efSearch,
    multi: false,
  });
}

function asFloat32(vector: ArrayLike<number>): Float32Array {
  return vector instanceof Float32Array ? vector : Float32Array.from(vector);
}

function neighbors(keys: BigUint64Array, distances: Float32Array, ids: readonly string[]): Neighbor[] {
  const out: Neighbor[] = [];
  for (let i = 0; i < keys.length; i++) {
    const id = ids[Number(keys[i])];
    if (id !== undefined) out.push({ id, similarity: 1 - (distances[i] ?? 1) });
  }
  return out;
}

function wrap(
  index: UsearchIndex,
  dims: number,
  params: HnswParams,
  ids: string[],
  file?: string,
): VectorIndex {
  // Filled in place: at 1M ids an [id, label] pair per id was ~30 MB of garbage while the graph loads.
  const labels = new Map<string, number>();
  ids.forEach((id, label) => {
    labels.set(id, label);
  });
  const threads = params.threads ?? 0;
  /** The saved graph this index equals, for views at another ef; undefined once changed. */
  let cleanFile = file;
  const views = new Map<number, UsearchIndex>();
  const forEf = (ef: number | undefined): UsearchIndex => {
    if (ef === undefined || ef === params.efSearch || cleanFile === undefined) return index;
    let view = views.get(ef);
    if (!view) {
      view = nativeIndex(dims, params, ef);
      view.view(cleanFile);
      views.set(ef, view);
    }
    return view;
  };
  const checkDims = (rows: VectorMatrix): void => {
    if (rows.ids.length > 0 && rows.dims !== dims)
      throw new Error(`index has ${dims} dimensions, rows have ${rows.dims}`);
  };
  return {
    dims,
    params,
    size: () => ids.length,
    has: (id) => labels.has(id),
    ids: () => ids,
    add(rows) {
      checkDims(rows);
      if (rows.ids.length === 0) return 0;
      const keys = new BigUint64Array(rows.ids.length);
      const replaced: bigint[] = [];
      let added = 0;
      rows.ids.forEach((id, row) => {
        let label = labels.get(id);
        if (label === undefined) {
          label = ids.length;
          ids.push(id);
          labels.set(id, label);
          added += 1;
        } else replaced.push(BigInt(label));
        keys[row] = BigInt(label);
      });
      if (replaced.length > 0) index.remove(BigUint64Array.from(replaced));
      cleanFile = undefined;
      views.clear();
      index.add(keys, rows.data.subarray(0, rows.ids.length * dims), threads);
      return added;
    },
    search(vector, k, options) {
      const count = Math.min(k, ids.length);
      if (count === 0) return [];
      const found = forEf(options?.ef).search(asFloat32(vector), count, 1);
      return neighbors(found.keys, found.distances, ids);
    },
    searchMany(rows, k, options) {
      checkDims(rows);
      const count = Math.min(k, ids.length);
      if (count === 0 || rows.ids.length === 0) return rows.ids.map(() => []);
      const found = forEf(options?.ef).search(rows.data.subarray(0, rows.ids.length * dims), count, threads);
      if (found instanceof usearch.BatchMatches)
        return rows.ids.map((_, i) => {
          const one = found.get(i);
          return neighbors(one.keys, one.distances, ids);
        });
      return [neighbors(found.keys, found.distances, ids)];
    },
    async writeGraph(target) {
      await replaceFileAtomic(target, (temp) => index.save(temp));
      cleanFile = target;
      views.clear();
    },
  };
}

/** `_capacity` is a sizing hint from hnswlib days: usearch reserves room itself as rows arrive. */
export function createVectorIndex(
  dims: number,
  params: HnswParams = DEFAULT_HNSW,
  _capacity?: number,
): VectorIndex {
  return wrap(nativeIndex(dims, params), dims, params, []);
}

function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  return bytes.subarray(0, readSync(fd, bytes, 0, length, position));
}

/**
 * Checks a graph file's header before usearch reads it: usearch's loader trusts the sizes it
 * finds and aborts the whole process on a file that is not one of its indexes (a damaged file,
 * an hnswlib graph). A usearch file starts with the vectors block (u32 rows, u32 bytes per row,
 * the rows), then the 64-byte head: "usearch", version, kinds, u64 present count at +17, u64
 * deleted count at +25, u64 dimensions at +33.
 */
export function checkGraphFile(file: string, dims: number, count: number): void {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const start = readAt(fd, 0, 8);
    if (start.length < 8) throw new Error(`${file}: too short for a usearch index`);
    const head = 8 + start.readUInt32LE(0) * start.readUInt32LE(4);
    const bytes = readAt(fd, head, 64);
    if (head + 64 > size || bytes.length < 64 || bytes.subarray(0, 7).toString('latin1') !== 'usearch')
      throw new Error(`${file}: not a usearch index`);
    const present = Number(bytes.readBigUInt64LE(17));
    const stored = Number(bytes.readBigUInt64LE(33));
    if (stored !== dims) throw new Error(`${file}: graph has ${stored} dimensions, not ${dims}`);
    if (present !== count) throw new Error(`${file}: graph holds ${present} points, ids list ${count}`);
  } finally {
    closeSync(fd);
  }
}

/** Reads a graph written by `writeGraph`; `ids` are its keys' ids, in key order. */
export function readVectorIndex(
  file: string,
  dims: number,
  params: HnswParams,
  ids: readonly string[],
): VectorIndex {
  checkGraphFile(file, dims, ids.length);
  const index = nativeIndex(dims, params);
  index.load(file);
  if (index.dimensions() !== dims) throw new Error(`graph has ${index.dimensions()} dimensions, not ${dims}`);
  if (index.size() !== ids.length)
    throw new Error(`graph holds ${index.size()} points, ids list ${ids.length}`);
  return wrap(index, dims, params, [...ids], file);
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
