/**
 * The engine of `radar eval search run`, wired as `radar search` wires it: over the radar's papers
 * the persistent BM25 index, the stored vectors (vector, hybrid) and the LLM reranker (rerank,
 * purpose `rerank`); over a BEIR corpus, BM25 in memory (its index cached under index/beir/) and
 * the corpus embedded with the version's model (vectors and graph cached there too).
 */
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { createHashingEmbedder } from '../../embed/backends/hashing.ts';
import { paperText } from '../../embed/embed-papers.ts';
import { createEmbedder, type Embedder } from '../../embed/embedder.ts';
import {
  createVectorIndex,
  DEFAULT_HNSW,
  readVectorIndex,
  type VectorIndex,
} from '../../index/vector-index.ts';
import { createMemoryCorpus, type SearchCorpus } from '../../search/corpus.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import type { OpenVectorSearcher, VectorSearcher } from '../../search/engines/vector-engine.ts';
import { type LexicalIndex, lexicalFromIndex } from '../../search/lexical-index.ts';
import type { SearchEngine } from '../../search/search-port.ts';
import { parseRerankParameters, type SearchVersion } from '../../search/search-version.ts';
import { type BeirDocument, openBeirCollection, readBeirDocuments } from '../../store/beir-collection.ts';
import {
  beirCorpusStamp,
  createBeirIndexCache,
  createBeirVectorCache,
} from '../../store/eval-search-beir-index.ts';
import { type AnalyzerOptions, analyzerSignature } from '../../text/tokenize.ts';
import type { CommandContext } from '../context.ts';
import { createProgress } from '../progress.ts';
import { llmRerankerFor, papersCorpusFor, storedVectorsFor } from '../search-services.ts';

/** Whether the version (or a rerank version's first stage) searches embeddings. */
export function needsVectors(version: SearchVersion): boolean {
  if (version.algorithm === 'vector' || version.algorithm === 'hybrid') return true;
  if (version.algorithm !== 'rerank') return false;
  return parseRerankParameters(version).base.algorithm !== 'bm25';
}

function rerankerFor(ctx: CommandContext, version: SearchVersion) {
  if (version.algorithm !== 'rerank') return undefined;
  const reranker = llmRerankerFor(ctx, version);
  if (!reranker)
    throw new UsageError(
      `search version ${version.name} reranks with the LLM: declare llm.providers (or llm.tasks.rerank) and set its API key`,
    );
  return reranker;
}

/** Embeds texts in the embedder's batches, into one row-major matrix. */
async function embedAll(
  embedder: Embedder,
  texts: readonly string[],
  onBatch: (done: number) => void,
): Promise<Float32Array> {
  const data = new Float32Array(texts.length * embedder.dims);
  for (let at = 0; at < texts.length; at += embedder.batchSize) {
    const rows = await embedder.embed(texts.slice(at, at + embedder.batchSize));
    rows.forEach((row, i) => {
      data.set(row, (at + i) * embedder.dims);
    });
    onBatch(Math.min(texts.length, at + embedder.batchSize));
  }
  return data;
}

/**
 * Vector search over a BEIR corpus with a configured embedding model: the corpus embedded once
 * and cached with its HNSW graph under index/beir/ (keyed by the corpus file's identity and the
 * model). The hashing model's idf is fitted on this corpus (not the radar's papers), as
 * `radar embed` fits it on the papers.
 */
export function beirVectors(
  ctx: CommandContext,
  stamp: string,
  documents: readonly BeirDocument[],
): OpenVectorSearcher {
  const { config } = ctx.loaded;
  const opened = new Map<string, Promise<VectorSearcher>>();
  const open = async (name: string): Promise<VectorSearcher> => {
    const modelConfig = config.embedding.models[name];
    if (!modelConfig) throw new UsageError(`embedding model "${name}" is not in embedding.models`);
    const texts = documents.map((d) => paperText({ title: d.title, abstract: d.text }, 4096));
    const embedder: Embedder =
      modelConfig.backend === 'hashing'
        ? (() => {
            const hashing = createHashingEmbedder({ id: name, dims: modelConfig.dims });
            hashing.fit(texts);
            return hashing;
          })()
        : await createEmbedder(name, modelConfig, {
            env: ctx.env,
            logger: ctx.logger.child({ module: 'beir-vectors' }),
            modelsDir: join(ctx.cwd, 'models'),
            stateDir: ctx.stateDir,
            ...(config.llm.providers.default ? { defaultProvider: config.llm.providers.default } : {}),
          });
    const cache = createBeirVectorCache(ctx.stateDir, stamp, name, modelConfig);
    const cached = await cache.read();
    let index: VectorIndex;
    if (
      cached &&
      cached.ids.length === documents.length &&
      cached.vectors.length === documents.length * embedder.dims
    ) {
      index = readVectorIndex(cached.graphFile, embedder.dims, DEFAULT_HNSW, cached.ids);
    } else {
      const progress = await createProgress(ctx.logger, 'documents');
      const label = `embedding the BEIR corpus (${name})`;
      const data = await embedAll(embedder, texts, (done) => progress.update(label, done, texts.length));
      progress.stop();
      const ids = documents.map((d) => d.id);
      index = createVectorIndex(embedder.dims, DEFAULT_HNSW);
      index.add({ ids, dims: embedder.dims, data });
      await cache.write(ids, data, (file) => index.writeGraph(file));
    }
    return {
      model: name,
      async nearest(query, k, signal) {
        const [vector] = await embedder.embed([query], signal);
        return vector ? index.search(vector, k).map((n) => ({ id: n.id, score: n.similarity })) : [];
      },
    };
  };
  return (model) => {
    const name = model ?? config.embedding.active[0];
    if (name === undefined)
      return Promise.reject(new UsageError('vector search needs an embedding model in embedding.active'));
    let searcher = opened.get(name);
    if (!searcher) {
      searcher = open(name);
      opened.set(name, searcher);
    }
    return searcher;
  };
}

/** A BEIR corpus in memory whose BM25 index is loaded from index/beir/ when the corpus is unchanged. */
export async function beirCorpus(
  ctx: CommandContext,
  dir: string,
): Promise<{ corpus: SearchCorpus; vectors: OpenVectorSearcher }> {
  const { stateDir } = ctx;
  const [documents, stamp] = await Promise.all([
    openBeirCollection(dir).then(readBeirDocuments),
    beirCorpusStamp(dir),
  ]);
  const memory = createMemoryCorpus(documents);
  const cache = createBeirIndexCache(stateDir, stamp);
  const indexes = new Map<string, Promise<LexicalIndex>>();
  const open = async (options: AnalyzerOptions): Promise<LexicalIndex> => {
    const signature = analyzerSignature(options);
    const stored = await cache.read(signature);
    if (stored !== undefined) return lexicalFromIndex(stored, options);
    const built = await memory.lexical(options);
    await cache.write(signature, built.index);
    return built;
  };
  const corpus: SearchCorpus = {
    ...memory,
    lexical(options) {
      const key = analyzerSignature(options);
      let index = indexes.get(key);
      if (index === undefined) {
        index = open(options);
        indexes.set(key, index);
      }
      return index;
    },
  };
  return { corpus, vectors: beirVectors(ctx, stamp, documents) };
}

export async function engineFor(
  ctx: CommandContext,
  version: SearchVersion,
  beir: string | undefined,
): Promise<SearchEngine> {
  if (beir !== undefined) {
    const { corpus, vectors } = await beirCorpus(ctx, beir);
    return createSearchEngine(version, {
      corpus,
      vectors: needsVectors(version) ? vectors : undefined,
      reranker: rerankerFor(ctx, version),
    });
  }
  const corpus = await papersCorpusFor(ctx);
  return createSearchEngine(version, {
    corpus,
    vectors: needsVectors(version) ? storedVectorsFor(ctx, 'eval-search') : undefined,
    reranker: rerankerFor(ctx, version),
  });
}
