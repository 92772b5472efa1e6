/**
 * The eval benchmarks' stores and the sync record store, each contract run against the file
 * implementation (over a temp state directory) and its in-memory twin; and both bundles carry them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGenerationCache } from '../../../src/store/eval-generation-cache-store.ts';
import { createCandidatesStore } from '../../../src/store/eval-generation-candidates-store.ts';
import { createIntegrityStore } from '../../../src/store/eval-generation-integrity-store.ts';
import { createEvalRunStore } from '../../../src/store/eval-run-store.ts';
import { createBankStore } from '../../../src/store/eval-search-bank-store.ts';
import { createQuestionCacheStore } from '../../../src/store/eval-search-question-cache.ts';
import { createVersionsStore } from '../../../src/store/eval-search-versions-store.ts';
import { createMemoryEvalRunStore } from '../../../src/store/memory/memory-eval-run-store.ts';
import {
  createMemoryBankStore,
  createMemoryCandidatesStore,
  createMemoryGenerationCache,
  createMemoryIntegrityStore,
  createMemoryQuestionCacheStore,
  createMemoryVersionsStore,
} from '../../../src/store/memory/memory-eval-stores.ts';
import { createMemoryStores } from '../../../src/store/memory/memory-stores.ts';
import { createMemorySyncRecordStore } from '../../../src/store/memory/memory-sync-record-store.ts';
import { createFileStores, type Stores } from '../../../src/store/stores.ts';
import { createSyncRecordStore } from '../../../src/store/sync-record.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';
import {
  ContractManifest,
  ContractMetrics,
  describeEvalRunStoreContract,
} from './eval-run-store-contract.ts';
import {
  describeBankStoreContract,
  describeCandidatesStoreContract,
  describeGenerationCacheContract,
  describeIntegrityStoreContract,
  describeQuestionCacheStoreContract,
  describeSyncRecordStoreContract,
  describeVersionsStoreContract,
} from './eval-stores-contract.ts';

const stateDir = useTempDirs();
const runOptions = { manifest: ContractManifest, caseMetrics: ContractMetrics };

describeBankStoreContract('file', () => createBankStore(stateDir()));
describeBankStoreContract('memory', createMemoryBankStore);
describeVersionsStoreContract('file', () => createVersionsStore(stateDir()));
describeVersionsStoreContract('memory', createMemoryVersionsStore);
describeCandidatesStoreContract('file', () => createCandidatesStore(stateDir()));
describeCandidatesStoreContract('memory', createMemoryCandidatesStore);
describeIntegrityStoreContract('file', () => createIntegrityStore(stateDir()));
describeIntegrityStoreContract('memory', () => createMemoryIntegrityStore());
describeGenerationCacheContract('file', () => createGenerationCache(stateDir()));
describeGenerationCacheContract('memory', createMemoryGenerationCache);
describeQuestionCacheStoreContract('file', () => createQuestionCacheStore(stateDir()));
describeQuestionCacheStoreContract('memory', createMemoryQuestionCacheStore);
describeSyncRecordStoreContract('file', () => createSyncRecordStore(stateDir()));
describeSyncRecordStoreContract('memory', createMemorySyncRecordStore);
describeEvalRunStoreContract('file', () =>
  createEvalRunStore({ runsDir: join(stateDir(), 'runs'), ...runOptions }),
);
describeEvalRunStoreContract('memory', () => createMemoryEvalRunStore({ runsDir: 'runs', ...runOptions }));

describe.each([
  ['file', () => createFileStores(stateDir())],
  ['memory', () => createMemoryStores()],
] as const)('the %s Stores bundle', (_name, make: () => Stores) => {
  it('keeps the search and generation runs apart, under their benchmarks', () => {
    const { evals } = make();
    expect(evals.search.runs.runsDir).toMatch(/evals[/\\]search[/\\]runs$/);
    expect(evals.generation.runs.runsDir).toMatch(/evals[/\\]generation[/\\]runs$/);
    expect(evals.search.bank.dir).toMatch(/evals[/\\]search[/\\]banks$/);
    expect(evals.generation.candidates.file).toMatch(
      /evals[/\\]generation[/\\]candidates[/\\]candidates\.json$/,
    );
  });
});

describe('memory integrity store', () => {
  it('reads the exclusions it was given, as a user-written exclusions file', async () => {
    const stores = createMemoryStores({
      exclusions: [
        { case_id: 'c1', reason: 'no text' },
        { issue_id: 'i2', reason: '' },
      ],
    });
    expect(await stores.evals.generation.integrity.exclusions()).toEqual([
      { case_id: 'c1', reason: 'no text' },
      { issue_id: 'i2', reason: '' },
    ]);
  });
});
