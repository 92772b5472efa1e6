/**
 * The near-duplicate search of the rank job over the stored ANN index (derived, rebuildable files
 * under state/index): the composition roots build it once over the state directory and pass it in.
 * Opening it brings the index up to date from the embeddings shards it has not seen (the day's).
 */
import { openModelIndex } from '../index/index-store.ts';
import { DEFAULT_HNSW } from '../index/vector-index.ts';
import type { Logger } from '../log/logger.ts';
import type { Stores } from '../store/stores.ts';
import type { OpenModelIndex } from './rank-papers.ts';

/**
 * The candidate list size of the rank's near-duplicate search: pairs above a high threshold are far
 * closer than the 10th neighbour, so a small ef finds them (on the default graph, ef 16 finds 950
 * of 1,000 planted pairs at cosine ≥ 0.95 over 100k, and a pass over all 100k takes ~7.5 s on two
 * cores; ef 32 finds 986 in twice the time: bench/scale-ann.ts). The index is opened at this ef, so
 * the search runs on the graph in memory (the one the day's vectors were just added to) instead of
 * a second, memory-mapped copy of the saved graph at another ef.
 */
export const DEDUP_EF = 16;

/**
 * `collectGarbage` runs just before the graph is read: the rank's id sets of the whole state are
 * garbage by then, and V8 does not count the native graph (about 1 GB at 1M papers) against its
 * heap, so without a collection that garbage can stay resident beside the graph.
 */
export function storedIndexOpener(
  stateDir: string,
  stores: Pick<Stores, 'vectors'>,
  logger: Logger,
  collectGarbage: () => void = () => undefined,
): OpenModelIndex {
  // The rank reads only the rows it works on: the index reads the shards it lacks from the store.
  return async (model) => {
    collectGarbage();
    const store = stores.vectors(model);
    const { index } = await openModelIndex({
      stateDir,
      model,
      loadVectors: (options) => store.load(options),
      logger,
      // efSearch is not part of the saved index (only m, efConstruction and quantization are).
      params: { ...DEFAULT_HNSW, efSearch: DEDUP_EF },
    });
    return index;
  };
}
