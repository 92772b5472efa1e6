/**
 * The near-duplicate search of the rank job over the stored ANN index (derived, rebuildable files
 * under state/index): the composition roots build it once over the state directory and pass it in.
 */
import { openModelIndex } from '../index/index-store.ts';
import { DEFAULT_HNSW } from '../index/vector-index.ts';
import type { Logger } from '../log/logger.ts';
import type { OpenModelIndex } from './rank-papers.ts';

/**
 * The candidate list size of the rank's near-duplicate search: pairs above a high threshold are far
 * closer than the 10th neighbour, so a small ef finds them. The index is opened at this ef, so
 * the search runs on the graph in memory (the one the day's vectors were just added to) instead
 * of a second, memory-mapped copy of the saved graph at another ef.
 */
export const DEDUP_EF = 16;

export function storedIndexOpener(stateDir: string, logger: Logger): OpenModelIndex {
  return async (model, matrix) => {
    const { index } = await openModelIndex({
      stateDir,
      model,
      loadVectors: async () => matrix,
      logger,
      // efSearch is not part of the saved index (only m, efConstruction and quantization are).
      params: { ...DEFAULT_HNSW, efSearch: DEDUP_EF },
    });
    return index;
  };
}
