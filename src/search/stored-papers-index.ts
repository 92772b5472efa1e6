/**
 * The persistent BM25 index files under `index/bm25/` (derived, rebuildable data): the
 * composition roots open them once over the state directory and pass them to the papers corpus.
 */
import { streamPaperTexts } from '../store/paper-rows-stream.ts';
import { statePaths } from '../store/paths.ts';
import { createScratchSpill } from '../store/search-index-scratch.ts';
import {
  papersShardStamps,
  readSearchSegments,
  saveSearchUpdate,
  searchIndexDir,
  writeSearchBase,
} from '../store/search-index-store.ts';
import type { PapersIndexFiles } from './papers-index.ts';

export function storedPapersIndex(stateDir: string): PapersIndexFiles {
  const dir = searchIndexDir(stateDir);
  return {
    location: dir,
    shardStamps: () => papersShardStamps(stateDir),
    read: () => readSearchSegments(dir),
    writeBase: (stored) => writeSearchBase(dir, stored),
    scratch: () => createScratchSpill(dir),
    streamShard: (yymm) => streamPaperTexts(statePaths(stateDir).papersShard(yymm)),
    saveUpdate: (previous, update) => saveSearchUpdate(dir, previous, update),
  };
}
