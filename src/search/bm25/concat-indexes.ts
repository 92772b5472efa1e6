/**
 * Concatenates self-contained inverted indexes (pure): the persistent index is a base segment
 * plus small day segments, each with its own vocabulary and document numbers starting at 0.
 * The result numbers documents part after part and terms in first-seen order (the first part's
 * terms keep their numbers), so each term's postings stay sorted by document, and BM25 over it
 * equals BM25 over one index built from all the documents in the same order (N, n(t), avgdl,
 * lengths and tf are sums over the parts).
 */
import type { InvertedIndex } from './inverted-index.ts';

type Columns = Pick<InvertedIndex, 'postingDocs' | 'postingTitleTf' | 'postingTextTf'>;

/**
 * The first part's postings go first in each of its terms (its term numbers are kept): copied in
 * runs of consecutive terms that the later parts do not extend, one copy a run rather than one a
 * term, since the first part is usually the large base and the others a day's papers. Advances
 * `cursor` past what was copied.
 */
function copyFirstPart(first: InvertedIndex, offsets: Uint32Array, cursor: Uint32Array, out: Columns): void {
  const local = first.offsets;
  const count = first.terms.length;
  let runFrom = 0;
  for (let t = 0; t < count; t++) {
    const own = (local[t + 1] as number) - (local[t] as number);
    cursor[t] = (cursor[t] as number) + own;
    const extended = (offsets[t + 1] as number) - (offsets[t] as number) > own;
    if (!extended && t + 1 < count) continue;
    // Terms runFrom … t: their first-part postings are contiguous here and in the output.
    const from = local[runFrom] as number;
    const to = local[t + 1] as number;
    const at = offsets[runFrom] as number;
    out.postingDocs.set(first.postingDocs.subarray(from, to), at);
    out.postingTitleTf.set(first.postingTitleTf.subarray(from, to), at);
    out.postingTextTf.set(first.postingTextTf.subarray(from, to), at);
    runFrom = t + 1;
  }
}

/**
 * `vocabulary`, when given, is `termNumbers(parts[0])` and is extended in place to the result's
 * term numbers (a caller that needs them anyway saves building the map twice).
 */
export function concatIndexes(
  parts: readonly InvertedIndex[],
  vocabulary?: Map<string, number>,
): InvertedIndex {
  const first = parts[0];
  if (first === undefined) throw new Error('concatIndexes needs at least one index');
  if (parts.length === 1) return first;
  const terms: string[] = [...first.terms];
  const numbers = vocabulary ?? new Map(terms.map((term, n) => [term, n]));
  // Local term number → global term number, per part.
  const globalOf = parts.map((part, i) => {
    const map = new Uint32Array(part.terms.length);
    if (i === 0) return map.map((_, local) => local);
    part.terms.forEach((term, local) => {
      let number = numbers.get(term);
      if (number === undefined) {
        number = terms.length;
        terms.push(term);
        numbers.set(term, number);
      }
      map[local] = number;
    });
    return map;
  });
  const termCount = terms.length;
  const offsets = new Uint32Array(termCount + 1);
  parts.forEach((part, i) => {
    const map = globalOf[i] as Uint32Array;
    for (let local = 0; local < part.terms.length; local++) {
      const g = map[local] as number;
      offsets[g + 1] =
        (offsets[g + 1] as number) + (part.offsets[local + 1] as number) - (part.offsets[local] as number);
    }
  });
  for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const total = offsets[termCount] as number;
  const postingDocs = new Uint32Array(total);
  const postingTitleTf = new Uint8Array(total);
  const postingTextTf = new Uint8Array(total);
  const cursor = offsets.slice(0, termCount);
  copyFirstPart(first, offsets, cursor, { postingDocs, postingTitleTf, postingTextTf });
  let docBase = first.docIds.length;
  parts.forEach((part, i) => {
    if (i === 0) return;
    const map = globalOf[i] as Uint32Array;
    for (let local = 0; local < part.terms.length; local++) {
      const from = part.offsets[local] as number;
      const to = part.offsets[local + 1] as number;
      if (to === from) continue;
      const g = map[local] as number;
      const at = cursor[g] as number;
      for (let p = from; p < to; p++) postingDocs[at + p - from] = (part.postingDocs[p] as number) + docBase;
      postingTitleTf.set(part.postingTitleTf.subarray(from, to), at);
      postingTextTf.set(part.postingTextTf.subarray(from, to), at);
      cursor[g] = at + (to - from);
    }
    docBase += part.docIds.length;
  });
  const joined = (pick: (part: InvertedIndex) => Uint32Array): Uint32Array => {
    const out = new Uint32Array(docBase);
    let at = 0;
    for (const part of parts) {
      out.set(pick(part), at);
      at += pick(part).length;
    }
    return out;
  };
  return {
    docIds: parts.flatMap((part) => part.docIds),
    docHashes: joined((part) => part.docHashes),
    titleLengths: joined((part) => part.titleLengths),
    textLengths: joined((part) => part.textLengths),
    titleLengthSum: parts.reduce((sum, part) => sum + part.titleLengthSum, 0),
    textLengthSum: parts.reduce((sum, part) => sum + part.textLengthSum, 0),
    terms,
    offsets,
    postingDocs,
    postingTitleTf,
    postingTextTf,
  };
}

/** The document ids and content hashes of the parts, numbered as `concatIndexes` numbers them. */
export function concatDocuments(
  parts: readonly InvertedIndex[],
): Pick<InvertedIndex, 'docIds' | 'docHashes'> {
  const docHashes = new Uint32Array(parts.reduce((sum, part) => sum + part.docHashes.length, 0));
  let at = 0;
  for (const part of parts) {
    docHashes.set(part.docHashes, at);
    at += part.docHashes.length;
  }
  return { docIds: parts.flatMap((part) => part.docIds), docHashes };
}
