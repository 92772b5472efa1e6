/**
 * The vectors of some papers, read one embeddings shard at a time and keeping only the wanted
 * rows: the related-papers job needs the summarized papers and the day's, a few hundred rows,
 * never the model's whole matrix (150 MB at 100k × 384).
 */
import { shardOf } from '../core/arxiv-id.ts';
import { rowIndex, selectRows, type VectorMatrix } from '../rank/vector-matrix.ts';

export interface ShardedVectors {
  load(options: { shards: readonly string[] }): Promise<VectorMatrix>;
}

/** The rows of `ids` that have a vector, in shard order; ids without one are left out. */
export async function loadVectorRows(store: ShardedVectors, ids: Iterable<string>): Promise<VectorMatrix> {
  const byShard = new Map<string, Set<string>>();
  for (const id of ids) {
    const shard = shardOf(id);
    const wanted = byShard.get(shard);
    if (wanted) wanted.add(id);
    else byShard.set(shard, new Set([id]));
  }
  const parts: VectorMatrix[] = [];
  for (const [shard, wanted] of [...byShard].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const matrix = await store.load({ shards: [shard] });
    const rows = rowIndex(matrix);
    parts.push(
      selectRows(
        matrix,
        [...wanted].flatMap((id) => rows.get(id) ?? []),
      ),
    );
  }
  return concatRows(parts);
}

function concatRows(parts: readonly VectorMatrix[]): VectorMatrix {
  const dims = parts.find((p) => p.ids.length > 0)?.dims ?? 0;
  const ids = parts.flatMap((p) => p.ids);
  const data = new Float32Array(ids.length * dims);
  let offset = 0;
  for (const part of parts) {
    data.set(part.data.subarray(0, part.ids.length * dims), offset);
    offset += part.ids.length * dims;
  }
  return { ids, dims, data };
}
