/** Sparse tf-idf like arxiv-sanity's: word unigrams and bigrams, sublinear tf, smooth idf, L2-normalized rows. */

export interface SparseRow {
  indices: Int32Array;
  values: Float32Array;
}

function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}

export interface TfidfModel {
  transform(text: string): SparseRow;
}

export function fitTfidf(
  corpus: readonly string[],
  options: { maxFeatures: number; minDf: number },
): TfidfModel {
  const df = new Map<string, number>();
  for (const text of corpus) for (const term of new Set(terms(text))) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df]
    .filter(([, n]) => n >= options.minDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxFeatures);
  const vocabulary = new Map(kept.map(([term], i) => [term, i]));
  const idf = Float64Array.from(kept, ([, n]) => Math.log((1 + corpus.length) / (1 + n)) + 1);
  return {
    transform(text) {
      const counts = new Map<number, number>();
      for (const term of terms(text)) {
        const index = vocabulary.get(term);
        if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
      }
      const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
      const values = Float32Array.from(indices, (i) => (1 + Math.log(counts.get(i) ?? 1)) * (idf[i] ?? 0));
      const norm = Math.hypot(...values) || 1;
      for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) / norm;
      return { indices, values };
    },
  };
}
