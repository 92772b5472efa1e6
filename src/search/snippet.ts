/**
 * A one-line excerpt (pure): the sentence of the text that holds the most distinct query terms
 * (ties: the earlier one), cut to a maximum length around the first match.
 */
import type { Analyzer } from '../text/tokenize.ts';

const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu}|\d)/u;
const MAX = 180;

function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function cut(sentence: string, focus: number): string {
  if (sentence.length <= MAX) return sentence;
  const start = Math.max(0, Math.min(focus - 40, sentence.length - MAX));
  const end = Math.min(sentence.length, start + MAX);
  return `${start > 0 ? '…' : ''}${sentence.slice(start, end).trim()}${end < sentence.length ? '…' : ''}`;
}

export function makeSnippet(text: string, queryTerms: readonly string[], analyze: Analyzer): string {
  const sentences = squash(text)
    .split(SENTENCE_END)
    .filter((s) => s !== '');
  if (sentences.length === 0) return '';
  const wanted = new Set(queryTerms);
  let best = sentences[0] ?? '';
  let bestCount = -1;
  for (const sentence of sentences) {
    const count = new Set(analyze(sentence).filter((t) => wanted.has(t))).size;
    if (count > bestCount) {
      best = sentence;
      bestCount = count;
    }
  }
  const focus = bestCount > 0 ? firstMatch(best, wanted, analyze) : 0;
  return cut(best, focus);
}

function firstMatch(sentence: string, wanted: ReadonlySet<string>, analyze: Analyzer): number {
  for (const match of sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) {
    if (analyze(match[0]).some((t) => wanted.has(t))) return match.index;
  }
  return 0;
}
