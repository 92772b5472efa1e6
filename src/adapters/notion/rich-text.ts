/**
 * Notion rich text within Notion's limits: text content ≤ 2,000 characters per item, ≤ 100 items
 * per array, equations ≤ 1,000 characters; `$…$` inline math becomes equation items.
 */
import { texToRichPieces } from '../../text/latex/render-tex.ts';

export const MAX_TEXT = 2000;
export const MAX_ITEMS = 100;
const MAX_EQUATION = 1000;

export type RichTextItem =
  | {
      type: 'text';
      text: { content: string; link: { url: string } | null };
      annotations?: { bold?: boolean; italic?: boolean; code?: boolean };
    }
  | { type: 'equation'; equation: { expression: string } };

/** Splits into ≤ `size`-character pieces without cutting a UTF-16 surrogate pair. */
export function chunkText(text: string, size = MAX_TEXT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    let cut = size;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

export function textItems(text: string, url?: string): RichTextItem[] {
  const link = url ? { url } : null;
  return chunkText(text).map((content) => ({ type: 'text', text: { content, link } }));
}

/**
 * Text with LaTeX as rich text: math as equation items, text macros resolved (`\\emph` italic,
 * `\\textbf` bold, `\\texttt` code, citations dropped), links kept (src/text/latex).
 */
export function mathItems(text: string): RichTextItem[] {
  return texToRichPieces(text).flatMap((piece): RichTextItem[] => {
    if (piece.kind === 'equation')
      return piece.expression.length <= MAX_EQUATION
        ? [{ type: 'equation', equation: { expression: piece.expression } }]
        : textItems(`$${piece.expression}$`);
    const annotations = {
      ...(piece.bold ? { bold: true } : {}),
      ...(piece.italic ? { italic: true } : {}),
      ...(piece.code ? { code: true } : {}),
    };
    const items = textItems(piece.text, piece.url);
    return Object.keys(annotations).length === 0 ? items : items.map((item) => ({ ...item, annotations }));
  });
}

/** Caps an array at 100 items (for properties, where a second array is not possible). */
export function capItems(items: RichTextItem[]): RichTextItem[] {
  if (items.length <= MAX_ITEMS) return items;
  const kept = items.slice(0, MAX_ITEMS - 1);
  kept.push({ type: 'text', text: { content: '…', link: null } });
  return kept;
}

/** Groups items into arrays of ≤ 100, one per block. */
export function groupItems(items: readonly RichTextItem[]): RichTextItem[][] {
  const groups: RichTextItem[][] = [];
  for (let i = 0; i < items.length; i += MAX_ITEMS) groups.push(items.slice(i, i + MAX_ITEMS));
  return groups;
}

/** A select option name Notion accepts: no commas, ≤ 100 characters, not blank. */
export function optionName(raw: string): string | undefined {
  const name = raw.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (name === '') return undefined;
  return name.length > 100 ? name.slice(0, 100).trimEnd() : name;
}

/** Distinct option names, at most `max`. */
export function optionNames(raws: readonly string[], max = 100): Array<{ name: string }> {
  const names = new Set<string>();
  for (const raw of raws) {
    const name = optionName(raw);
    if (name !== undefined && names.size < max) names.add(name);
  }
  return [...names].map((name) => ({ name }));
}
