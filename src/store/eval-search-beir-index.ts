/**
 * The BM25 index of a BEIR corpus, cached under `index/beir/` so a second `eval search run
 * --beir` loads it instead of rebuilding it. Stamped with the corpus file's size, mtime and
 * content hash, and the analyzer signature; a stale or unreadable file is ignored (rebuilt).
 * The file format is the persistent papers index's (search-index-store.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvertedIndex } from '../search/bm25/inverted-index.ts';
import { statePaths } from './paths.ts';
import { readSearchIndex, writeSearchIndex } from './search-index-store.ts';

/** "size:mtimeNs:sha256/16" of the collection's corpus.jsonl. */
export async function beirCorpusStamp(collectionDir: string): Promise<string> {
  const file = join(collectionDir, 'corpus.jsonl');
  const info = await stat(file, { bigint: true });
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    if (chunk instanceof Uint8Array) hash.update(chunk);
  }
  return `${info.size}:${info.mtimeNs}:${hash.digest('hex').slice(0, 16)}`;
}

export interface BeirIndexCache {
  read(analyzer: string): Promise<InvertedIndex | undefined>;
  write(analyzer: string, index: InvertedIndex): Promise<void>;
}

export function beirIndexFile(stateDir: string, stamp: string, analyzer: string): string {
  const key = createHash('sha256').update(`${stamp}\n${analyzer}`).digest('hex').slice(0, 20);
  return join(statePaths(stateDir).indexDir, 'beir', `${key}.bin`);
}

export function createBeirIndexCache(stateDir: string, stamp: string): BeirIndexCache {
  return {
    async read(analyzer) {
      const stored = await readSearchIndex(beirIndexFile(stateDir, stamp, analyzer));
      if (stored === undefined || stored.analyzer !== analyzer || stored.shards.corpus !== stamp)
        return undefined;
      return stored.index;
    },
    async write(analyzer, index) {
      await writeSearchIndex(beirIndexFile(stateDir, stamp, analyzer), {
        analyzer,
        shards: { corpus: stamp },
        index,
      });
    },
  };
}
