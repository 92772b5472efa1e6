/**
 * Pure helpers to fit a platform-neutral message into a platform's size limits: a paragraph is
 * cut between inlines first, then inside an inline's text at a line break or a space (the piece
 * keeps its formatting), so markup is never cut; paragraphs are then packed into messages.
 * `measure` gives an inline's rendered size in the unit the platform limits (characters, bytes).
 */
import type { ChatMessage, Inline } from '../../chat/chat-adapter.ts';

export type Measure = (inline: Inline) => number;

/** Cuts a word that fits nowhere into the longest pieces that fit (binary search per piece). */
function cutWord(word: string, fits: (text: string) => boolean): string[] {
  const chars = Array.from(word);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let low = start + 1;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(chars.slice(start, mid).join(''))) low = mid;
      else high = mid - 1;
    }
    pieces.push(chars.slice(start, low).join(''));
    start = low;
  }
  return pieces;
}

function splitInline(inline: Inline, limit: number, measure: Measure): Inline[] {
  if (measure(inline) <= limit) return [inline];
  const fits = (text: string): boolean => measure({ ...inline, text }) <= limit;
  const words = inline.text.match(/[^\s]+\s*|\s+/g) ?? [];
  const pieces: string[] = [];
  let current = '';
  for (const word of words) {
    if (fits(current + word)) {
      current += word;
      continue;
    }
    if (current !== '') pieces.push(current);
    current = '';
    if (fits(word)) current = word;
    else {
      const cut = cutWord(word, fits);
      current = cut.pop() ?? '';
      pieces.push(...cut);
    }
  }
  if (current !== '') pieces.push(current);
  return pieces.map((text) => ({ ...inline, text }));
}

/** One paragraph → paragraphs that each measure at most `limit`. */
export function splitParagraph(paragraph: readonly Inline[], limit: number, measure: Measure): Inline[][] {
  const out: Inline[][] = [];
  let current: Inline[] = [];
  let size = 0;
  for (const inline of paragraph.flatMap((i) => splitInline(i, limit, measure))) {
    const added = measure(inline);
    if (current.length > 0 && size + added > limit) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(inline);
    size += added;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export interface PackLimits {
  /** Largest size of one message (sum of its paragraphs plus separators). */
  maxSize: number;
  /** Largest number of paragraphs in one message. */
  maxParagraphs: number;
  /** Size a paragraph separator adds. */
  separatorSize: number;
}

export const paragraphSize = (paragraph: readonly Inline[], measure: Measure): number =>
  paragraph.reduce((sum, inline) => sum + measure(inline), 0);

/** Paragraphs (each already within maxSize) → messages within the limits, in order. */
export function packParagraphs(
  paragraphs: readonly Inline[][],
  limits: PackLimits,
  measure: Measure,
): ChatMessage[] {
  const messages: ChatMessage[] = [];
  let current: Inline[][] = [];
  let size = 0;
  for (const paragraph of paragraphs) {
    const own = paragraphSize(paragraph, measure);
    const added = current.length === 0 ? own : own + limits.separatorSize;
    if (current.length > 0 && (size + added > limits.maxSize || current.length >= limits.maxParagraphs)) {
      messages.push({ blocks: current });
      current = [paragraph];
      size = own;
    } else {
      current.push(paragraph);
      size += added;
    }
  }
  if (current.length > 0) messages.push({ blocks: current });
  return messages;
}
