/**
 * The built-in embedder: TF-IDF over hashed word and character n-grams, no weights needed.
 * The idf is fitted on the corpus once and saved in `embeddings/<model>/idf.json`; it stays
 * fixed afterwards (a refit re-embeds everything) so vectors from different days compare.
 */
import type { EmbeddingModelConfig } from '../../config/schema.ts';
import { idfFilePath, readIdfFile, writeIdfFile } from '../../store/idf-file.ts';
import type { CorpusFit, Embedder, EmbedderDeps } from '../embedder.ts';
import { fitIdf, IDF_SLOTS, type IdfTable, idfWeights, vectorize } from '../text-features.ts';

/** Words, not model tokens: the hashing embedder has no real limit; this bounds the work per paper. */
const MAX_INPUT_WORDS = 4096;
const BATCH_SIZE = 256;

export interface HashingEmbedderOptions {
  id?: string;
  dims: number;
  /** Without one, every feature weighs 1 (plain sublinear tf). */
  idf?: IdfTable;
}

export interface HashingEmbedder extends Embedder {
  /** Replaces the idf used by the following `embed` calls. */
  setIdf(table: IdfTable | undefined): void;
  /** Fits the idf on `corpus` and uses it from now on. */
  fit(corpus: Iterable<string>): IdfTable;
}

/** The pure embedder, with no file behind it: what benches and tests construct directly. */
export function createHashingEmbedder(options: HashingEmbedderOptions): HashingEmbedder {
  const { dims } = options;
  let weights = idfWeights(options.idf);
  return {
    id: options.id ?? `hashing-${dims}`,
    backend: 'hashing',
    dims,
    maxInputTokens: MAX_INPUT_WORDS,
    batchSize: BATCH_SIZE,
    embed: (texts) => Promise.resolve(texts.map((text) => vectorize(text, dims, weights))),
    setIdf(table) {
      weights = idfWeights(table);
    },
    fit(corpus) {
      const table = fitIdf(corpus);
      weights = idfWeights(table);
      return table;
    },
  };
}

type HashingConfig = Extract<EmbeddingModelConfig, { backend: 'hashing' }>;

/** The hashing embedder of a configured model, its idf kept in the state directory. */
export function createStoredHashingEmbedder(id: string, config: HashingConfig, deps: EmbedderDeps): Embedder {
  const inner = createHashingEmbedder({ id, dims: config.dims });
  const file = idfFilePath(deps.stateDir, id);
  // Callers that never call load() (a one-off query) still get the saved idf on first embed.
  let ready = false;
  const corpusFit: CorpusFit = {
    async load() {
      const stored = await readIdfFile(file, IDF_SLOTS);
      ready = true;
      if (!stored) return false;
      inner.setIdf(stored);
      return true;
    },
    async fit(corpus) {
      const table = inner.fit(corpus);
      await writeIdfFile(file, { ...table, fittedAt: new Date().toISOString() });
      ready = true;
      deps.logger.info({ model: id, docCount: table.docCount }, 'fitted the hashing idf on the corpus');
    },
  };
  return {
    id,
    backend: 'hashing',
    dims: inner.dims,
    maxInputTokens: inner.maxInputTokens,
    batchSize: inner.batchSize,
    async embed(texts, signal) {
      if (!ready) await corpusFit.load();
      return inner.embed(texts, signal);
    },
    corpusFit,
  };
}
