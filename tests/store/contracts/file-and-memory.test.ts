/**
 * Every store contract run against the file implementation (over a temp state directory) and
 * the in-memory twin, so the twin cannot drift from the store it stands in for.
 */
import { join } from 'node:path';
import { createClassifierStore } from '../../../src/store/classifier-store.ts';
import { createDatedJsonStore } from '../../../src/store/dated-json-store.ts';
import { createEmbeddingsStore } from '../../../src/store/embeddings-store.ts';
import { createFulltextStore } from '../../../src/store/fulltext-store.ts';
import { createKvStore } from '../../../src/store/kv-store.ts';
import { createLabelsStore } from '../../../src/store/labels-store.ts';
import { createLedgerStore } from '../../../src/store/ledger-store.ts';
import { createLexicalRowsStore } from '../../../src/store/lexical-rows-store.ts';
import { createVocabularyStore } from '../../../src/store/lexical-vocabulary-store.ts';
import { createLinksStore } from '../../../src/store/links-store.ts';
import { createMemoryDatedJsonStore } from '../../../src/store/memory/memory-dated-json-store.ts';
import { createMemoryEmbeddingsStore } from '../../../src/store/memory/memory-embeddings-store.ts';
import {
  createMemoryLabelsStore,
  createMemoryMessageMapStore,
  createMemoryNotionMapStore,
  createMemoryPendingLabelsStore,
} from '../../../src/store/memory/memory-label-stores.ts';
import { createMemoryModelAliasesStore } from '../../../src/store/memory/memory-leaderboards-store.ts';
import { createMemoryLexicalRowsStore } from '../../../src/store/memory/memory-lexical-rows-store.ts';
import {
  createMemoryClassifierStore,
  createMemoryFulltextStore,
  createMemoryStoredRerankCache,
  createMemoryVocabularyStore,
} from '../../../src/store/memory/memory-model-stores.ts';
import { createMemoryPapersStore } from '../../../src/store/memory/memory-papers-store.ts';
import {
  createMemoryKvStore,
  createMemoryLedgerStore,
  createMemoryLinksStore,
  createMemoryPicksStore,
  createMemorySummariesStore,
  createMemoryTagsStore,
} from '../../../src/store/memory/memory-record-stores.ts';
import { createMemoryRunsStore } from '../../../src/store/memory/memory-runs-store.ts';
import { createMessageMapStore } from '../../../src/store/message-map-store.ts';
import { createModelAliasesStore } from '../../../src/store/model-aliases-store.ts';
import { createNotionMapStore } from '../../../src/store/notion-map-store.ts';
import { createPapersStore } from '../../../src/store/papers-store.ts';
import { createPendingLabelsStore } from '../../../src/store/pending-labels-store.ts';
import { createPicksStore } from '../../../src/store/picks-store.ts';
import { createRunsStore } from '../../../src/store/runs-store.ts';
import { createStoredRerankCache } from '../../../src/store/search-rerank-cache.ts';
import { createSummariesStore } from '../../../src/store/summaries-store.ts';
import { createTagsStore } from '../../../src/store/tags-store.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import {
  DayNote,
  describeDatedJsonStoreContract,
  describeModelAliasesStoreContract,
} from './dated-stores-contract.ts';
import { describeEmbeddingsStoreContract } from './embeddings-contract.ts';
import {
  describeLabelsStoreContract,
  describeMessageMapStoreContract,
  describeNotionMapStoreContract,
  describePendingLabelsStoreContract,
} from './label-stores-contract.ts';
import { describeLexicalRowsStoreContract } from './lexical-rows-contract.ts';
import {
  describeClassifierStoreContract,
  describeFulltextStoreContract,
  describeRerankCacheContract,
  describeVocabularyStoreContract,
} from './model-stores-contract.ts';
import { describePapersStoreContract } from './papers-contract.ts';
import {
  describeKvStoreContract,
  describeLedgerStoreContract,
  describeLinksStoreContract,
  describePicksStoreContract,
  describeSummariesStoreContract,
  describeTagsStoreContract,
} from './record-stores-contract.ts';
import { describeRunsStoreContract } from './runs-contract.ts';

const stateDir = useTempDirs();

describePapersStoreContract('file', () => createPapersStore(stateDir()));
describePapersStoreContract('memory', createMemoryPapersStore);
describeEmbeddingsStoreContract('file', (model) => createEmbeddingsStore(stateDir(), model));
describeEmbeddingsStoreContract('memory', createMemoryEmbeddingsStore);
describeLabelsStoreContract('file', () => createLabelsStore(stateDir()));
describeLabelsStoreContract('memory', createMemoryLabelsStore);
describePendingLabelsStoreContract('file', () => createPendingLabelsStore(stateDir()));
describePendingLabelsStoreContract('memory', createMemoryPendingLabelsStore);
describeMessageMapStoreContract('file', () => createMessageMapStore(stateDir()));
describeMessageMapStoreContract('memory', createMemoryMessageMapStore);
describeNotionMapStoreContract('file', () => createNotionMapStore(stateDir()));
describeNotionMapStoreContract('memory', createMemoryNotionMapStore);
describePicksStoreContract('file', () => createPicksStore(stateDir()));
describePicksStoreContract('memory', createMemoryPicksStore);
describeSummariesStoreContract('file', () => createSummariesStore(stateDir()));
describeSummariesStoreContract('memory', createMemorySummariesStore);
describeLinksStoreContract('file', () => createLinksStore(stateDir()));
describeLinksStoreContract('memory', createMemoryLinksStore);
describeTagsStoreContract('file', () => createTagsStore(stateDir()));
describeTagsStoreContract('memory', createMemoryTagsStore);
describeLedgerStoreContract('file', () => createLedgerStore(stateDir()));
describeLedgerStoreContract('memory', createMemoryLedgerStore);
describeKvStoreContract('file', () => createKvStore(stateDir()));
describeKvStoreContract('memory', createMemoryKvStore);
describeRunsStoreContract('file', () => createRunsStore(stateDir()));
describeRunsStoreContract('memory', createMemoryRunsStore);
describeClassifierStoreContract('file', () => createClassifierStore(stateDir()));
describeClassifierStoreContract('memory', createMemoryClassifierStore);
describeVocabularyStoreContract('file', () => createVocabularyStore(stateDir()));
describeVocabularyStoreContract('memory', createMemoryVocabularyStore);
describeLexicalRowsStoreContract('file', () => createLexicalRowsStore(stateDir()));
describeLexicalRowsStoreContract('memory', createMemoryLexicalRowsStore);
describeFulltextStoreContract('file', () => createFulltextStore(stateDir()));
describeFulltextStoreContract('memory', createMemoryFulltextStore);
describeRerankCacheContract('file', () => createStoredRerankCache(stateDir()));
describeRerankCacheContract('memory', () => createMemoryStoredRerankCache());
describeDatedJsonStoreContract('file', () => createDatedJsonStore(join(stateDir(), 'days'), DayNote));
describeDatedJsonStoreContract('memory', () => createMemoryDatedJsonStore('days', DayNote));
describeModelAliasesStoreContract('file', () => createModelAliasesStore(stateDir()));
describeModelAliasesStoreContract('memory', () => createMemoryModelAliasesStore());
