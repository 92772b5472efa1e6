/**
 * LaTeX → markdown without pandoc: parsed with unified-latex, then sections become headings,
 * lists stay lists, math stays LaTeX between `$…$` / `$$…$$`, tabulars stay LaTeX in a fenced
 * block, captions are kept, citations become `[cite]`; the preamble and bibliography go.
 */
import { getParser } from '@unified-latex/unified-latex-util-parse';
import { printRaw } from '@unified-latex/unified-latex-util-print-raw';
import { type LatexNode, PARSER_MACROS, type RenderContext, renderMacro } from './latex-macros.ts';
import { expandSimpleMacros, simpleMacros } from './simple-macros.ts';

type EnvNode = Extract<LatexNode, { type: 'environment' | 'mathenv' }>;

const TABULAR = /^(tabular\*?|tabularx|tabulary|longtable|tabu|supertabular|algorithm\*?|algorithmic)$/;
const THEOREM =
  /^(theorem|lemma|proposition|corollary|definition|remark|proof|example|assumption|conjecture|claim|observation)\*?$/;
const DROPPED_ENV = /^(thebibliography|comment|tikzpicture|filecontents\*?|references)$/;
const BARE_MATH_ENV = /^(equation\*?|displaymath|math)$/;

function sliceOf(node: LatexNode, source: string): string | undefined {
  const at = node.position;
  return at ? source.slice(at.start.offset, at.end.offset) : undefined;
}

function envName(node: EnvNode): string {
  const env: unknown = node.env;
  if (typeof env === 'string') return env;
  if (typeof env === 'object' && env !== null && 'content' in env && typeof env.content === 'string')
    return env.content;
  return '';
}

function cleanMath(tex: string): string {
  return tex
    .replace(/\\label\s*\{[^{}]*\}/g, '')
    .replace(/\\(nonumber|notag)\b/g, '')
    .trim();
}

function inlineMath(node: LatexNode & { content: LatexNode[] }, ctx: RenderContext): string {
  const raw = sliceOf(node, ctx.source);
  let inner = printRaw(node.content);
  if (raw?.startsWith('$') && raw.endsWith('$') && !raw.startsWith('$$')) inner = raw.slice(1, -1);
  else if (raw?.startsWith('\\(') && raw.endsWith('\\)')) inner = raw.slice(2, -2);
  return `$${cleanMath(inner)}$`;
}

function displayMath(node: LatexNode & { content: LatexNode[] }, ctx: RenderContext): string {
  const raw = sliceOf(node, ctx.source);
  let inner = printRaw(node.content);
  if (raw && (raw.startsWith('$$') || raw.startsWith('\\['))) inner = raw.slice(2, -2);
  return `\n\n$$\n${cleanMath(inner)}\n$$\n\n`;
}

function mathEnv(node: EnvNode, ctx: RenderContext): string {
  const name = envName(node);
  const raw = sliceOf(node, ctx.source) ?? `\\begin{${name}}${printRaw(node.content)}\\end{${name}}`;
  const body = BARE_MATH_ENV.test(name)
    ? raw.replace(/^\\begin\s*\{[^}]*\}/, '').replace(/\\end\s*\{[^}]*\}$/, '')
    : raw;
  return `\n\n$$\n${cleanMath(body)}\n$$\n\n`;
}

function renderList(node: EnvNode, ctx: RenderContext): string {
  const ordered = envName(node) === 'enumerate';
  const items = node.content.filter(
    (n): n is Extract<LatexNode, { type: 'macro' }> => n.type === 'macro' && n.content === 'item',
  );
  const lines = items.map((item, i) => {
    const itemArgs = item.args ?? [];
    const body = itemArgs.at(-1);
    const label = itemArgs.find((a) => a.openMark === '[');
    const text = ctx
      .render(body?.content ?? [], ctx)
      .trim()
      .replace(/\n{2,}/g, '\n');
    const marker = ordered ? `${i + 1}.` : '-';
    const prefix = label ? `**${ctx.render(label.content, ctx).trim()}** ` : '';
    return `${marker} ${prefix}${text.split('\n').join('\n   ')}`;
  });
  return `\n\n${lines.join('\n')}\n\n`;
}

function renderEnvironment(node: EnvNode, ctx: RenderContext): string {
  const name = envName(node);
  if (node.type === 'mathenv') return mathEnv(node, ctx);
  if (DROPPED_ENV.test(name)) return '';
  if (name === 'abstract') return `\n\n## Abstract\n\n${ctx.render(node.content, ctx).trim()}\n\n`;
  if (/^(itemize|enumerate|description|compactitem|compactenum)$/.test(name)) return renderList(node, ctx);
  if (TABULAR.test(name))
    return `\n\n\`\`\`latex\n${(sliceOf(node, ctx.source) ?? printRaw(node)).trim()}\n\`\`\`\n\n`;
  if (/^(figure|wrapfigure|subfigure|table|wraptable)\*?$/.test(name)) {
    const float = name.includes('table') ? 'Table' : 'Figure';
    return `\n\n${ctx.render(node.content, { ...ctx, float })}\n\n`;
  }
  const theorem = THEOREM.exec(name);
  if (theorem?.[1]) {
    const title = theorem[1].charAt(0).toUpperCase() + theorem[1].slice(1);
    return `\n\n**${title}.** ${ctx.render(node.content, ctx).trim()}\n\n`;
  }
  return ctx.render(node.content, ctx);
}

function renderNode(node: LatexNode, ctx: RenderContext): string {
  switch (node.type) {
    case 'string':
      return node.content === '~' ? ' ' : node.content;
    case 'whitespace':
      return ' ';
    case 'parbreak':
      return '\n\n';
    case 'group':
    case 'root':
      return ctx.render(node.content, ctx);
    case 'inlinemath':
      return inlineMath(node, ctx);
    case 'displaymath':
      return displayMath(node, ctx);
    case 'environment':
    case 'mathenv':
      return renderEnvironment(node, ctx);
    case 'macro':
      return renderMacro(node, ctx);
    case 'verb':
      return `\`${node.content}\``;
    case 'verbatim':
      return `\n\n\`\`\`\n${node.content}\n\`\`\`\n\n`;
    default:
      return '';
  }
}

function render(nodes: readonly LatexNode[], ctx: RenderContext): string {
  return nodes.map((node) => renderNode(node, ctx)).join('');
}

/** Tidies whitespace outside fenced blocks: single spaces, no stray leading space, one blank line. */
export function tidyMarkdown(text: string): string {
  let fenced = false;
  const lines = text.split('\n').map((line) => {
    if (line.trimStart().startsWith('```')) {
      fenced = !fenced;
      return line.trim();
    }
    if (fenced) return line.trimEnd();
    return line
      .replace(/(\S) {2,}/g, '$1 ')
      .replace(/^ (?! )/, '')
      .trimEnd();
  });
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** The argument of the first `\title[…]{…}`, braces balanced. */
function titleSource(tex: string): string | undefined {
  const match = /\\title\s*(\[[^\]]*\]\s*)?\{/.exec(tex);
  if (!match) return undefined;
  let depth = 1;
  const start = match.index + match[0].length;
  for (let i = start; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return tex.slice(start, i);
  }
  return undefined;
}

/**
 * What gets parsed: the document body only, without an inline bibliography. The PEG parser
 * costs tens of milliseconds a kilobyte, and preambles and bibliographies are often large.
 */
function bodySource(tex: string): string {
  const begin = /\\begin\s*\{document\}/.exec(tex);
  const from = begin ? begin.index + begin[0].length : 0;
  const end = tex.indexOf('\\end{document}', from);
  return tex
    .slice(from, end === -1 ? tex.length : end)
    .replace(/\\begin\s*\{thebibliography\}[\s\S]*?(\\end\s*\{thebibliography\}|$)/g, '');
}

export function latexToMarkdown(tex: string): string {
  const parser = getParser({ macros: PARSER_MACROS });
  const parse = (source: string) => parser.parse(source);
  const macros = simpleMacros(tex);
  const ctx: RenderContext = { source: '', state: { appendix: false }, render };
  const rawTitle = titleSource(tex);
  const titleTex = rawTitle === undefined ? undefined : expandSimpleMacros(rawTitle, macros);
  const title = titleTex === undefined ? '' : render(parse(titleTex).content, { ...ctx, source: titleTex });
  const body = expandSimpleMacros(bodySource(tex), macros);
  const text = render(parse(body).content, { ...ctx, source: body });
  const titleLine = title.trim() === '' ? '' : `# ${title.trim().replace(/\s+/g, ' ')}\n\n`;
  return tidyMarkdown(`${titleLine}${text}`);
}
