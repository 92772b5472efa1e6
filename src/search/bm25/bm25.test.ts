import { describe, expect, it } from 'vitest';
import { bm25Idf, createBm25Scorer, DEFAULT_BM25 } from './bm25.ts';
import {
  type AnalyzedDocument,
  appendDocuments,
  buildIndex,
  emptyIndex,
  termNumbers,
} from './inverted-index.ts';

// N = 3, lengths 3, 2, 4 (avgdl 3) with both field weights 1.
const docs: AnalyzedDocument[] = [
  { id: 'd1', titleTerms: ['a'], textTerms: ['a', 'b'] },
  { id: 'd2', titleTerms: ['b'], textTerms: ['c'] },
  { id: 'd3', titleTerms: [], textTerms: ['c', 'c', 'c', 'd'] },
];

function scorer(index = buildIndex(docs), params = DEFAULT_BM25) {
  const bm25 = createBm25Scorer(index, termNumbers(index), params);
  return {
    ids: (terms: string[], k = 10) => bm25.search(terms, k).map((h) => [index.docIds[h.doc], h.score]),
  };
}

describe('BM25', () => {
  it('uses Lucene idf ln(1 + (N − n + 0.5)/(n + 0.5))', () => {
    expect(bm25Idf(3, 1)).toBeCloseTo(Math.log(1 + 2.5 / 1.5), 12);
    expect(bm25Idf(1000, 1000)).toBeGreaterThan(0);
  });

  it('matches hand-computed scores (k1 0.9, b 0.4)', () => {
    const [[id, score]] = scorer().ids(['a']) as [[string, number]];
    expect(id).toBe('d1');
    expect(score).toBeCloseTo(1.2852245384291585, 10);
    expect(scorer().ids(['c'])).toEqual([
      ['d3', expect.closeTo(0.6664230563932072, 10)],
      ['d2', expect.closeTo(0.5016892671724144, 10)],
    ]);
  });

  it('sums over query terms and counts a repeated query term again', () => {
    const single = scorer().ids(['a'])[0]?.[1] as number;
    const withB = scorer().ids(['a', 'b'])[0]?.[1] as number;
    expect(withB).toBeGreaterThan(single);
    expect(scorer().ids(['a', 'a'])[0]?.[1]).toBeCloseTo(2 * single, 10);
  });

  it('applies field weights to tf and to document length', () => {
    const params = { ...DEFAULT_BM25, titleWeight: 2 };
    expect(scorer(buildIndex(docs), params).ids(['a'])[0]?.[1]).toBeCloseTo(1.4215902488172734, 10);
  });

  it('keeps the k best, ties by id ascending, filtered, as a full sort of every score would', () => {
    // Many equal scores (same content) among varied ones, numbered out of id order.
    const corpus: AnalyzedDocument[] = Array.from({ length: 300 }, (_, i) => ({
      id: `x${String((i * 37) % 300).padStart(3, '0')}`,
      titleTerms: i % 3 === 0 ? ['p'] : [],
      textTerms: Array.from({ length: 1 + (i % 4) }, (_, j) => (j % 2 === 0 ? 'p' : 'q')),
    }));
    const index = buildIndex(corpus, 64);
    const bm25 = createBm25Scorer(index, termNumbers(index));
    const all = [...bm25.scoreAll(['p', 'q'])].map(([doc, score]) => ({
      id: index.docIds[doc] ?? '',
      doc,
      score,
    }));
    const sorted = all.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const accept = (doc: number) => doc % 5 !== 0;
    for (const k of [1, 7, 40, 299, 500]) {
      expect(bm25.search(['p', 'q'], k).map((h) => h.doc)).toEqual(sorted.slice(0, k).map((h) => h.doc));
      expect(bm25.search(['p', 'q'], k, accept).map((h) => h.doc)).toEqual(
        sorted
          .filter((h) => accept(h.doc))
          .slice(0, k)
          .map((h) => h.doc),
      );
    }
    expect(bm25.search(['p'], 0)).toEqual([]);
  });

  it('ignores unknown terms and returns nothing for them alone', () => {
    expect(scorer().ids(['zzz'])).toEqual([]);
    expect(
      scorer()
        .ids(['zzz', 'a'])
        .map(([id]) => id),
    ).toEqual(['d1']);
  });

  it('keeps the k best, ties broken by id', () => {
    const tied = buildIndex([
      { id: 'y', titleTerms: ['t'], textTerms: [] },
      { id: 'x', titleTerms: ['t'], textTerms: [] },
      { id: 'z', titleTerms: ['t'], textTerms: [] },
    ]);
    expect(
      scorer(tied)
        .ids(['t'], 2)
        .map(([id]) => id),
    ).toEqual(['x', 'y']);
  });

  it('filters document numbers through accept', () => {
    const index = buildIndex(docs);
    const bm25 = createBm25Scorer(index, termNumbers(index));
    expect(
      bm25.search(['c'], 10, (doc) => index.docIds[doc] !== 'd3').map((h) => index.docIds[h.doc]),
    ).toEqual(['d2']);
  });

  it('scores the same whether built at once, in small batches or appended later', () => {
    const whole = buildIndex(docs);
    const batched = buildIndex(docs, 1);
    const appended = appendDocuments(appendDocuments(emptyIndex(), docs.slice(0, 2)), docs.slice(2));
    for (const index of [batched, appended]) {
      expect(index.offsets).toEqual(whole.offsets);
      expect(index.postingDocs).toEqual(whole.postingDocs);
      expect(scorer(index).ids(['c', 'a'])).toEqual(scorer(whole).ids(['c', 'a']));
    }
  });

  it('matches a brute-force textbook computation on a random corpus', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const vocab = ['p', 'q', 'r', 's', 't', 'u', 'v', 'w'];
    const pick = (n: number) =>
      Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)] as string);
    const corpus = Array.from({ length: 40 }, (_, i) => ({
      id: `doc${String(i).padStart(2, '0')}`,
      titleTerms: pick(1 + Math.floor(rand() * 4)),
      textTerms: pick(Math.floor(rand() * 20)),
    }));
    const params = { k1: 1.2, b: 0.75, titleWeight: 1.5, textWeight: 1 };
    const len = (d: AnalyzedDocument) =>
      params.titleWeight * d.titleTerms.length + params.textWeight * d.textTerms.length;
    const avgdl = corpus.reduce((s, d) => s + len(d), 0) / corpus.length;
    const query = ['p', 'r', 'r', 'w'];
    const expected = corpus.map((d) => {
      let score = 0;
      for (const term of query) {
        const n = corpus.filter((c) => c.titleTerms.includes(term) || c.textTerms.includes(term)).length;
        const idf = Math.log(1 + (corpus.length - n + 0.5) / (n + 0.5));
        const tf =
          params.titleWeight * d.titleTerms.filter((t) => t === term).length +
          params.textWeight * d.textTerms.filter((t) => t === term).length;
        score +=
          (idf * tf * (params.k1 + 1)) / (tf + params.k1 * (1 - params.b + (params.b * len(d)) / avgdl));
      }
      return [d.id, score] as const;
    });
    const got = new Map(scorer(buildIndex(corpus, 7), params).ids(query, 100) as [string, number][]);
    for (const [id, score] of expected) {
      if (score === 0) expect(got.has(id)).toBe(false);
      else expect(got.get(id)).toBeCloseTo(score, 10);
    }
  });
});
