/**
 * The in-memory twins of the eval stores (src/store/eval-stores.ts): the same rules (shared with
 * the file stores where they are more than a read and a write), each value kept as JSON text and
 * parsed with its schema on read. Paths are named `memory:evals/…`.
 */
import { CandidatesFile } from '../../evals/generation/candidate.ts';
import { CachedGeneration, type GenerationCache } from '../../evals/generation/generate.ts';
import { type Exclusion, ExclusionsFile, IssuesFile } from '../../evals/generation/integrity.ts';
import { GenerationCaseMetrics, GenerationRunManifest } from '../../evals/generation/run-schemas.ts';
import { BankCase } from '../../evals/search/bank-schema.ts';
import { CachedQuestion, type QuestionCache } from '../../evals/search/llm-question.ts';
import { SearchCaseMetrics, SearchRunManifest } from '../../evals/search/run-schemas.ts';
import { VersionsFile } from '../../evals/search/versions.ts';
import { type CandidatesStore, candidatesStoreOver } from '../eval-generation-candidates-store.ts';
import type { IntegrityStore } from '../eval-generation-integrity-store.ts';
import { type BankStore, canonicalBank, resolveBankRef } from '../eval-search-bank-store.ts';
import type { QuestionCacheStore } from '../eval-search-question-cache.ts';
import { type VersionsStore, versionsStoreOver } from '../eval-search-versions-store.ts';
import type { EvalStores } from '../eval-stores.ts';
import { createJsonCell, createJsonRows, type JsonRows, memoryPath } from './json-cell.ts';
import { createMemoryEvalRunStore } from './memory-eval-run-store.ts';

export function createMemoryBankStore(): BankStore {
  const dir = memoryPath('evals/search/banks');
  const banks = new Map<string, JsonRows<BankCase>>();
  let latest: string | undefined;
  const list = async () => [...banks.keys()].sort();
  return {
    dir,
    list,
    async write(cases) {
      const bank = canonicalBank(cases);
      const rows = createJsonRows(`evals/search/banks/${bank.hash}.jsonl`, BankCase);
      rows.write(bank.cases);
      banks.set(bank.hash, rows);
      latest = bank.hash;
      return bank;
    },
    async read(ref = 'latest') {
      const found = resolveBankRef(dir, ref, ref === 'latest' ? latest : undefined, await list());
      return { hash: found, cases: banks.get(found)?.read() ?? [] };
    },
  };
}

/** The answers outlive each `open`, as the file's lines do; a line that does not parse is a miss. */
export function createMemoryQuestionCacheStore(): QuestionCacheStore {
  const lines = new Map<string, string>();
  const cache: QuestionCache = {
    get(key) {
      const text = lines.get(key);
      const parsed = text === undefined ? undefined : CachedQuestion.safeParse(JSON.parse(text));
      return parsed?.success ? parsed.data : undefined;
    },
    set: async (entry) => void lines.set(entry.key, JSON.stringify(entry)),
  };
  return { open: async () => cache };
}

export function createMemoryVersionsStore(): VersionsStore {
  const cell = createJsonCell('evals/search/versions.json', VersionsFile);
  return versionsStoreOver({
    read: async () => cell.read(),
    write: async (value) => cell.write(value),
  });
}

export function createMemoryCandidatesStore(): CandidatesStore {
  const path = 'evals/generation/candidates/candidates.json';
  const cell = createJsonCell(path, CandidatesFile);
  return candidatesStoreOver({
    file: memoryPath(path),
    read: async () => cell.read(),
    write: async (value) => cell.write(value),
  });
}

/** `exclusions` stands for the exclusions file a user would have written. */
export function createMemoryIntegrityStore(exclusions: readonly Exclusion[] = []): IntegrityStore {
  const issuesPath = 'evals/generation/integrity/issues_generation.json';
  const issues = createJsonCell(issuesPath, IssuesFile);
  const exclusionsPath = 'evals/generation/integrity/exclusions.json';
  const written = createJsonCell(exclusionsPath, ExclusionsFile);
  if (exclusions.length > 0) written.write({ exclusions });
  return {
    issuesFile: memoryPath(issuesPath),
    exclusionsFile: memoryPath(exclusionsPath),
    exclusions: async () => written.read()?.exclusions ?? [],
    issues: async () => issues.read(),
    writeIssues: async (value) => issues.write(value),
  };
}

/** An entry that does not parse, or is filed under another key, is a miss (as a torn cache file is). */
export function createMemoryGenerationCache(): GenerationCache {
  const entries = new Map<string, string>();
  return {
    async get(key) {
      const text = entries.get(key);
      const parsed = text === undefined ? undefined : CachedGeneration.safeParse(JSON.parse(text));
      return parsed?.success && parsed.data.key === key ? parsed.data : undefined;
    },
    put: async (entry) => void entries.set(entry.key, JSON.stringify(entry)),
  };
}

export interface MemoryEvalStoresOptions {
  /** The generation benchmark's exclusions, as a user would have written `integrity/exclusions.json`. */
  exclusions?: readonly Exclusion[];
}

export function createMemoryEvalStores(options: MemoryEvalStoresOptions = {}): EvalStores {
  return {
    search: {
      bank: createMemoryBankStore(),
      versions: createMemoryVersionsStore(),
      runs: createMemoryEvalRunStore({
        runsDir: 'evals/search/runs',
        manifest: SearchRunManifest,
        caseMetrics: SearchCaseMetrics,
      }),
      questions: createMemoryQuestionCacheStore(),
    },
    generation: {
      candidates: createMemoryCandidatesStore(),
      runs: createMemoryEvalRunStore({
        runsDir: 'evals/generation/runs',
        manifest: GenerationRunManifest,
        caseMetrics: GenerationCaseMetrics,
      }),
      integrity: createMemoryIntegrityStore(options.exclusions),
      cache: createMemoryGenerationCache(),
    },
  };
}
