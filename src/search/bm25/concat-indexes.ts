/**
 * Concatenates self-contained inverted indexes (pure): the persistent index is a base segment
 * plus small day segments, each with its own vocabulary and document numbers starting at 0.
 * The result numbers documents part after part and terms in first-seen order (the first part's
 * terms keep their numbers), so each term's postings stay sorted by document, and BM25 over it
 * equals BM25 over one index built from all the documents in the same order (N, n(t), avgdl,
 * lengths and tf are sums over the parts).
 */
import type { InvertedIndex } from './inverted-index.ts';

export function concatIndexes(parts: readonly InvertedIndex[]): InvertedIndex {
  const first = parts[0];
  if (first === undefined) throw new Error('concatIndexes needs at least one index');
  if (parts.length === 1) return first;
  const terms: string[] = [...first.terms];
  const numbers = new Map(terms.map((term, n) => [term, n]));
  // Local term number → global term number, per part.
  const globalOf = parts.map((part, i) => {
    const map = new Uint32Array(part.terms.length);
    part.terms.forEach((term, local) => {
      let number = i === 0 ? local : numbers.get(term);
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
  let docBase = 0;
  parts.forEach((part, i) => {
    const map = globalOf[i] as Uint32Array;
    for (let local = 0; local < part.terms.length; local++) {
      const from = part.offsets[local] as number;
      const to = part.offsets[local + 1] as number;
      if (to === from) continue;
      const g = map[local] as number;
      const at = cursor[g] as number;
      if (docBase === 0) postingDocs.set(part.postingDocs.subarray(from, to), at);
      else
        for (let p = from; p < to; p++)
          postingDocs[at + p - from] = (part.postingDocs[p] as number) + docBase;
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
