import { describe, expect, it } from 'vitest';
import { concatIndexes } from './concat-indexes.ts';
import { type AnalyzedDocument, buildIndex } from './inverted-index.ts';

/** Deterministic documents over a vocabulary that grows with the document number. */
function docsOf(from: number, count: number): AnalyzedDocument[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      id: `d${n}`,
      titleTerms: [`t${n % 5}`, `v${n % 3}`],
      textTerms: Array.from(
        { length: 2 + (n % 7) },
        (_, j) => `v${(n * 3 + j * j) % (4 + Math.floor(n / 4))}`,
      ),
      hash: n,
    };
  });
}

describe('concatIndexes', () => {
  it('equals the index built from all the documents in order (a large first part, small later ones)', () => {
    const parts = [docsOf(0, 60), docsOf(60, 3), docsOf(63, 1), docsOf(64, 9)];
    const joined = concatIndexes(parts.map((docs) => buildIndex(docs)));
    const whole = buildIndex(parts.flat());
    expect(joined.terms).toEqual(whole.terms);
    expect(joined.offsets).toEqual(whole.offsets);
    expect(joined.postingDocs).toEqual(whole.postingDocs);
    expect(joined.postingTitleTf).toEqual(whole.postingTitleTf);
    expect(joined.postingTextTf).toEqual(whole.postingTextTf);
    expect(joined.docIds).toEqual(whole.docIds);
    expect(joined.textLengths).toEqual(whole.textLengths);
    expect(joined.textLengthSum).toBe(whole.textLengthSum);
  });
});
