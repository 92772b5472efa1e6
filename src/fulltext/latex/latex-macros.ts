/**
 * How LaTeX macros become markdown: headings, emphasis, citations and references as
 * placeholders, captions kept, layout and preamble macros dropped. Unknown macros keep the
 * text of their mandatory arguments.
 */
import type { parse } from '@unified-latex/unified-latex-util-parse';
import { printRaw } from '@unified-latex/unified-latex-util-print-raw';

export type LatexNode = ReturnType<typeof parse>['content'][number];
export type MacroNode = Extract<LatexNode, { type: 'macro' }>;

export interface RenderContext {
  source: string;
  /** "Figure" or "Table" inside a float, for its caption. */
  float?: string;
  state: { appendix: boolean };
  render(nodes: readonly LatexNode[], ctx: RenderContext): string;
}

/** Argument signatures of macros the parser does not know (natbib, biblatex, cleveref, graphics). */
export const PARSER_MACROS: Record<string, { signature: string }> = Object.fromEntries([
  ...[
    'citep',
    'citet',
    'citealp',
    'citealt',
    'citeauthor',
    'citeyear',
    'parencite',
    'textcite',
    'autocite',
    'footcite',
    'citeA',
  ].map((name) => [name, { signature: 's o o m' }]),
  ...['cref', 'Cref', 'autoref', 'eqref', 'nameref', 'vref'].map((name) => [name, { signature: 's m' }]),
  ['resizebox', { signature: 's m m m' }],
  ['scalebox', { signature: 'm o m' }],
  ['adjustbox', { signature: 'm m' }],
  ['texorpdfstring', { signature: 'm m' }],
]);

const HEADING_LEVEL: Record<string, number> = {
  part: 2,
  chapter: 2,
  section: 2,
  subsection: 3,
  subsubsection: 4,
};

const CITE =
  /^(cite|citep|citet|citealp|citealt|citeauthor|citeyear|parencite|textcite|autocite|footcite|citeA)$/;
const REF = /^(ref|eqref|autoref|cref|Cref|pageref|nameref|vref)$/;
const DROPPED = new Set(
  `label maketitle tableofcontents listoffigures listoftables bibliography bibliographystyle addbibresource
  printbibliography usepackage newcommand renewcommand providecommand def let vspace hspace includegraphics
  centering raggedright raggedleft small footnotesize scriptsize tiny large Large LARGE huge normalsize clearpage
  newpage pagebreak noindent medskip bigskip smallskip toprule midrule bottomrule hline cline cmidrule setlength
  addtolength thanks nocite newtheorem DeclareMathOperator graphicspath vskip hfill vfill linewidth textwidth
  title author date affiliation email institute keywords acknowledgments ccsdesc setcounter addcontentsline`
    .split(/\s+/)
    .filter(Boolean),
);
const SYMBOLS: Record<string, string> = {
  '\\': '\n',
  ldots: '…',
  dots: '…',
  textendash: '–',
  textemdash: '—',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  textasciitilde: '~',
  textbackslash: '\\',
  textasciicircum: '^',
  S: '§',
  eg: 'e.g.',
  ie: 'i.e.',
  etal: 'et al.',
};
const SPACING = new Set([' ', ',', ';', ':', '!', '/', '@', 'quad', 'qquad', 'enspace', 'xspace']);

function args(macro: MacroNode): NonNullable<MacroNode['args']> {
  return macro.args ?? [];
}

/** The text of the last `{…}` argument (a heading's title, an item's body). */
function lastMandatory(macro: MacroNode, ctx: RenderContext): string {
  const arg = args(macro).findLast((a) => a.openMark === '{');
  return arg ? ctx.render(arg.content, ctx).trim() : '';
}

function mandatoryText(macro: MacroNode, ctx: RenderContext): string {
  return args(macro)
    .filter((a) => a.openMark === '{')
    .map((a) => ctx.render(a.content, ctx))
    .join(' ');
}

function heading(macro: MacroNode, ctx: RenderContext): string | undefined {
  const base = HEADING_LEVEL[macro.content];
  if (base !== undefined) {
    const level = Math.min(6, base + (ctx.state.appendix ? 1 : 0));
    return `\n\n${'#'.repeat(level)} ${lastMandatory(macro, ctx)}\n\n`;
  }
  if (macro.content === 'paragraph' || macro.content === 'subparagraph') {
    return `\n\n**${lastMandatory(macro, ctx).replace(/\.$/, '')}.** `;
  }
  return undefined;
}

function styled(macro: MacroNode, ctx: RenderContext): string | undefined {
  switch (macro.content) {
    case 'emph':
    case 'textit':
    case 'textsl':
      return `*${mandatoryText(macro, ctx).trim()}*`;
    case 'textbf':
      return `**${mandatoryText(macro, ctx).trim()}**`;
    case 'texttt':
      return `\`${mandatoryText(macro, ctx).trim()}\``;
    case 'url':
      return args(macro)
        .map((a) => printRaw(a.content))
        .join('');
    case 'href': {
      const text = args(macro).filter((a) => a.openMark === '{')[1];
      return text ? ctx.render(text.content, ctx) : '';
    }
    case 'footnote':
      return ` (${mandatoryText(macro, ctx).trim()})`;
    case 'caption':
      return `\n\n*${ctx.float ?? 'Figure'}: ${lastMandatory(macro, ctx)}*\n\n`;
    default:
      return undefined;
  }
}

export function renderMacro(macro: MacroNode, ctx: RenderContext): string {
  const name = macro.content;
  if (macro.escapeToken === '') return printRaw(macro);
  if (/^(resizebox|scalebox|adjustbox|texorpdfstring)$/.test(name)) {
    const arg = name === 'texorpdfstring' ? args(macro).find((a) => a.openMark === '{') : undefined;
    return arg ? ctx.render(arg.content, ctx) : lastMandatory(macro, ctx);
  }
  if (name === 'appendix') {
    ctx.state.appendix = true;
    return '\n\n## Appendix\n\n';
  }
  if (CITE.test(name)) return '[cite]';
  if (REF.test(name)) return '[ref]';
  if (DROPPED.has(name)) return '';
  const symbol = SYMBOLS[name];
  if (symbol !== undefined) return symbol;
  if (SPACING.has(name)) return ' ';
  if (name.length === 1 && /[%&$#_{}]/.test(name)) return name;
  return heading(macro, ctx) ?? styled(macro, ctx) ?? mandatoryText(macro, ctx);
}
