import { describe, expect, it } from 'vitest';
import { createIndexBuilder, TF_MAX, toIndex } from './index-builder.ts';
import { type AnalyzedDocument, buildIndex } from './inverted-index.ts';

function docsOf(count: number): AnalyzedDocument[] {
  const vocab = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    titleTerms: [vocab[i % 7] as string],
    textTerms: Array.from({ length: 1 + (i % 5) }, (_, j) => vocab[(i * 3 + j * j) % 7] as string),
    hash: i,
  }));
}

function add(builder: ReturnType<typeof createIndexBuilder>, doc: AnalyzedDocument) {
  builder.add({
    id: doc.id,
    hash: doc.hash ?? 0,
    title: (emit) => {
      for (const t of doc.titleTerms) emit(builder.intern(t));
    },
    text: (emit) => {
      for (const t of doc.textTerms) emit(builder.intern(t));
    },
  });
}

describe('index builder', () => {
  it('gives the same index whatever the segment boundaries', () => {
    const docs = docsOf(40);
    const whole = buildIndex(docs, 1000);
    const builder = createIndexBuilder();
    docs.forEach((doc, i) => {
      add(builder, doc);
      if (i % 6 === 5) builder.seal();
    });
    const segmented = builder.finish();
    expect(segmented.segments.length).toBe(7);
    expect(segmented.postingCount).toBe(whole.postingDocs.length);
    const merged = toIndex(segmented);
    expect(merged.offsets).toEqual(whole.offsets);
    expect(merged.postingDocs).toEqual(whole.postingDocs);
    expect(merged.postingTitleTf).toEqual(whole.postingTitleTf);
    expect(merged.postingTextTf).toEqual(whole.postingTextTf);
    expect(merged.textLengthSum).toBe(whole.textLengthSum);
  });

  it('appends after a base index: its postings stay the first segment, new documents number after it', () => {
    const docs = docsOf(20);
    const base = buildIndex(docs.slice(0, 12));
    const builder = createIndexBuilder(base);
    for (const doc of docs.slice(12)) add(builder, doc);
    const appended = toIndex(builder.finish());
    const whole = buildIndex(docs);
    expect(appended.docIds).toEqual(whole.docIds);
    expect(appended.postingDocs).toEqual(whole.postingDocs);
    expect(appended.docHashes).toEqual(whole.docHashes);
    expect(base.docIds).toHaveLength(12);
  });

  it('counts term frequency per field and saturates at 255, keeping the exact field length', () => {
    const builder = createIndexBuilder();
    add(builder, { id: 'x', titleTerms: ['t', 't'], textTerms: Array(70_000).fill('t'), hash: 1 });
    add(builder, { id: 'y', titleTerms: Array(255).fill('t'), textTerms: Array(254).fill('t'), hash: 2 });
    const index = toIndex(builder.finish());
    expect(TF_MAX).toBe(255);
    expect(Array.from(index.postingTitleTf)).toEqual([2, 255]);
    expect(Array.from(index.postingTextTf)).toEqual([255, 254]);
    expect(Array.from(index.textLengths)).toEqual([70_000, 254]);
  });
});
