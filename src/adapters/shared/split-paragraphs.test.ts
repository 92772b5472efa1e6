import { describe, expect, it } from 'vitest';
import type { Inline } from '../../chat/chat-adapter.ts';
import { type Measure, packParagraphs, splitParagraph } from './split-paragraphs.ts';

const length: Measure = (inline) => inline.text.length;
const text = (t: string): Inline => ({ kind: 'text', text: t });
const joined = (paragraphs: Inline[][]): string =>
  paragraphs
    .flat()
    .map((i) => i.text)
    .join('');

describe('splitParagraph', () => {
  it('keeps a paragraph that fits as it is', () => {
    expect(splitParagraph([text('short')], 10, length)).toEqual([[text('short')]]);
  });

  it('cuts between words, keeps every character and the inline kind', () => {
    const bold: Inline = { kind: 'bold', text: 'alpha beta gamma delta' };
    const parts = splitParagraph([bold], 11, length);
    expect(parts.every((p) => p.every((i) => i.kind === 'bold' && i.text.length <= 11))).toBe(true);
    expect(joined(parts)).toBe(bold.text);
    expect(parts.map((p) => p[0]?.text)).toEqual(['alpha beta ', 'gamma delta']);
  });

  it('cuts a word longer than the limit into full-size pieces, emoji kept whole', () => {
    const word = `${'x'.repeat(25)}👍👍`;
    const parts = splitParagraph([text(word)], 10, (i) => Array.from(i.text).length);
    expect(parts.map((p) => Array.from(p[0]?.text ?? '').length)).toEqual([10, 10, 7]);
    expect(joined(parts)).toBe(word);
  });
});

describe('packParagraphs', () => {
  it('packs paragraphs under the size and count limits, in order', () => {
    const paragraphs = ['aaaa', 'bbbb', 'cccc', 'dd', 'e'].map((t) => [text(t)]);
    const bySize = packParagraphs(paragraphs, { maxSize: 10, maxParagraphs: 10, separatorSize: 2 }, length);
    expect(bySize.map((m) => joined(m.blocks))).toEqual(['aaaabbbb', 'ccccdd', 'e']);
    const byCount = packParagraphs(paragraphs, { maxSize: 100, maxParagraphs: 2, separatorSize: 2 }, length);
    expect(byCount.map((m) => m.blocks.length)).toEqual([2, 2, 1]);
  });
});
