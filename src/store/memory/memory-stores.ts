/**
 * Every store of the `Stores` bundle in memory: the default in job tests. Each twin has the
 * interface and the observable behaviour of its file store (tests/store/contracts/ runs one
 * contract suite against both), so a job tested here behaves the same over a state directory.
 * Crash and atomicity behaviour is the file stores' own and is tested there.
 */
import type { Exclusion } from '../../evals/generation/integrity.ts';
import type { EmbeddingsStore } from '../embeddings-store.ts';
import { StoredProfile, StoredTrendReport } from '../insights-store.ts';
import type { ModelAliases } from '../model-aliases-store.ts';
import type { Stores } from '../stores.ts';
import { createMemoryBenchmarksStore } from './memory-benchmarks-store.ts';
import { createMemoryDatedJsonStore } from './memory-dated-json-store.ts';
import { createMemoryEmbeddingsStore } from './memory-embeddings-store.ts';
import { createMemoryEvalStores } from './memory-eval-stores.ts';
import {
  createMemoryLabelsStore,
  createMemoryMessageMapStore,
  createMemoryNotionMapStore,
  createMemoryPendingLabelsStore,
} from './memory-label-stores.ts';
import { createMemoryLeaderboardsStore, createMemoryModelAliasesStore } from './memory-leaderboards-store.ts';
import { createMemoryLexicalRowsStore } from './memory-lexical-rows-store.ts';
import {
  createMemoryClassifierStore,
  createMemoryFulltextStore,
  createMemoryStoredRerankCache,
  createMemoryVocabularyStore,
} from './memory-model-stores.ts';
import { createMemoryPapersStore } from './memory-papers-store.ts';
import {
  createMemoryKvStore,
  createMemoryLedgerStore,
  createMemoryLinksStore,
  createMemoryPicksStore,
  createMemorySummariesStore,
  createMemoryTagsStore,
} from './memory-record-stores.ts';
import { createMemoryRunsStore } from './memory-runs-store.ts';
import { createMemorySyncRecordStore } from './memory-sync-record-store.ts';

export interface MemoryStoresOptions {
  /** The model alias table, as a user would have written `leaderboards/model-aliases.json`. */
  modelAliases?: ModelAliases;
  /** The generation benchmark's exclusions, as a user would have written `integrity/exclusions.json`. */
  exclusions?: readonly Exclusion[];
}

export function createMemoryStores(options: MemoryStoresOptions = {}): Stores {
  const vectors = new Map<string, EmbeddingsStore>();
  return {
    papers: createMemoryPapersStore(),
    vectors(model) {
      let store = vectors.get(model);
      if (!store) {
        store = createMemoryEmbeddingsStore(model);
        vectors.set(model, store);
      }
      return store;
    },
    labels: createMemoryLabelsStore(),
    pendingLabels: createMemoryPendingLabelsStore(),
    picks: createMemoryPicksStore(),
    summaries: createMemorySummariesStore(),
    tags: createMemoryTagsStore(),
    links: createMemoryLinksStore(),
    notionMap: createMemoryNotionMapStore(),
    messageMap: createMemoryMessageMapStore(),
    ledger: createMemoryLedgerStore(),
    runs: createMemoryRunsStore(),
    cursors: createMemoryKvStore(),
    classifiers: createMemoryClassifierStore(),
    vocabulary: createMemoryVocabularyStore(),
    lexicalRows: createMemoryLexicalRowsStore(),
    fulltext: createMemoryFulltextStore(),
    benchmarks: createMemoryBenchmarksStore(),
    profiles: createMemoryDatedJsonStore('profiles', StoredProfile),
    trendReports: createMemoryDatedJsonStore('trends', StoredTrendReport),
    leaderboards: createMemoryLeaderboardsStore(),
    modelAliases: createMemoryModelAliasesStore(options.modelAliases),
    rerankCache: createMemoryStoredRerankCache(),
    evals: createMemoryEvalStores(options.exclusions ? { exclusions: options.exclusions } : {}),
    syncRecord: createMemorySyncRecordStore(),
  };
}
