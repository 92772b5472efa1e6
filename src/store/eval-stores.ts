/**
 * The stores of the two eval benchmarks, grouped as `stores.evals` in the Stores bundle: the
 * search benchmark's question banks, registered versions, runs and LLM question cache
 * (`evals/search/…`), and the
 * generation benchmark's candidates, runs, integrity scan and generation cache
 * (`evals/generation/…`). The memory twins are in src/store/memory/memory-eval-stores.ts.
 */
import { join } from 'node:path';
import type { GenerationCache } from '../evals/generation/generate.ts';
import { GenerationCaseMetrics, GenerationRunManifest } from '../evals/generation/run-schemas.ts';
import { SearchCaseMetrics, SearchRunManifest } from '../evals/search/run-schemas.ts';
import { createGenerationCache } from './eval-generation-cache-store.ts';
import { type CandidatesStore, createCandidatesStore } from './eval-generation-candidates-store.ts';
import { createIntegrityStore, type IntegrityStore } from './eval-generation-integrity-store.ts';
import { generationEvalPaths } from './eval-generation-paths.ts';
import { createEvalRunStore, type EvalRunStore } from './eval-run-store.ts';
import { type BankStore, createBankStore, searchEvalDir } from './eval-search-bank-store.ts';
import { createQuestionCacheStore, type QuestionCacheStore } from './eval-search-question-cache.ts';
import { createVersionsStore, type VersionsStore } from './eval-search-versions-store.ts';

export type SearchRunStore = EvalRunStore<SearchRunManifest, SearchCaseMetrics>;
export type GenerationRunStore = EvalRunStore<GenerationRunManifest, GenerationCaseMetrics>;

export interface SearchEvalStores {
  readonly bank: BankStore;
  readonly versions: VersionsStore;
  readonly runs: SearchRunStore;
  /** The LLM answers of `bank generate --llm`, keyed on content. */
  readonly questions: QuestionCacheStore;
}

export interface GenerationEvalStores {
  readonly candidates: CandidatesStore;
  readonly runs: GenerationRunStore;
  readonly integrity: IntegrityStore;
  /** Successful generations keyed on their content, so a rerun does not pay twice. */
  readonly cache: GenerationCache;
}

export interface EvalStores {
  readonly search: SearchEvalStores;
  readonly generation: GenerationEvalStores;
}

/** The eval stores over one state directory; `onTornLine` is told of a torn JSONL line in a run. */
export function createFileEvalStores(stateDir: string, onTornLine?: (file: string) => void): EvalStores {
  const torn = onTornLine ? { onTornLine } : {};
  return {
    search: {
      bank: createBankStore(stateDir),
      versions: createVersionsStore(stateDir),
      runs: createEvalRunStore({
        runsDir: join(searchEvalDir(stateDir), 'runs'),
        manifest: SearchRunManifest,
        caseMetrics: SearchCaseMetrics,
        ...torn,
      }),
      questions: createQuestionCacheStore(stateDir),
    },
    generation: {
      candidates: createCandidatesStore(stateDir),
      runs: createEvalRunStore({
        runsDir: generationEvalPaths(stateDir).runsDir,
        manifest: GenerationRunManifest,
        caseMetrics: GenerationCaseMetrics,
        ...torn,
      }),
      integrity: createIntegrityStore(stateDir),
      cache: createGenerationCache(stateDir),
    },
  };
}
