import { compareIds } from '../core/arxiv-id.ts';
import type { VectorShard } from './parquet-vectors.ts';

function sameVector(data: Float32Array, offset: number, vector: Float32Array): boolean {
  for (let i = 0; i < vector.length; i += 1) if (data[offset + i] !== vector[i]) return false;
  return true;
}

function changesSomething(
  existing: VectorShard,
  index: Map<string, number>,
  incoming: Map<string, Float32Array>,
): boolean {
  for (const [id, vector] of incoming) {
    const row = index.get(id);
    if (row === undefined || !sameVector(existing.data, row * existing.dims, vector)) return true;
  }
  return false;
}

/**
 * The shard with `incoming` vectors added or replacing existing ones, rows sorted by id;
 * undefined when every incoming vector is already stored as is.
 */
export function mergeShard(
  existing: VectorShard,
  incoming: Map<string, Float32Array>,
): VectorShard | undefined {
  const { dims } = existing;
  const index = new Map(existing.ids.map((id, row) => [id, row]));
  if (!changesSomething(existing, index, incoming)) return undefined;
  const ids = [...new Set([...existing.ids, ...incoming.keys()])].sort(compareIds);
  const data = new Float32Array(ids.length * dims);
  for (const [row, id] of ids.entries()) {
    const vector = incoming.get(id);
    const old = index.get(id);
    if (vector) data.set(vector, row * dims);
    else if (old !== undefined) data.set(existing.data.subarray(old * dims, (old + 1) * dims), row * dims);
  }
  return { ids, dims, data };
}
