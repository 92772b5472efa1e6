/**
 * The near-duplicate search of the rank job over the stored ANN index (derived, rebuildable files
 * under state/index): the composition roots build it once over the state directory and pass it in.
 */
import { openModelIndex } from '../index/index-store.ts';
import type { Logger } from '../log/logger.ts';
import type { OpenModelIndex } from './rank-papers.ts';

export function storedIndexOpener(stateDir: string, logger: Logger): OpenModelIndex {
  return async (model, matrix) => {
    const { index } = await openModelIndex({ stateDir, model, loadVectors: async () => matrix, logger });
    return index;
  };
}
