/**
 * The stores a job may use, as one typed bundle. The composition roots (the CLI context, the
 * daemon, the pipeline builder) build it once per process — `createFileStores(stateDir)` over
 * the state directory, `createMemoryStores()` (src/store/memory/) in tests — and pass each job
 * the stores it names: a job takes `Pick<Stores, 'papers' | 'labels'>`, never a directory path.
 *
 * Per-model vector stores are created on first use and kept, so two steps of one run share one
 * store (and its cache) instead of each building its own.
 */
import type { RerankCache } from '../search/llm-reranker.ts';
import { type BenchmarksStore, createBenchmarksStore } from './benchmarks-store.ts';
import { type ClassifierStore, createClassifierStore } from './classifier-store.ts';
import type { DatedJsonStore } from './dated-json-store.ts';
import { createEmbeddingsStore, type EmbeddingsStore } from './embeddings-store.ts';
import { createFileEvalStores, type EvalStores } from './eval-stores.ts';
import { createFulltextStore, type FulltextStore } from './fulltext-store.ts';
import {
  createProfilesStore,
  createTrendReportsStore,
  type StoredProfile,
  type StoredTrendReport,
} from './insights-store.ts';
import { createKvStore, type KvStore } from './kv-store.ts';
import { createLabelsStore, type LabelsStore } from './labels-store.ts';
import { createLeaderboardsStore, type LeaderboardsStore } from './leaderboards-store.ts';
import { createLedgerStore, type LedgerStore } from './ledger-store.ts';
import { createLexicalRowsStore, type LexicalRowsStore } from './lexical-rows-store.ts';
import { createVocabularyStore, type VocabularyStore } from './lexical-vocabulary-store.ts';
import { createLinksStore, type LinksStore } from './links-store.ts';
import { createMessageMapStore, type MessageMapStore } from './message-map-store.ts';
import { createModelAliasesStore, type ModelAliasesStore } from './model-aliases-store.ts';
import { createNotionMapStore, type NotionMapStore } from './notion-map-store.ts';
import { createPapersStore, type PapersStore } from './papers-store.ts';
import { createPendingLabelsStore, type PendingLabelsStore } from './pending-labels-store.ts';
import { createPicksStore, type PicksStore } from './picks-store.ts';
import { createRunsStore, type RunsStore } from './runs-store.ts';
import { createStoredRerankCache } from './search-rerank-cache.ts';
import { createSummariesStore, type SummariesStore } from './summaries-store.ts';
import { createSyncRecordStore, type SyncRecordStore } from './sync-record.ts';
import { createTagsStore, type TagsStore } from './tags-store.ts';

export interface Stores {
  readonly papers: PapersStore;
  /** The vectors of one embedding model (created on first use, then shared). */
  vectors(model: string): EmbeddingsStore;
  readonly labels: LabelsStore;
  readonly pendingLabels: PendingLabelsStore;
  readonly picks: PicksStore;
  readonly summaries: SummariesStore;
  readonly tags: TagsStore;
  readonly links: LinksStore;
  readonly notionMap: NotionMapStore;
  readonly messageMap: MessageMapStore;
  readonly ledger: LedgerStore;
  readonly runs: RunsStore;
  /** Cursors and small values (last collect, last rank, …). */
  readonly cursors: KvStore;
  readonly classifiers: ClassifierStore;
  readonly vocabulary: VocabularyStore;
  /** The lexical model's tf-idf rows per papers shard (derived, under index/). */
  readonly lexicalRows: LexicalRowsStore;
  readonly fulltext: FulltextStore;
  readonly benchmarks: BenchmarksStore;
  readonly profiles: DatedJsonStore<StoredProfile>;
  readonly trendReports: DatedJsonStore<StoredTrendReport>;
  readonly leaderboards: LeaderboardsStore;
  readonly modelAliases: ModelAliasesStore;
  readonly rerankCache: RerankCache;
  /** The search and generation benchmarks' banks, versions, candidates, runs and caches. */
  readonly evals: EvalStores;
  /** What the Hugging Face backup holds as of the last push or pull. */
  readonly syncRecord: SyncRecordStore;
}

export interface FileStoresOptions {
  /** Told when a JSONL file had a torn last line (repaired on the next write). */
  onTorn?: (file: string) => void;
}

/** The file implementation of every store over one state directory. */
export function createFileStores(stateDir: string, options: FileStoresOptions = {}): Stores {
  const { onTorn } = options;
  const vectors = new Map<string, EmbeddingsStore>();
  return {
    papers: createPapersStore(stateDir),
    vectors(model) {
      let store = vectors.get(model);
      if (!store) {
        store = createEmbeddingsStore(stateDir, model);
        vectors.set(model, store);
      }
      return store;
    },
    labels: createLabelsStore(stateDir),
    pendingLabels: createPendingLabelsStore(stateDir),
    picks: createPicksStore(stateDir, onTorn),
    summaries: createSummariesStore(stateDir),
    tags: createTagsStore(stateDir),
    links: createLinksStore(stateDir),
    notionMap: createNotionMapStore(stateDir),
    messageMap: createMessageMapStore(stateDir, onTorn),
    ledger: createLedgerStore(stateDir, onTorn),
    runs: createRunsStore(stateDir),
    cursors: createKvStore(stateDir),
    classifiers: createClassifierStore(stateDir),
    vocabulary: createVocabularyStore(stateDir),
    lexicalRows: createLexicalRowsStore(stateDir),
    fulltext: createFulltextStore(stateDir),
    benchmarks: createBenchmarksStore(stateDir),
    profiles: createProfilesStore(stateDir),
    trendReports: createTrendReportsStore(stateDir),
    leaderboards: createLeaderboardsStore(stateDir),
    modelAliases: createModelAliasesStore(stateDir),
    rerankCache: createStoredRerankCache(stateDir),
    evals: createFileEvalStores(stateDir, onTorn),
    syncRecord: createSyncRecordStore(stateDir),
  };
}
