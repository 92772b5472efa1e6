/**
 * Pure text → vector logic of the hashing embedder: lowercase word unigrams plus character
 * 3–5-grams of each word, each feature hashed (FNV-1a, then a murmur3 finalizer) to
 * an output bucket and a sign, weighted by sublinear tf (1 + ln tf) times the idf of its slot
 * in a separate 2^16-slot document-frequency table, summed, then L2-normalized.
 * Deterministic: the same text, dims and idf table always give the same vector.
 *
 * Word bigrams are left out on purpose: measured on 3,000 real abstracts (top-10 neighbours
 * sharing the query's primary category, 384 dims) they lowered agreement from 0.51 to 0.41
 * with idf (0.49 at weight 0.2): too many rare features colliding in few buckets.
 */

export const IDF_SLOTS = 1 << 16;

/** Character n-grams are many per word; they count less than whole words. */
const CHAR_GRAM_WEIGHT = 0.5;
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

/** Document frequencies per idf slot, fitted once on a corpus. */
export interface IdfTable {
  docCount: number;
  /** Length IDF_SLOTS: in how many documents a feature hashed to this slot occurred. */
  df: Uint32Array;
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD_PATTERN) ?? [];
}

function addCharGrams(word: string, into: Map<string, number>): void {
  const padded = `<${word}>`;
  for (let n = 3; n <= 5; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = `c${padded.slice(i, i + n)}`;
      into.set(gram, (into.get(gram) ?? 0) + 1);
    }
  }
}

/** Feature → raw count. Prefixes keep words and character grams apart in the hash space. */
export function extractFeatures(text: string): Map<string, number> {
  const words = tokenize(text);
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const word of words) {
    add(`w${word}`);
    addCharGrams(word, counts);
  }
  return counts;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const fnvStep = (h: number, code: number): number => Math.imul(h ^ code, FNV_PRIME);
const WORD_SEED = fnvStep(FNV_OFFSET, 0x77); // "w"
const GRAM_SEED = fnvStep(FNV_OFFSET, 0x63); // "c"
const GRAM_START = 0x3c; // "<"
const GRAM_END = 0x3e; // ">"

function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return h >>> 0;
}

function increment(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Raw FNV-1a hash → count, per kind; the fast equivalent of hashing extractFeatures' keys. */
export interface FeatureHashCounts {
  words: Map<number, number>;
  grams: Map<number, number>;
}

/** extractFeatures without building a string per feature: the hashes are computed in one pass. */
export function countFeatureHashes(text: string): FeatureHashCounts {
  const counts: FeatureHashCounts = { words: new Map(), grams: new Map() };
  for (const word of tokenize(text)) {
    let h = WORD_SEED;
    const codes = [GRAM_START];
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      h = fnvStep(h, code);
      codes.push(code);
    }
    codes.push(GRAM_END);
    increment(counts.words, h >>> 0);
    for (let start = 0; start + 3 <= codes.length; start++) {
      let g = GRAM_SEED;
      for (let k = 0; k < 5 && start + k < codes.length; k++) {
        g = fnvStep(g, codes[start + k] ?? 0);
        if (k >= 2) increment(counts.grams, g >>> 0);
      }
    }
  }
  return counts;
}

/** murmur3's fmix32: spreads FNV's weak low bits over the whole word. */
function mix(h0: number): number {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Where a feature lands: its output bucket, its sign and its idf slot. */
export interface FeatureHash {
  bucket: number;
  sign: 1 | -1;
  slot: number;
}

function place(raw: number, dims: number): FeatureHash {
  const h = mix(raw);
  const g = mix(h ^ 0x9e3779b9);
  return { bucket: h % dims, sign: g >>> 31 === 1 ? -1 : 1, slot: g & (IDF_SLOTS - 1) };
}

export function hashFeature(feature: string, dims: number): FeatureHash {
  return place(fnv1a(feature), dims);
}

/** Group weight × (1 + ln tf) of a feature counted `count` times. */
export function featureWeight(feature: string, count: number): number {
  return (feature.startsWith('c') ? CHAR_GRAM_WEIGHT : 1) * (1 + Math.log(count));
}

/** Counts, per idf slot, the documents that contain a feature of that slot. */
export function fitIdf(texts: Iterable<string>): IdfTable {
  const df = new Uint32Array(IDF_SLOTS);
  let docCount = 0;
  const seen = new Uint8Array(IDF_SLOTS);
  for (const text of texts) {
    docCount += 1;
    const { words, grams } = countFeatureHashes(text);
    const slots = [...words.keys(), ...grams.keys()].map((raw) => place(raw, 1).slot);
    for (const slot of slots) {
      if (seen[slot] === 1) continue;
      seen[slot] = 1;
      df[slot] = (df[slot] ?? 0) + 1;
    }
    for (const slot of slots) seen[slot] = 0;
  }
  return { docCount, df };
}

/** Smoothed idf, as scikit-learn's: ln((1 + N) / (1 + df)) + 1; all ones without a table. */
export function idfWeights(table: IdfTable | undefined): Float32Array {
  const weights = new Float32Array(IDF_SLOTS).fill(1);
  if (!table) return weights;
  for (let slot = 0; slot < IDF_SLOTS; slot++) {
    weights[slot] = Math.log((1 + table.docCount) / (1 + (table.df[slot] ?? 0))) + 1;
  }
  return weights;
}

export function l2Normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}

/** The normalized vector of `text`; an empty text gives the zero vector. */
export function vectorize(text: string, dims: number, idf: Float32Array): Float32Array {
  const vector = new Float32Array(dims);
  const { words, grams } = countFeatureHashes(text);
  const add = (counts: Map<number, number>, group: number) => {
    for (const [raw, count] of counts) {
      const { bucket, sign, slot } = place(raw, dims);
      vector[bucket] = (vector[bucket] ?? 0) + sign * group * (1 + Math.log(count)) * (idf[slot] ?? 1);
    }
  };
  add(words, 1);
  add(grams, CHAR_GRAM_WEIGHT);
  return l2Normalize(vector);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  return dot;
}
