/**
 * What every classifier, vocabulary, full-text and rerank-cache store does, file or memory:
 * run by file-and-memory.test.ts against both.
 */
import { describe, expect, it } from 'vitest';
import { StateFileError } from '../../../src/core/errors.ts';
import type { RerankCache } from '../../../src/search/llm-reranker.ts';
import type {
  ClassifierStore,
  StoredClassifier,
  StoredMetrics,
} from '../../../src/store/classifier-store.ts';
import type { FulltextMeta, FulltextStore } from '../../../src/store/fulltext-store.ts';
import type {
  StoredVocabulary,
  VocabularyInput,
  VocabularyStore,
} from '../../../src/store/lexical-vocabulary-store.ts';

type Make<T> = () => Promise<T> | T;

const classifier = (model: string, intercept = 0.5): StoredClassifier => ({
  version: 1,
  model,
  kind: 'logistic',
  trainedAt: '2026-11-20T08:00:00Z',
  dims: 2,
  coefficients: [0.25, -1],
  intercept,
  positives: 3,
  negatives: 2,
  pseudoNegatives: 4,
  iterations: 10,
  converged: true,
  settings: { l2: 1, pseudoNegativeRatio: 2, pseudoNegativeWeight: 0.5, seed: 7 },
});

const split = { auc: 0.8, precisionAtK: null, k: 5, train: 10, test: 4 };
const metrics = (model: string): StoredMetrics => ({
  version: 1,
  model,
  evaluatedAt: '2026-11-20T08:00:00Z',
  temporal: split,
  kfold: { ...split, folds: 3 },
});

export function describeClassifierStoreContract(name: string, make: Make<ClassifierStore>): void {
  describe(`ClassifierStore contract: ${name}`, () => {
    it('keeps one classifier and one evaluation per model, the last write winning', async () => {
      const store = await make();
      expect(await store.readClassifier('m1')).toBeUndefined();
      expect(await store.readMetrics('m1')).toBeUndefined();
      await store.writeClassifier(classifier('m1'));
      await store.writeClassifier(classifier('m1', 2));
      await store.writeClassifier(classifier('m2'));
      await store.writeMetrics(metrics('m1'));
      expect(await store.readClassifier('m1')).toEqual(classifier('m1', 2));
      expect((await store.readClassifier('m2'))?.intercept).toBe(0.5);
      expect(await store.readMetrics('m1')).toEqual(metrics('m1'));
      expect(await store.readMetrics('m2')).toBeUndefined();
    });

    it('refuses an invalid classifier and keeps the stored one', async () => {
      const store = await make();
      await store.writeClassifier(classifier('m1'));
      await expect(async () => store.writeClassifier({ ...classifier('m1'), dims: 0 })).rejects.toThrow();
      expect(await store.readClassifier('m1')).toEqual(classifier('m1'));
    });
  });
}

const vocabulary = (model: string, df = [2, 1]): VocabularyInput => ({
  version: 1,
  model,
  fittedAt: '2026-11-20T08:00:00Z',
  docCount: 2,
  settings: {
    ngramMax: 2,
    minDf: 1,
    maxDf: 0.9,
    stemming: 'porter',
    stopWords: 'english',
    sublinearTf: true,
  },
  terms: ['attent', 'sparse attent'],
  df,
});

/** A stored vocabulary as plain data: its fields, the frequencies and the decoded terms. */
const plain = (v: StoredVocabulary | undefined) =>
  v && {
    version: v.version,
    model: v.model,
    fittedAt: v.fittedAt,
    docCount: v.docCount,
    settings: v.settings,
    terms: [...v.terms()],
    df: Array.from(v.df),
    termCount: v.termCount,
  };

export function describeVocabularyStoreContract(name: string, make: Make<VocabularyStore>): void {
  describe(`VocabularyStore contract: ${name}`, () => {
    it('round-trips a vocabulary per model', async () => {
      const store = await make();
      expect(await store.read('tfidf')).toBeUndefined();
      await store.write(vocabulary('tfidf'));
      expect(plain(await store.read('tfidf'))).toEqual({ ...vocabulary('tfidf'), termCount: 2 });
      expect(await store.read('other')).toBeUndefined();
    });

    it('keeps non-ASCII terms and an empty vocabulary whole', async () => {
      const store = await make();
      await store.write({ ...vocabulary('tfidf', [1, 2, 2]), terms: ['größe', 'λ calcul', '数据'] });
      expect([...((await store.read('tfidf'))?.terms() ?? [])]).toEqual(['größe', 'λ calcul', '数据']);
      await store.write({ ...vocabulary('empty', []), terms: [] });
      expect(plain(await store.read('empty'))).toMatchObject({ terms: [], df: [], termCount: 0 });
    });

    it('refuses a term list and a df list of different lengths, and an empty term', async () => {
      const store = await make();
      await expect(store.write(vocabulary('tfidf', [1]))).rejects.toThrow(/one entry per term/);
      await expect(store.write({ ...vocabulary('tfidf'), terms: ['a', ''] })).rejects.toThrow(/non-empty/);
    });

    it('refuses a document frequency above the document count, naming the rule', async () => {
      const store = await make();
      const write = store.write(vocabulary('tfidf', [3, 1]));
      await expect(write).rejects.toThrow(StateFileError);
      await expect(store.write(vocabulary('tfidf', [3, 1]))).rejects.toThrow(/exceeds docCount/);
      expect(await store.read('tfidf')).toBeUndefined();
    });
  });
}

const textMeta = (id: string, chars: number): FulltextMeta => ({
  id,
  route: 'html',
  fetchedAt: '2026-11-20T08:00:00Z',
  chars,
  failures: [{ route: 'latex', reason: 'no source' }],
});

export function describeFulltextStoreContract(name: string, make: Make<FulltextStore>): void {
  describe(`FulltextStore contract: ${name}`, () => {
    it('returns what was put, with its length as recorded, and nothing for an unknown paper', async () => {
      const store = await make();
      expect(await store.get('2611.00001')).toBeUndefined();
      await store.put('# Title\n\nBody ∑', textMeta('2611.00001', 0));
      expect(await store.get('2611.00001')).toEqual({
        meta: textMeta('2611.00001', '# Title\n\nBody ∑'.length),
        markdown: '# Title\n\nBody ∑',
      });
      await store.put('old-style', textMeta('hep-th/9901001', 0));
      expect((await store.get('hep-th/9901001'))?.markdown).toBe('old-style');
      expect(store.fileOf('2611.00001')).toMatch(/2611\.00001\.md$/);
    });
  });
}

export function describeRerankCacheContract(name: string, make: Make<RerankCache>): void {
  describe(`RerankCache contract: ${name}`, () => {
    it('returns the order set under a key, the last set winning', async () => {
      const cache = await make();
      expect(await cache.get('k1')).toBeUndefined();
      await cache.set('k1', ['2611.00002', '2611.00001']);
      await cache.set('k2', ['2611.00003']);
      await cache.set('k1', ['2611.00001']);
      expect(await cache.get('k1')).toEqual(['2611.00001']);
      expect(await cache.get('k2')).toEqual(['2611.00003']);
    });
  });
}
