import { describe, expect, it } from 'vitest';
import {
  capItems,
  chunkText,
  groupItems,
  MAX_TEXT,
  mathItems,
  optionName,
  optionNames,
  textItems,
} from './rich-text.ts';

describe('notion rich text', () => {
  it('splits text into ≤ 2,000-character items without cutting a surrogate pair', () => {
    const text = `${'a'.repeat(MAX_TEXT - 1)}😀${'b'.repeat(10)}`;
    const chunks = chunkText(text);
    expect(chunks.every((c) => c.length <= MAX_TEXT)).toBe(true);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]?.endsWith('a')).toBe(true);
    expect(textItems('x'.repeat(4001))).toHaveLength(3);
    expect(textItems('')).toEqual([]);
  });

  it('turns $…$ inline math into equations and leaves prices as text', () => {
    expect(mathItems('loss $\\mathcal{L}_2$ drops')).toEqual([
      { type: 'text', text: { content: 'loss ', link: null } },
      { type: 'equation', equation: { expression: '\\mathcal{L}_2' } },
      { type: 'text', text: { content: ' drops', link: null } },
    ]);
    expect(mathItems('costs $5 and $10 per run').map((i) => i.type)).toEqual(['text']);
    expect(mathItems('a $$ b').map((i) => i.type)).toEqual(['text']);
  });

  it('caps a property at 100 items and groups block text into arrays of ≤ 100', () => {
    const many = textItems('x'.repeat(MAX_TEXT * 150));
    const capped = capItems(many);
    expect(capped).toHaveLength(100);
    expect(capped.at(-1)).toEqual({ type: 'text', text: { content: '…', link: null } });
    expect(groupItems(many).map((g) => g.length)).toEqual([100, 50]);
  });

  it('makes option names Notion accepts: no commas, ≤ 100 characters, distinct', () => {
    expect(optionName('retrieval, reranking')).toBe('retrieval reranking');
    expect(optionName('  ')).toBeUndefined();
    expect(optionName('t'.repeat(150))).toHaveLength(100);
    expect(optionNames(['a', 'a', 'b,', ''])).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(optionNames(Array.from({ length: 120 }, (_, i) => `t${i}`))).toHaveLength(100);
  });
});
