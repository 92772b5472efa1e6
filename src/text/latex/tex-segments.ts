/**
 * One parse of a piece of prose that may hold LaTeX (a title, an abstract, a summary field) into
 * segments every surface renders its own way: text (with a style), math (its TeX source) and
 * links. Text macros are resolved here (`\emph`, `~`, `\%`, `--`, quotes, citations dropped,
 * unknown user macros kept as their name), so no surface ever shows them raw. Pure.
 */
import { getParser } from '@unified-latex/unified-latex-util-parse';
import { printRaw } from '@unified-latex/unified-latex-util-print-raw';
import { type LatexNode, type MacroNode, PARSER_MACROS } from '../../fulltext/latex/latex-macros.ts';
import {
  DROPPED_MACROS,
  LAST_ARGUMENT_ONLY,
  PLAIN_MACROS,
  STYLE_MACROS,
  TEXT_SYMBOLS,
  unknownMacroText,
} from './text-macros.ts';

export type TextStyle = 'em' | 'strong' | 'code';

export type TexSegment =
  | { kind: 'text'; text: string; style?: TextStyle }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'link'; text: string; url: string };

/** Whether the text has anything LaTeX-like; most abstracts do not and skip the parser. */
export function looksLikeTex(text: string): boolean {
  return /[\\$~{}]|--|``|''/.test(text);
}

/** Prose conventions of TeX in plain strings: dashes and quotes. */
function typography(text: string): string {
  return text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/`/g, '‘');
}

interface Ctx {
  source: string;
  parse: (source: string) => LatexNode[];
  out: TexSegment[];
  style: TextStyle | undefined;
}

function pushText(ctx: Ctx, text: string): void {
  if (text === '') return;
  const last = ctx.out.at(-1);
  if (last?.kind === 'text' && last.style === ctx.style) last.text += text;
  else ctx.out.push(ctx.style ? { kind: 'text', text, style: ctx.style } : { kind: 'text', text });
}

function mathSource(node: LatexNode & { content: LatexNode[] }, source: string): string {
  const at = node.position;
  const raw = at ? source.slice(at.start.offset, at.end.offset) : undefined;
  if (raw === undefined) return printRaw(node.content);
  if (raw.startsWith('$$')) return raw.slice(2, -2);
  if (raw.startsWith('$')) return raw.slice(1, -1);
  if (raw.startsWith('\\(') || raw.startsWith('\\[')) return raw.slice(2, -2);
  return printRaw(node.content);
}

/** Math that is only a link or only text (`$\\href{…}{…}$`, `$\\text{…}$`) is prose. */
function pushMath(ctx: Ctx, tex: string, display: boolean): void {
  if (tex === '') return;
  if (/^\\(href|url|text|textrm|mbox)\s*\{/.test(tex) && !/[\^_]/.test(tex.replace(/\{[^{}]*\}/g, ''))) {
    walk(ctx.parse(tex), { ...ctx, source: tex });
    return;
  }
  ctx.out.push({ kind: 'math', tex, display });
}

function mandatory(macro: MacroNode): LatexNode[][] {
  return (macro.args ?? []).filter((a) => a.openMark === '{').map((a) => a.content);
}

function walkMacro(macro: MacroNode, ctx: Ctx): void {
  const name = macro.content;
  if (DROPPED_MACROS.test(name)) return;
  const symbol = TEXT_SYMBOLS[name];
  if (symbol !== undefined) {
    pushText(ctx, symbol);
    return;
  }
  const args = mandatory(macro);
  if (name === 'url' || name === 'href') {
    const url = printRaw(args[0] ?? []).trim();
    const label = args[1] ? plainOf(args[1], ctx) : url;
    if (/^https?:\/\//.test(url)) ctx.out.push({ kind: 'link', text: label || url, url });
    else pushText(ctx, label);
    return;
  }
  const style = STYLE_MACROS[name];
  if (style !== undefined) {
    const outer = ctx.style;
    ctx.style = style;
    for (const arg of args) walk(arg, ctx);
    ctx.style = outer;
    return;
  }
  if (PLAIN_MACROS.has(name)) {
    for (const arg of LAST_ARGUMENT_ONLY.has(name) ? args.slice(-1) : args) walk(arg, ctx);
    return;
  }
  if (args.length > 0) {
    for (const arg of args) walk(arg, ctx);
    return;
  }
  pushText(ctx, unknownMacroText(name));
}

/** `~` is a tie, except " ~22%" in plain abstracts, where it means "about". */
function tilde(nodes: readonly LatexNode[], i: number): string {
  const before = nodes[i - 1];
  const after = nodes[i + 1];
  const spacedBefore =
    !before || before.type === 'whitespace' || (before.type === 'string' && /[([]$/.test(before.content));
  return spacedBefore && after?.type === 'string' && /^\d/.test(after.content) ? '~' : ' ';
}

function walk(nodes: readonly LatexNode[], ctx: Ctx): void {
  for (const [i, node] of nodes.entries()) {
    switch (node.type) {
      case 'string':
        pushText(ctx, node.content === '~' ? tilde(nodes, i) : node.content);
        break;
      case 'whitespace':
        pushText(ctx, ' ');
        break;
      case 'parbreak':
        pushText(ctx, '\n\n');
        break;
      case 'group':
        walk(node.content, ctx);
        break;
      case 'inlinemath': {
        const tex = mathSource(node, ctx.source);
        // "costs $5 and $10": dollars around spaces are prices, not math (as in Notion's own rule).
        if (/^\s|\s$/.test(tex)) pushText(ctx, `$${tex}$`);
        else pushMath(ctx, tex, false);
        break;
      }
      case 'displaymath':
        pushMath(ctx, mathSource(node, ctx.source).trim(), true);
        break;
      case 'macro':
        walkMacro(node, ctx);
        break;
      case 'environment':
      case 'mathenv':
        walk(node.content, ctx);
        break;
      case 'verb':
        pushText(ctx, node.content);
        break;
      default:
        break;
    }
  }
}

function plainOf(nodes: readonly LatexNode[], outer: Ctx): string {
  const ctx: Ctx = { ...outer, out: [], style: undefined };
  walk(nodes, ctx);
  return ctx.out.map((s) => (s.kind === 'math' ? s.tex : s.text)).join('');
}

/** Joins adjacent text of one style and tidies spaces (a dropped citation leaves none doubled). */
function tidy(segments: TexSegment[]): TexSegment[] {
  const out: TexSegment[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'text') {
      out.push(segment);
      continue;
    }
    const spaced = segment.text.replace(/[ \t]{2,}/g, ' ').replace(/ ([,.;:)])/g, '$1');
    const text = segment.style === 'code' ? spaced : typography(spaced);
    if (text !== '') out.push({ ...segment, text });
  }
  const first = out[0];
  if (first?.kind === 'text') first.text = first.text.trimStart();
  const last = out.at(-1);
  if (last?.kind === 'text') last.text = last.text.trimEnd();
  return out.filter((s) => s.kind !== 'text' || s.text !== '');
}

type Parser = ReturnType<typeof getParser>;

export interface TexParser {
  parse(text: string): TexSegment[];
}

/**
 * A parser of prose with LaTeX. Raw `%` is a percent sign in abstracts, never a comment, and is
 * escaped before parsing; text with nothing LaTeX-like is one text segment without a parse.
 */
export function createTexParser(): TexParser {
  let parser: Parser | undefined;
  return {
    parse(text) {
      if (!looksLikeTex(text)) return text === '' ? [] : [{ kind: 'text', text }];
      parser ??= getParser({ macros: PARSER_MACROS });
      const ready = parser;
      const parse = (source: string): LatexNode[] => ready.parse(source).content;
      const source = text.replace(/(?<!\\)%/g, '\\%');
      try {
        const ctx: Ctx = { source, parse, out: [], style: undefined };
        walk(parse(source), ctx);
        return tidy(ctx.out);
      } catch {
        // The grammar accepts nearly anything; should it throw, the text shows as written.
        return [{ kind: 'text', text }];
      }
    },
  };
}
