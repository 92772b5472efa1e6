/**
 * `radar embed`'s job for one model: embed every paper that has no vector for it yet (title +
 * abstract), in batches, storing vectors as it goes so a crash loses at most the unsaved rows
 * (about ten seconds of work).
 *
 * A model that fits state on the corpus (hashing's idf) fits it on the first run and keeps it
 * fixed, so old and new vectors stay comparable; `refit` refits and re-embeds everything.
 * A full re-embed is marked in model.json (`extra.reembedPending`) before it starts, so a crash
 * halfway is finished by the next run instead of leaving vectors of two fits mixed.
 */
import { ConfigError, RadarError } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { EmbeddingModelMeta, EmbeddingsStore } from '../store/embeddings-store.ts';
import type { Paper } from '../store/schemas.ts';
import type { Embedder } from './embedder.ts';

/**
 * Vectors are stored every 10 s of embedding work (or 8,192 rows), not after every request
 * batch: each store rewrites a whole parquet shard (~4 s for 1,024 rows into a 7k-row shard on
 * this machine), so per-batch stores dominated the run. A crash loses at most that much work.
 */
const DEFAULT_FLUSH_MS = 10_000;
const DEFAULT_FLUSH_ROWS = 8192;

/** Characters per token, roughly, for English prose: inputs are cut before the tokenizer sees them. */
const CHARS_PER_TOKEN = 4;

export type VectorStore = Pick<EmbeddingsStore, 'readMeta' | 'writeMeta' | 'upsert' | 'ids'>;

export interface EmbedProgress {
  model: string;
  done: number;
  total: number;
}

export interface EmbedPapersDeps {
  /**
   * The papers; with `exclude`, it may leave those ids out (the ones that already have a vector),
   * so a daily run over a large store does not hold every paper in memory.
   */
  readPapers: (exclude?: ReadonlySet<string>) => Promise<Paper[]>;
  store: VectorStore;
  logger: Logger;
  now?: () => number;
}

export interface EmbedPapersOptions {
  refit?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: EmbedProgress) => void;
  /** Store pending vectors once this many have accumulated… */
  flushRows?: number;
  /** …or once this long has passed since the last store, whichever comes first. */
  flushMs?: number;
}

export interface EmbedPapersResult {
  model: string;
  embedded: number;
  /** Papers that already had a vector and were left alone. */
  alreadyHad: number;
  fullReembed: boolean;
  seconds: number;
}

export function paperText(paper: Pick<Paper, 'title' | 'abstract'>, maxInputTokens: number): string {
  const text = `${paper.title.trim()}\n\n${paper.abstract.trim()}`;
  return text.slice(0, maxInputTokens * CHARS_PER_TOKEN);
}

/** Refuses a model whose config no longer matches the vectors already stored for it. */
export function checkCompatible(embedder: Embedder, meta: EmbeddingModelMeta | undefined): void {
  if (!meta) return;
  const issues: string[] = [];
  if (meta.dims !== embedder.dims)
    issues.push(`config says dims ${embedder.dims}, model.json says ${meta.dims}`);
  if (meta.backend !== embedder.backend)
    issues.push(`config says backend ${embedder.backend}, model.json says ${meta.backend}`);
  if (issues.length === 0) return;
  throw new ConfigError(
    `embedding model "${embedder.id}" does not match its stored vectors (embeddings/${embedder.id}/)`,
    [...issues, 'give the new definition a new model name, or delete that folder to re-embed everything'],
  );
}

function metaFor(
  embedder: Embedder,
  previous: EmbeddingModelMeta | undefined,
  reembedPending: boolean,
  now: number,
) {
  const { reembedPending: _dropped, ...extra } = previous?.extra ?? {};
  return {
    model: embedder.id,
    backend: embedder.backend,
    dims: embedder.dims,
    normalize: true,
    createdAt: previous?.createdAt ?? new Date(now).toISOString(),
    extra: {
      ...extra,
      maxInputTokens: embedder.maxInputTokens,
      ...(reembedPending ? { reembedPending: true } : {}),
    },
  } satisfies EmbeddingModelMeta;
}

/**
 * Loads or fits the corpus state and reads the papers: all of them on a first run, a fit or a
 * full re-embed, else only those without a vector. Undefined when there is no paper at all.
 */
async function prepare(embedder: Embedder, deps: EmbedPapersDeps, options: EmbedPapersOptions) {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const meta = await store.readMeta();
  checkCompatible(embedder, meta);
  const stored = await store.ids();
  let full = options.refit === true || meta?.extra?.reembedPending === true;
  const fit = embedder.corpusFit;
  const mustFit = fit !== undefined && (options.refit === true || !(await fit.load()));
  // Fitting anew while vectors exist changes the space they live in: re-embed them all.
  if (mustFit && stored.size > 0) full = true;
  const onlyMissing = !(full || mustFit || !meta);
  const papers = onlyMissing ? await deps.readPapers(stored) : await deps.readPapers();
  if (papers.length === 0 && !onlyMissing) return undefined;
  if (full || !meta) await store.writeMeta(metaFor(embedder, meta, full, now()));
  if (mustFit) await fit.fit(papers.map((p) => paperText(p, embedder.maxInputTokens)));
  return { meta: await store.readMeta(), stored, full, papers, onlyMissing };
}

export async function embedPapers(
  embedder: Embedder,
  deps: EmbedPapersDeps,
  options: EmbedPapersOptions = {},
): Promise<EmbedPapersResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const result = { model: embedder.id, embedded: 0, alreadyHad: 0, fullReembed: false, seconds: 0 };
  const prepared = await prepare(embedder, deps, options);
  if (!prepared) return result;
  const { meta, stored, full, papers, onlyMissing } = prepared;
  const todo = full ? papers : papers.filter((p) => !stored.has(p.id));
  result.alreadyHad = onlyMissing ? stored.size : papers.length - todo.length;
  result.fullReembed = full;
  deps.logger.info({ model: embedder.id, todo: todo.length, full }, 'embedding papers');

  result.embedded = await embedInBatches(embedder, deps, todo, options);
  if (full) await deps.store.writeMeta(metaFor(embedder, meta, false, now()));
  result.seconds = (now() - started) / 1000;
  return result;
}

async function embedInBatches(
  embedder: Embedder,
  deps: EmbedPapersDeps,
  todo: readonly Paper[],
  options: EmbedPapersOptions,
): Promise<number> {
  const now = deps.now ?? Date.now;
  const flushRows = options.flushRows ?? Math.max(embedder.batchSize, DEFAULT_FLUSH_ROWS);
  const flushMs = options.flushMs ?? DEFAULT_FLUSH_MS;
  let pending: Array<{ id: string; vector: Float32Array }> = [];
  let lastFlush = now();
  let done = 0;
  const flush = async () => {
    await deps.store.upsert(pending);
    done += pending.length;
    pending = [];
    lastFlush = now();
  };
  options.onProgress?.({ model: embedder.id, done: 0, total: todo.length });
  for (let start = 0; start < todo.length; start += embedder.batchSize) {
    options.signal?.throwIfAborted();
    const batch = todo.slice(start, start + embedder.batchSize);
    const vectors = await embedder.embed(
      batch.map((p) => paperText(p, embedder.maxInputTokens)),
      options.signal,
    );
    if (vectors.length !== batch.length) {
      throw new RadarError(
        `embedding model "${embedder.id}" returned ${vectors.length} vectors for ${batch.length} texts`,
      );
    }
    batch.forEach((paper, i) => {
      pending.push({ id: paper.id, vector: vectors[i] ?? new Float32Array(0) });
    });
    if (pending.length >= flushRows || now() - lastFlush >= flushMs) await flush();
    options.onProgress?.({ model: embedder.id, done: done + pending.length, total: todo.length });
  }
  if (pending.length > 0) await flush();
  return done;
}
