/**
 * The inverted index behind BM25 (pure): compressed-sparse-row postings over a growing
 * vocabulary, with the raw term frequency of each of the two fields (title, text) and each
 * document's field lengths. It holds no BM25 parameter, so one index serves every BM25 version
 * (k1, b and field weights are applied at query time).
 *
 * Why not a library: wink-bm25-text-search freezes after `consolidate()` (no incremental add),
 * minisearch scores BM25+ (an extra δ per matched term, not standard BM25), @orama/orama and
 * flexsearch keep their own in-memory structures with no way to persist compact postings or to
 * apply Lucene's idf exactly. We need exact Lucene-form BM25, a persistent index and cheap
 * appends of a day's papers, so this is written here, small.
 *
 * Building and appending go through index-builder.ts (segments, merged here into one CSR).
 */
import { createIndexBuilder, type DocumentFields, toIndex } from './index-builder.ts';

export interface InvertedIndex {
  /** External id of each document number. */
  readonly docIds: readonly string[];
  /** A 32-bit hash of each document's content (`hash`, else its analyzed terms): tells a changed document from a known one. */
  readonly docHashes: Uint32Array;
  readonly titleLengths: Uint32Array;
  readonly textLengths: Uint32Array;
  readonly titleLengthSum: number;
  readonly textLengthSum: number;
  /** Term of each term number. */
  readonly terms: readonly string[];
  /** Postings of term t are `offsets[t] … offsets[t + 1]`. */
  readonly offsets: Uint32Array;
  readonly postingDocs: Uint32Array;
  /** Term frequency per field, saturated at TF_MAX (255): 6 bytes a posting with the document. */
  readonly postingTitleTf: Uint8Array;
  readonly postingTextTf: Uint8Array;
}

/** A document after analysis: its terms per field. */
export interface AnalyzedDocument {
  id: string;
  titleTerms: readonly string[];
  textTerms: readonly string[];
  /** Content hash given by the caller (e.g. of the raw title and text); default: of the terms. */
  hash?: number | undefined;
}

export function emptyIndex(): InvertedIndex {
  return {
    docIds: [],
    docHashes: new Uint32Array(0),
    titleLengths: new Uint32Array(0),
    textLengths: new Uint32Array(0),
    titleLengthSum: 0,
    textLengthSum: 0,
    terms: [],
    offsets: new Uint32Array(1),
    postingDocs: new Uint32Array(0),
    postingTitleTf: new Uint8Array(0),
    postingTextTf: new Uint8Array(0),
  };
}

/** FNV-1a over the analyzed terms of both fields. */
export function hashAnalyzed(doc: AnalyzedDocument): number {
  let hash = 0x811c9dc5;
  const feed = (terms: readonly string[], mark: number) => {
    for (const term of terms) {
      for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
      hash = Math.imul(hash ^ mark, 0x01000193);
    }
  };
  feed(doc.titleTerms, 1);
  hash = Math.imul(hash ^ 2, 0x01000193);
  feed(doc.textTerms, 3);
  return hash >>> 0;
}

/** Term number of every term, for merging (built once per index, extended by a merge). */
export function termNumbers(index: InvertedIndex): Map<string, number> {
  return new Map(index.terms.map((term, number) => [term, number]));
}

/** The builder's view of an analyzed document (its terms already strings). */
function fieldsOf(doc: AnalyzedDocument, intern: (term: string) => number): DocumentFields {
  return {
    id: doc.id,
    hash: doc.hash ?? hashAnalyzed(doc),
    title: (emit) => {
      for (const term of doc.titleTerms) emit(intern(term));
    },
    text: (emit) => {
      for (const term of doc.textTerms) emit(intern(term));
    },
  };
}

/**
 * Appends documents to `base` and returns a new index (base is not modified). `vocabulary` is
 * `termNumbers(base)` and is extended in place, so a caller adding many batches keeps one map.
 */
export function appendDocuments(
  base: InvertedIndex,
  docs: readonly AnalyzedDocument[],
  vocabulary: Map<string, number> = termNumbers(base),
): InvertedIndex {
  const builder = createIndexBuilder(base, vocabulary);
  for (const doc of docs) builder.add(fieldsOf(doc, builder.intern));
  return toIndex(builder.finish());
}

/** Builds an index from scratch, sealing a segment every `batchSize` documents. */
export function buildIndex(docs: Iterable<AnalyzedDocument>, batchSize = 8192): InvertedIndex {
  const builder = createIndexBuilder();
  let count = 0;
  for (const doc of docs) {
    builder.add(fieldsOf(doc, builder.intern));
    if (++count % batchSize === 0) builder.seal();
  }
  return toIndex(builder.finish());
}
