/**
 * Builds inverted indexes in segments (pure). Documents are added one at a time as streams of
 * term numbers; `seal()` turns the documents added since the last seal into one compact segment
 * (a CSR over the term numbers known then: 4 + 1 + 1 bytes a posting), so a build holds the
 * compact postings of what it has seen plus the raw entries of one batch, never one JS object
 * per posting. The segments are then either merged into one `InvertedIndex` (`toIndex`) or
 * written as they are by the store, which concatenates each term's postings across segments.
 *
 * Document numbers grow across segments, so each term's postings, taken segment by segment,
 * stay sorted by document. An existing index can be the first segment (an append).
 */
import { withCapacity } from '../../core/typed-capacity.ts';
import { detach } from '../../text/tokenize.ts';
import type { InvertedIndex } from './inverted-index.ts';

/** The postings of some documents: term t's are `offsets[t] … offsets[t + 1]` (t < offsets.length − 1). */
export interface PostingSegment {
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly titleTf: Uint8Array;
  readonly textTf: Uint8Array;
}

/** The three posting columns, in the order a segment file lays them out. */
export type PostingColumn = 'docs' | 'titleTf' | 'textTf';

/**
 * A sealed segment whose postings were handed to a `SegmentSpill` (e.g. written to a scratch
 * file): only its offsets stay in memory, the postings are read back on demand.
 */
export interface SpilledSegment {
  readonly offsets: Uint32Array;
  /**
   * The raw little-endian bytes of postings [from, to) of one column: a view valid until the
   * next read of that column (reads that go forward are the cheap ones).
   */
  read(column: PostingColumn, from: number, to: number): Uint8Array;
}

/** Takes each sealed segment out of memory; returns what stands for it. */
export interface SegmentSpill {
  spill(segment: PostingSegment): SpilledSegment;
}

/** An inverted index whose postings are still in segments (in memory, or spilled). */
export interface SegmentedIndex
  extends Omit<InvertedIndex, 'offsets' | 'postingDocs' | 'postingTitleTf' | 'postingTextTf'> {
  readonly segments: readonly (PostingSegment | SpilledSegment)[];
  readonly postingCount: number;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** Bytes of postings [from, to) of one column of a segment, in memory or spilled. */
export function columnBytes(
  segment: PostingSegment | SpilledSegment,
  column: PostingColumn,
  from: number,
  to: number,
): Uint8Array {
  if ('read' in segment) return segment.read(column, from, to);
  return bytesOf(segment[column].subarray(from, to));
}

/**
 * A field's term frequency saturates here (one byte a posting and field). BM25's tf term is
 * within 0.4% of its limit by then (k1 0.9): no abstract repeats a word this often.
 */
export const TF_MAX = 0xff;

/** A growable typed array (doubling), so entries never live in boxed `number[]`s. */
export class GrowU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  push(value: number): void {
    this.data = withCapacity(this.data, this.length + 1);
    this.data[this.length++] = value;
  }
  /** A trimmed copy (the doubling slack is not kept). */
  copy(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export function segmentOfIndex(index: InvertedIndex): PostingSegment {
  return {
    offsets: index.offsets,
    docs: index.postingDocs,
    titleTf: index.postingTitleTf,
    textTf: index.postingTextTf,
  };
}

/** Per-document term counts in arrays indexed by term number; only touched slots are reset. */
function createCounter() {
  let title = new Uint8Array(1 << 16);
  let text = new Uint8Array(1 << 16);
  const touched = new GrowU32();
  const grow = (size: number) => {
    title = withCapacity(title, size);
    text = withCapacity(text, size);
  };
  return {
    title(term: number): void {
      if (term >= title.length) grow(term + 1);
      if (title[term] === 0 && text[term] === 0) touched.push(term);
      if ((title[term] as number) < TF_MAX) title[term] = (title[term] as number) + 1;
    },
    text(term: number): void {
      if (term >= title.length) grow(term + 1);
      if (title[term] === 0 && text[term] === 0) touched.push(term);
      if ((text[term] as number) < TF_MAX) text[term] = (text[term] as number) + 1;
    },
    /** Emits every counted term once, then clears the counts. */
    drain(emit: (term: number, title: number, text: number) => void): void {
      const terms = touched.data;
      for (let i = 0; i < touched.length; i++) {
        const term = terms[i] as number;
        emit(term, title[term] as number, text[term] as number);
        title[term] = 0;
        text[term] = 0;
      }
      touched.length = 0;
    },
  };
}

export interface DocumentFields {
  id: string;
  hash: number;
  /** Calls `emit` with each title term number, in order. */
  title(emit: (term: number) => void): void;
  text(emit: (term: number) => void): void;
}

export interface IndexBuilder {
  /** Numbers a term (new terms get the next number). */
  intern(term: string): number;
  add(doc: DocumentFields): void;
  /** Closes the current batch into a segment (no-op when it is empty). */
  seal(): void;
  /** Seals and returns everything added, still segmented. */
  finish(): SegmentedIndex;
}

/**
 * Starts an empty builder, or one that appends to `base` (its postings become the first segment).
 * With `spill`, each sealed segment leaves memory as it is sealed, so a build holds one batch.
 */
export function createIndexBuilder(
  base?: InvertedIndex,
  vocabulary?: Map<string, number>,
  spill?: SegmentSpill,
): IndexBuilder {
  const terms: string[] = base ? [...base.terms] : [];
  const numbers = vocabulary ?? new Map(terms.map((term, n) => [term, n]));
  const docIds: string[] = base ? [...base.docIds] : [];
  const hashes = new GrowU32();
  const titleLengths = new GrowU32();
  const textLengths = new GrowU32();
  let titleLengthSum = base?.titleLengthSum ?? 0;
  let textLengthSum = base?.textLengthSum ?? 0;
  const segments: (PostingSegment | SpilledSegment)[] = base ? [segmentOfIndex(base)] : [];
  let postingCount = base?.postingDocs.length ?? 0;
  const counter = createCounter();
  // Reused by every batch (emptied, not reallocated): churning large buffers fragments the heap.
  const entryTerm = new GrowU32(1 << 16);
  const entryDoc = new GrowU32(1 << 16);
  const entryTf = new GrowU32(1 << 16);
  let titleCount = 0;
  let textCount = 0;
  const countTitle = (term: number): void => {
    counter.title(term);
    titleCount++;
  };
  const countText = (term: number): void => {
    counter.text(term);
    textCount++;
  };
  const intern = (term: string): number => {
    let number = numbers.get(term);
    if (number === undefined) {
      number = terms.length;
      const own = detach(term);
      terms.push(own);
      numbers.set(own, number);
    }
    return number;
  };
  const seal = (): void => {
    if (entryTerm.length === 0) return;
    const segment = sortEntries(terms.length, entryTerm, entryDoc, entryTf);
    segments.push(spill ? spill.spill(segment) : segment);
    postingCount += segment.docs.length;
    entryTerm.length = 0;
    entryDoc.length = 0;
    entryTf.length = 0;
  };
  return {
    intern,
    add(doc) {
      const number = docIds.length;
      docIds.push(doc.id);
      hashes.push(doc.hash >>> 0);
      titleCount = 0;
      textCount = 0;
      doc.title(countTitle);
      doc.text(countText);
      titleLengths.push(titleCount);
      textLengths.push(textCount);
      titleLengthSum += titleCount;
      textLengthSum += textCount;
      counter.drain((term, title, text) => {
        entryTerm.push(term);
        entryDoc.push(number);
        entryTf.push((title << 8) | text);
      });
    },
    seal,
    finish() {
      seal();
      const own = (array: GrowU32, prefix: Uint32Array | undefined): Uint32Array => {
        if (!prefix) return array.copy();
        const out = new Uint32Array(prefix.length + array.length);
        out.set(prefix);
        out.set(array.data.subarray(0, array.length), prefix.length);
        return out;
      };
      return {
        docIds,
        docHashes: own(hashes, base?.docHashes),
        titleLengths: own(titleLengths, base?.titleLengths),
        textLengths: own(textLengths, base?.textLengths),
        titleLengthSum,
        textLengthSum,
        terms,
        segments: [...segments],
        postingCount,
      };
    },
  };
}

/** One batch's entries (in document order) → a segment, by a counting sort on the term. */
function sortEntries(
  termCount: number,
  entryTerm: GrowU32,
  entryDoc: GrowU32,
  entryTf: GrowU32,
): PostingSegment {
  const offsets = new Uint32Array(termCount + 1);
  const n = entryTerm.length;
  const term = entryTerm.data;
  for (let i = 0; i < n; i++)
    offsets[(term[i] as number) + 1] = (offsets[(term[i] as number) + 1] as number) + 1;
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const docs = new Uint32Array(n);
  const titleTf = new Uint8Array(n);
  const textTf = new Uint8Array(n);
  const cursor = offsets.slice(0, termCount);
  const doc = entryDoc.data;
  const tf = entryTf.data;
  for (let i = 0; i < n; i++) {
    const t = term[i] as number;
    const at = cursor[t] as number;
    docs[at] = doc[i] as number;
    const packed = tf[i] as number;
    titleTf[at] = packed >>> 8;
    textTf[at] = packed & 0xff;
    cursor[t] = at + 1;
  }
  return { offsets, docs, titleTf, textTf };
}

/** Postings of term `t` in one segment: [from, to). A segment sealed before t existed has none. */
export function segmentRange(segment: { readonly offsets: Uint32Array }, t: number): [number, number] {
  if (t + 1 >= segment.offsets.length) return [0, 0];
  return [segment.offsets[t] as number, segment.offsets[t + 1] as number];
}

/** Merges the segments into one CSR index (segment order = document order). */
export function toIndex(index: SegmentedIndex): InvertedIndex {
  const termCount = index.terms.length;
  const offsets = new Uint32Array(termCount + 1);
  for (const segment of index.segments) {
    for (let t = 0; t < termCount; t++) {
      const [from, to] = segmentRange(segment, t);
      offsets[t + 1] = (offsets[t + 1] as number) + (to - from);
    }
  }
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const total = offsets[termCount] as number;
  const postingDocs = new Uint32Array(total);
  const postingTitleTf = new Uint8Array(total);
  const postingTextTf = new Uint8Array(total);
  const docBytes = bytesOf(postingDocs);
  const cursor = offsets.slice(0, termCount);
  for (const segment of index.segments) {
    for (let t = 0; t < termCount; t++) {
      const [from, to] = segmentRange(segment, t);
      if (to === from) continue;
      const at = cursor[t] as number;
      docBytes.set(columnBytes(segment, 'docs', from, to), 4 * at);
      postingTitleTf.set(columnBytes(segment, 'titleTf', from, to), at);
      postingTextTf.set(columnBytes(segment, 'textTf', from, to), at);
      cursor[t] = at + (to - from);
    }
  }
  const { segments: _segments, postingCount: _count, ...rest } = index;
  return { ...rest, offsets, postingDocs, postingTitleTf, postingTextTf };
}
