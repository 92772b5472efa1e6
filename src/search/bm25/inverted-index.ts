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
 * Appending works by building a small index for the new documents and merging: new documents
 * get higher numbers than every existing one, so each term's postings stay sorted by document.
 */

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
  readonly postingTitleTf: Uint16Array;
  readonly postingTextTf: Uint16Array;
}

/** A document after analysis: its terms per field. */
export interface AnalyzedDocument {
  id: string;
  titleTerms: readonly string[];
  textTerms: readonly string[];
  /** Content hash given by the caller (e.g. of the raw title and text); default: of the terms. */
  hash?: number | undefined;
}

const TF_MAX = 0xffff;

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
    postingTitleTf: new Uint16Array(0),
    postingTextTf: new Uint16Array(0),
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

/** A growable typed array (doubling), so entries never live in boxed `number[]`s. */
class GrowU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * Per-document term counting without a Map per document: counts live in typed arrays indexed
 * by term number (grown with the vocabulary) and only the touched slots are reset.
 */
function createCounter() {
  let title = new Uint32Array(1 << 16);
  let text = new Uint32Array(1 << 16);
  const touched = new GrowU32();
  const ensure = (size: number) => {
    if (size <= title.length) return;
    let length = title.length;
    while (length < size) length *= 2;
    const grownTitle = new Uint32Array(length);
    grownTitle.set(title);
    const grownText = new Uint32Array(length);
    grownText.set(text);
    title = grownTitle;
    text = grownText;
  };
  return {
    add(term: number, field: 0 | 1): void {
      ensure(term + 1);
      if (title[term] === 0 && text[term] === 0) touched.push(term);
      if (field === 0) title[term] = (title[term] ?? 0) + 1;
      else text[term] = (text[term] ?? 0) + 1;
    },
    /** Emits every counted term once, then clears the counts. */
    drain(emit: (term: number, title: number, text: number) => void): void {
      for (let i = 0; i < touched.length; i++) {
        const term = touched.data[i] ?? 0;
        emit(term, title[term] ?? 0, text[term] ?? 0);
        title[term] = 0;
        text[term] = 0;
      }
      touched.length = 0;
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
  const terms = [...base.terms];
  const entries: Entries = {
    entryTerm: new GrowU32(),
    entryDoc: new GrowU32(),
    entryTitle: new GrowU32(),
    entryText: new GrowU32(),
  };
  const first = base.docIds.length;
  const hashes = new Uint32Array(docs.length);
  const titleLengths = new Uint32Array(docs.length);
  const textLengths = new Uint32Array(docs.length);
  let titleSum = 0;
  let textSum = 0;
  const counter = createCounter();
  const intern = (term: string): number => {
    let number = vocabulary.get(term);
    if (number === undefined) {
      number = terms.length;
      terms.push(term);
      vocabulary.set(term, number);
    }
    return number;
  };
  docs.forEach((doc, i) => {
    hashes[i] = doc.hash ?? hashAnalyzed(doc);
    titleLengths[i] = doc.titleTerms.length;
    textLengths[i] = doc.textTerms.length;
    titleSum += doc.titleTerms.length;
    textSum += doc.textTerms.length;
    for (const term of doc.titleTerms) counter.add(intern(term), 0);
    for (const term of doc.textTerms) counter.add(intern(term), 1);
    counter.drain((term, title, text) => {
      entries.entryTerm.push(term);
      entries.entryDoc.push(first + i);
      entries.entryTitle.push(Math.min(title, TF_MAX));
      entries.entryText.push(Math.min(text, TF_MAX));
    });
  });
  const postings = mergePostings(base, terms.length, entries);
  return {
    docIds: [...base.docIds, ...docs.map((d) => d.id)],
    docHashes: concatU32(base.docHashes, hashes),
    titleLengths: concatU32(base.titleLengths, titleLengths),
    textLengths: concatU32(base.textLengths, textLengths),
    titleLengthSum: base.titleLengthSum + titleSum,
    textLengthSum: base.textLengthSum + textSum,
    terms,
    ...postings,
  };
}

interface Entries {
  entryTerm: GrowU32;
  entryDoc: GrowU32;
  entryTitle: GrowU32;
  entryText: GrowU32;
}

type Postings = Pick<InvertedIndex, 'offsets' | 'postingDocs' | 'postingTitleTf' | 'postingTextTf'>;

/** Base postings first, then the new entries (in document order), per term: a counting sort. */
function mergePostings(base: InvertedIndex, termCount: number, added: Entries): Postings {
  const baseTerms = base.offsets.length - 1;
  const offsets = new Uint32Array(termCount + 1);
  for (let t = 0; t < baseTerms; t++) offsets[t + 1] = (base.offsets[t + 1] ?? 0) - (base.offsets[t] ?? 0);
  const entryTerm = added.entryTerm.view();
  const entryDoc = added.entryDoc.view();
  const entryTitle = added.entryTitle.view();
  const entryText = added.entryText.view();
  for (const t of entryTerm) offsets[t + 1] = (offsets[t + 1] ?? 0) + 1;
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
  const total = offsets[termCount] ?? 0;
  const postingDocs = new Uint32Array(total);
  const postingTitleTf = new Uint16Array(total);
  const postingTextTf = new Uint16Array(total);
  const cursor = offsets.slice(0, termCount);
  for (let t = 0; t < baseTerms; t++) {
    const from = base.offsets[t] ?? 0;
    const to = base.offsets[t + 1] ?? 0;
    const at = cursor[t] ?? 0;
    postingDocs.set(base.postingDocs.subarray(from, to), at);
    postingTitleTf.set(base.postingTitleTf.subarray(from, to), at);
    postingTextTf.set(base.postingTextTf.subarray(from, to), at);
    cursor[t] = at + (to - from);
  }
  for (let i = 0; i < entryTerm.length; i++) {
    const t = entryTerm[i] ?? 0;
    const at = cursor[t] ?? 0;
    postingDocs[at] = entryDoc[i] ?? 0;
    postingTitleTf[at] = entryTitle[i] ?? 0;
    postingTextTf[at] = entryText[i] ?? 0;
    cursor[t] = at + 1;
  }
  return { offsets, postingDocs, postingTitleTf, postingTextTf };
}

function concatU32(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Builds an index from scratch in batches, so memory stays near the size of the final index. */
export function buildIndex(docs: Iterable<AnalyzedDocument>, batchSize = 8192): InvertedIndex {
  let index = emptyIndex();
  const vocabulary = new Map<string, number>();
  let batch: AnalyzedDocument[] = [];
  for (const doc of docs) {
    batch.push(doc);
    if (batch.length >= batchSize) {
      index = appendDocuments(index, batch, vocabulary);
      batch = [];
    }
  }
  return batch.length > 0 ? appendDocuments(index, batch, vocabulary) : index;
}
