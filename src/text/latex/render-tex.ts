/**
 * Prose with LaTeX for each surface, from one parse: HTML with KaTeX math (the digest), Notion
 * rich-text pieces with inline equations, and Unicode text for chat and plain-text uses (math in
 * Unicode where it has a faithful form, its TeX source otherwise). Pure.
 */
import katex from 'katex';
import { mathToUnicode } from './math-unicode.ts';
import { createTexParser, type TexSegment } from './tex-segments.ts';
import { TEXT_SYMBOLS } from './text-macros.ts';

// The parser is stateless: one instance serves every call (it is built on first use).
const parser = createTexParser();

export function texSegments(text: string): TexSegment[] {
  return parser.parse(text);
}

/** The Unicode text of one math segment, or its TeX source between dollars. */
export function mathText(tex: string): string {
  return mathToUnicode(tex) ?? `$${tex}$`;
}

/** Plain Unicode text: for chat messages, titles in lists, keyphrases and search. */
export function texToText(text: string): string {
  return texSegments(text)
    .map((s) => (s.kind === 'math' ? mathText(s.tex) : s.text))
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const UNITS = new Set(['db', 'dB', 'ms']);
const UNDEFINED_MACRO = /Undefined control sequence: (\\[A-Za-z]+)/;

/**
 * KaTeX HTML of one formula. An author's macro KaTeX does not know (`\db`) is defined as its
 * text (from the prose table, else its name) and the formula rendered again; a formula KaTeX
 * still rejects shows as Unicode text, or as its source in a code span.
 */
export function mathHtml(tex: string, display: boolean): string {
  const macros: Record<string, string> = {};
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return katex.renderToString(tex, {
        displayMode: display,
        output: 'html',
        throwOnError: true,
        strict: 'ignore',
        macros,
      });
    } catch (error) {
      const unknown = error instanceof Error ? UNDEFINED_MACRO.exec(error.message)?.[1] : undefined;
      if (!unknown || macros[unknown] !== undefined) break;
      const name = unknown.slice(1);
      const unit = UNITS.has(name) ? '\\,' : '';
      macros[unknown] = `${unit}\\text{${TEXT_SYMBOLS[name] ?? name}}`;
    }
  }
  const unicode = mathToUnicode(tex);
  return unicode !== undefined
    ? `<span class="math-text">${escapeHtml(unicode)}</span>`
    : `<code class="math-source">${escapeHtml(tex)}</code>`;
}

function segmentHtml(segment: TexSegment): string {
  switch (segment.kind) {
    case 'math':
      return mathHtml(segment.tex, segment.display);
    case 'link':
      return `<a href="${escapeHtml(segment.url)}">${escapeHtml(segment.text)}</a>`;
    case 'text': {
      const body = escapeHtml(segment.text);
      if (segment.style === 'em') return `<em>${body}</em>`;
      if (segment.style === 'strong') return `<strong>${body}</strong>`;
      if (segment.style === 'code') return `<code>${body}</code>`;
      return body;
    }
  }
}

/** HTML of prose with LaTeX (escaped text, KaTeX math); needs the KaTeX stylesheet on the page. */
export function texToHtml(text: string): string {
  return texSegments(text).map(segmentHtml).join('');
}

/** Whether the prose has math (the page then needs the KaTeX stylesheet). */
export function hasMath(text: string): boolean {
  return texSegments(text).some((s) => s.kind === 'math');
}

export type RichPiece =
  | { kind: 'text'; text: string; url?: string; bold?: boolean; italic?: boolean; code?: boolean }
  | { kind: 'equation'; expression: string };

/** Notion's pieces: text with its annotations, links, and math as inline equations. */
export function texToRichPieces(text: string): RichPiece[] {
  return texSegments(text).map((s): RichPiece => {
    if (s.kind === 'math') return { kind: 'equation', expression: s.tex };
    if (s.kind === 'link') return { kind: 'text', text: s.text, url: s.url };
    return {
      kind: 'text',
      text: s.text,
      ...(s.style === 'strong' ? { bold: true } : {}),
      ...(s.style === 'em' ? { italic: true } : {}),
      ...(s.style === 'code' ? { code: true } : {}),
    };
  });
}

/** Markdown: math kept as `$…$` (markdown viewers render it), styles and links as markdown. */
export function texToMarkdown(text: string): string {
  return texSegments(text)
    .map((s) => {
      if (s.kind === 'math') return s.display ? `$$${s.tex}$$` : `$${s.tex}$`;
      if (s.kind === 'link') return `[${s.text}](${s.url})`;
      if (s.style === 'em') return `*${s.text}*`;
      if (s.style === 'strong') return `**${s.text}**`;
      if (s.style === 'code') return `\`${s.text}\``;
      return s.text;
    })
    .join('');
}
