/**
 * What the eval benchmarks' stores (question banks, search versions, generation candidates,
 * integrity scan, generation cache) and the sync record do, file or memory: run by
 * eval-and-sync-stores.test.ts against both.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { UsageError } from '../../../src/core/errors.ts';
import type { Candidate } from '../../../src/evals/generation/candidate.ts';
import type { CachedGeneration, GenerationCache } from '../../../src/evals/generation/generate.ts';
import type { IssuesFile } from '../../../src/evals/generation/integrity.ts';
import { BankCase } from '../../../src/evals/search/bank-schema.ts';
import type { RegisteredVersion } from '../../../src/evals/search/versions.ts';
import {
  CandidateExistsError,
  type CandidatesStore,
} from '../../../src/store/eval-generation-candidates-store.ts';
import type { IntegrityStore } from '../../../src/store/eval-generation-integrity-store.ts';
import type { BankStore } from '../../../src/store/eval-search-bank-store.ts';
import type { QuestionCacheStore } from '../../../src/store/eval-search-question-cache.ts';
import type { VersionsStore } from '../../../src/store/eval-search-versions-store.ts';
import type { SyncRecordStore } from '../../../src/store/sync-record.ts';
import type { SyncRecord } from '../../../src/store/sync-record-schema.ts';

type Make<T> = () => Promise<T> | T;

const bankCase = (c: z.input<typeof BankCase>): BankCase => BankCase.parse(c);

export function describeBankStoreContract(name: string, make: Make<BankStore>): void {
  describe(`BankStore contract: ${name}`, () => {
    it('names each bank by its content hash, reads the latest by default and a unique prefix', async () => {
      const store = await make();
      await expect(store.read()).rejects.toThrow(/no question bank yet/);
      const first = await store.write([bankCase({ id: 'q1', question: 'What is speculative decoding?' })]);
      expect(first.hash).toMatch(/^[0-9a-f]{12}$/);
      expect(first.cases[0]).toMatchObject({ id: 'q1', difficulty: 'medium', category: 'general' });
      const second = await store.write([
        bankCase({ id: 'q1', question: 'What is speculative decoding?' }),
        bankCase({ id: 'q2', question: 'Graph neural networks?', difficulty: 'hard' }),
      ]);
      expect(second.hash).not.toBe(first.hash);
      expect(await store.list()).toEqual([first.hash, second.hash].sort());
      expect(await store.read()).toEqual(second);
      expect(await store.read('latest')).toEqual(second);
      expect(await store.read(first.hash.slice(0, 6))).toEqual(first);
      const again = await store.write([bankCase({ id: 'q1', question: 'What is speculative decoding?' })]);
      expect(again.hash).toBe(first.hash);
      expect(await store.read()).toEqual(first);
    });

    it('refuses an unknown reference and a case its schema rejects', async () => {
      const store = await make();
      await store.write([bankCase({ id: 'q1', question: 'x' })]);
      await expect(store.read('ffffffffffff')).rejects.toThrow(UsageError);
      await expect(store.read('ffffffffffff')).rejects.toThrow(/no question bank ffffffffffff/);
      await expect(store.write([{ ...bankCase({ id: 'q2', question: 'x' }), id: '' }])).rejects.toThrow();
      expect(await store.list()).toHaveLength(1);
    });
  });
}

const version = (code: string, extra: Partial<RegisteredVersion> = {}): RegisteredVersion => ({
  code,
  name: `Version ${code}`,
  description: '',
  algorithm: 'bm25',
  parameters: { k1: 1.2 },
  active: true,
  baseline: false,
  created_at: '2026-12-01T00:00:00.000Z',
  ...extra,
});

export function describeVersionsStoreContract(name: string, make: Make<VersionsStore>): void {
  describe(`VersionsStore contract: ${name}`, () => {
    it('registers versions in order, the first as the baseline, and moves the baseline', async () => {
      const store = await make();
      expect(await store.list()).toEqual([]);
      await store.add(version('v1', { baseline: false }));
      await store.add(version('v2', { baseline: true }));
      expect((await store.list()).map((v) => [v.code, v.baseline])).toEqual([
        ['v1', true],
        ['v2', false],
      ]);
      await store.setBaseline('v2');
      expect((await store.list()).map((v) => [v.code, v.baseline])).toEqual([
        ['v1', false],
        ['v2', true],
      ]);
      await store.update('v1', (v) => ({ ...v, active: false }));
      expect(await store.find('v1')).toMatchObject({ code: 'v1', active: false, parameters: { k1: 1.2 } });
      expect(await store.find('v3')).toBeUndefined();
    });

    it('refuses a code registered twice and changes to an unknown code', async () => {
      const store = await make();
      await store.add(version('v1'));
      await expect(store.add(version('v1'))).rejects.toThrow(/exists already/);
      await expect(store.setBaseline('nope')).rejects.toThrow(UsageError);
      await expect(store.update('nope', (v) => v)).rejects.toThrow(/no registered search version nope/);
      expect(await store.list()).toHaveLength(1);
    });
  });
}

const candidate = (id: string, model = 'local/small'): Candidate => ({
  id,
  task: 'generation',
  model,
  promptName: 'summary',
  generationPromptTemplate: 'Summarize {{title}}',
  generationPromptHash: 'a'.repeat(64),
  options: {},
  createdAt: '2026-12-01T00:00:00.000Z',
});

export function describeCandidatesStoreContract(name: string, make: Make<CandidatesStore>): void {
  describe(`CandidatesStore contract: ${name}`, () => {
    it('keeps the candidates sorted by id and replaces one only when asked', async () => {
      const store = await make();
      expect(await store.list()).toEqual([]);
      expect(store.file).toMatch(/candidates\.json$/);
      await store.add(candidate('zeta'));
      await store.add(candidate('alpha'));
      expect((await store.list()).map((c) => c.id)).toEqual(['alpha', 'zeta']);
      await expect(store.add(candidate('alpha', 'local/other'))).rejects.toThrow(CandidateExistsError);
      expect((await store.get('alpha'))?.model).toBe('local/small');
      await store.add(candidate('alpha', 'local/other'), { replace: true });
      expect((await store.get('alpha'))?.model).toBe('local/other');
      expect((await store.list()).map((c) => c.id)).toEqual(['alpha', 'zeta']);
      expect(await store.get('missing')).toBeUndefined();
    });
  });
}

const issues: IssuesFile = {
  task: 'generation',
  cases: 'cases.jsonl',
  scanned_at: '2026-12-01T00:00:00.000Z',
  scanned: 2,
  issues: [
    {
      id: 'i1',
      task: 'generation',
      case_id: 'c1',
      issue_type: 'missing_full_text',
      missing_fields: ['full_text'],
      source: 'scan',
      detected_at: '2026-12-01T00:00:00.000Z',
      excluded: false,
    },
  ],
};

export function describeIntegrityStoreContract(name: string, make: Make<IntegrityStore>): void {
  describe(`IntegrityStore contract: ${name}`, () => {
    it('has no exclusions or issues before a scan, and reads back the issues written', async () => {
      const store = await make();
      expect(await store.exclusions()).toEqual([]);
      expect(await store.issues()).toBeUndefined();
      expect(store.issuesFile).toMatch(/issues_generation\.json$/);
      expect(store.exclusionsFile).toMatch(/exclusions\.json$/);
      await store.writeIssues(issues);
      expect(await store.issues()).toEqual(issues);
      await store.writeIssues({ ...issues, scanned: 3, issues: [] });
      expect(await store.issues()).toMatchObject({ scanned: 3, issues: [] });
    });
  });
}

const generation = (key: string): CachedGeneration => ({
  key,
  candidateId: 'alpha',
  caseId: 'c1',
  model: 'local/small',
  prompt: 'Summarize it',
  missing: [],
  fields: {
    one_sentence_summary: 'A paper.',
    problem_background: '',
    method: '',
    experiment: '',
    key_contributions: [],
    datasets_and_benchmarks: [],
    limitations: [],
    further_thoughts: '',
    institutions: [],
    code_and_data_links: [],
    tags: ['decoding', 'llm', 'speed'],
    slug: 'a-paper',
  },
  text: 'A paper.',
  costUsd: 0.001,
  at: '2026-12-01T00:00:00.000Z',
});

export function describeGenerationCacheContract(name: string, make: Make<GenerationCache>): void {
  describe(`GenerationCache contract: ${name}`, () => {
    it('answers a stored generation by its key and misses any other key', async () => {
      const cache = await make();
      const key = 'ab'.repeat(32);
      expect(await cache.get(key)).toBeUndefined();
      await cache.put(generation(key));
      const hit = await cache.get(key);
      expect(hit?.text).toBe('A paper.');
      expect(hit?.fields.one_sentence_summary).toBe('A paper.');
      expect(await cache.get('cd'.repeat(32))).toBeUndefined();
      await cache.put({ ...generation(key), text: 'Newer.' });
      expect((await cache.get(key))?.text).toBe('Newer.');
    });
  });
}

const record: SyncRecord = {
  version: 1,
  repo: 'me/radar-state',
  branch: 'main',
  commit: 'c0ffee',
  action: 'push',
  at: '2026-12-01T03:00:00.000Z',
  files: {
    'papers/2511.csv': { sha256: 'a'.repeat(64), gitOid: 'b'.repeat(40), size: 10, mtimeMs: 1 },
  },
};

export function describeSyncRecordStoreContract(name: string, make: Make<SyncRecordStore>): void {
  describe(`SyncRecordStore contract: ${name}`, () => {
    it('has no record before the first sync, and reads back the last one written', async () => {
      const store = await make();
      expect(await store.read()).toBeUndefined();
      await store.write(record);
      expect(await store.read()).toEqual(record);
      await store.write({ ...record, action: 'pull', commit: 'beef', files: {} });
      expect(await store.read()).toEqual({ ...record, action: 'pull', commit: 'beef', files: {} });
    });

    it('refuses a record its schema rejects and keeps the one it had', async () => {
      const store = await make();
      await store.write(record);
      await expect(store.write({ ...record, repo: '' })).rejects.toThrow();
      expect(await store.read()).toEqual(record);
    });
  });
}

export function describeQuestionCacheStoreContract(name: string, make: Make<QuestionCacheStore>): void {
  describe(`QuestionCacheStore contract: ${name}`, () => {
    it('keeps each answer for the next open, the last answer of a key winning', async () => {
      const store = await make();
      const first = await store.open();
      expect(first.get('k1')).toBeUndefined();
      const value = {
        question: 'How does it make decoding faster?',
        question_type: 'method',
        difficulty: 'hard',
      } as const;
      await first.set({ key: 'k1', model: 'local/small', value });
      expect(first.get('k1')?.value).toEqual(value);
      await first.set({ key: 'k2', model: 'local/small', value: { ...value, difficulty: 'easy' } });
      await first.set({ key: 'k2', model: 'local/other', value: { ...value, difficulty: 'medium' } });
      const reopened = await store.open();
      expect(reopened.get('k1')).toEqual({ key: 'k1', model: 'local/small', value });
      expect(reopened.get('k2')).toMatchObject({ model: 'local/other', value: { difficulty: 'medium' } });
      expect(reopened.get('k3')).toBeUndefined();
    });
  });
}
