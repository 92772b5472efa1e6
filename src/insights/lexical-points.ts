/**
 * The liked papers as tf-idf points for clustering (pure): the radar's lexical vectorizer
 * (`src/rank/lexical/`) fitted on the whole corpus, restricted to the terms at least two of the
 * clustered papers share, dense and L2-normalized. On hashing embeddings one interest's sub-topics
 * ("quantization", "kv cache", "speculative decoding") land near-orthogonal; their shared words
 * ("inference", "memory", "latency", "llm") keep them together here.
 */
import { ENGLISH_STOP_WORDS } from '../rank/lexical/english-stop-words.ts';
import type { SparseRow } from '../rank/lexical/sparse-row.ts';
import { createTfidfTransform, fitTfidf, type TfidfOptions } from '../rank/lexical/tfidf.ts';
import type { Points } from './kmeans.ts';

const OPTIONS: TfidfOptions = {
  stopWords: ENGLISH_STOP_WORDS,
  ngramMax: 1,
  minDf: 2,
  maxDf: 0.5,
  sublinearTf: true,
};

const textOf = (p: { title: string; abstract: string }): string => `${p.title}\n${p.abstract}`;

/** Fits the vectorizer once on the corpus; the returned function gives the points of some of its papers. */
export function createLexicalSpace(
  corpus: ReadonlyArray<{ id: string; title: string; abstract: string }>,
): (ids: readonly string[]) => Points {
  const vocabulary = fitTfidf(corpus.map(textOf), OPTIONS);
  const transform = createTfidfTransform(vocabulary, OPTIONS);
  const byId = new Map(corpus.map((p) => [p.id, p]));
  return (ids) =>
    densify(
      ids.map((id) => {
        const paper = byId.get(id);
        return transform(paper ? textOf(paper) : '');
      }),
    );
}

function densify(rows: readonly SparseRow[]): Points {
  const used = new Map<number, number>();
  for (const row of rows) for (const i of row.indices) used.set(i, (used.get(i) ?? 0) + 1);
  const columns = new Map([...used].filter(([, n]) => n >= 2).map(([i], c) => [i, c]));
  const dims = Math.max(columns.size, 1);
  const data = new Float32Array(rows.length * dims);
  rows.forEach((row, r) => {
    let norm = 0;
    row.indices.forEach((i, k) => {
      const c = columns.get(i);
      if (c === undefined) return;
      const v = row.values[k] ?? 0;
      data[r * dims + c] = v;
      norm += v * v;
    });
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) data[r * dims + d] = (data[r * dims + d] ?? 0) * scale;
  });
  return { count: rows.length, dims, data };
}
