/**
 * The BM25 index of a BEIR corpus, cached under `index/beir/` so a second `eval search run
 * --beir` loads it instead of rebuilding it. Stamped with the corpus file's size, mtime and
 * content hash, and the analyzer signature; a stale or unreadable file is ignored (rebuilt).
 * The file format is the persistent papers index's (search-index-store.ts).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { InvertedIndex } from '../search/bm25/inverted-index.ts';
import { writeFileAtomic } from './atomic-write.ts';
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

/**
 * The embeddings of a BEIR corpus for one model, with their HNSW graph, cached under
 * `index/beir/vectors-<key>/` (key: the corpus stamp, the model's name and its config):
 * `ids.json`, `vectors.f32` (row-major float32, little-endian) and `graph.usearch`.
 */
export interface BeirVectorCache {
  read(): Promise<{ ids: string[]; vectors: Float32Array; graphFile: string } | undefined>;
  write(
    ids: readonly string[],
    vectors: Float32Array,
    writeGraph: (file: string) => Promise<void>,
  ): Promise<void>;
}

const BeirVectorIds = z.array(z.string());

export function createBeirVectorCache(
  stateDir: string,
  stamp: string,
  model: string,
  modelConfig: unknown,
): BeirVectorCache {
  const key = createHash('sha256')
    .update(`${stamp}\n${model}\n${JSON.stringify(modelConfig)}`)
    .digest('hex')
    .slice(0, 20);
  const dir = join(statePaths(stateDir).indexDir, 'beir', `vectors-${key}`);
  const graphFile = join(dir, 'graph.usearch');
  return {
    async read() {
      try {
        const ids = BeirVectorIds.safeParse(JSON.parse(await readFile(join(dir, 'ids.json'), 'utf8')));
        const bytes = await readFile(join(dir, 'vectors.f32'));
        await stat(graphFile);
        if (!ids.success || ids.data.length === 0 || bytes.length % (4 * ids.data.length) !== 0)
          return undefined;
        const vectors = new Float32Array(bytes.length / 4);
        new Uint8Array(vectors.buffer).set(bytes);
        return { ids: ids.data, vectors, graphFile };
      } catch {
        return undefined;
      }
    },
    async write(ids, vectors, writeGraph) {
      await writeFileAtomic(
        join(dir, 'vectors.f32'),
        new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength),
      );
      await writeGraph(graphFile);
      // ids.json last: a cache without it is incomplete and read as missing.
      await writeFileAtomic(join(dir, 'ids.json'), JSON.stringify(ids));
    },
  };
}
