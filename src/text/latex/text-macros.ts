/**
 * What text-mode LaTeX macros mean in the prose of titles, abstracts and summaries: symbols,
 * styles, macros that are dropped (citations, references, layout), and the common user macros
 * of arXiv abstracts (`\eg`, `\db`). Pure tables.
 */

/** Macros that stand for a piece of text. */
export const TEXT_SYMBOLS: Readonly<Record<string, string>> = {
  '%': '%',
  $: '$',
  '&': '&',
  '#': '#',
  _: '_',
  '{': '{',
  '}': '}',
  ' ': ' ',
  ',': ' ',
  ';': ' ',
  ':': ' ',
  '!': '',
  '/': '',
  '@': '',
  '-': '',
  '\\': ' ',
  quad: ' ',
  qquad: ' ',
  xspace: '',
  ldots: '…',
  dots: '…',
  textellipsis: '…',
  textendash: '–',
  textemdash: '—',
  textless: '<',
  textgreater: '>',
  textasciitilde: '~',
  textbackslash: '\\',
  textasciicircum: '^',
  textbar: '|',
  textbullet: '•',
  textdegree: '°',
  textregistered: '®',
  texttrademark: '™',
  copyright: '©',
  textquotedblleft: '“',
  textquotedblright: '”',
  textquoteleft: '‘',
  textquoteright: '’',
  S: '§',
  P: '¶',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  eg: 'e.g.',
  ie: 'i.e.',
  etal: 'et al.',
  etc: 'etc.',
  wrt: 'w.r.t.',
  vs: 'vs.',
  cf: 'cf.',
  aka: 'a.k.a.',
  db: 'dB',
  dB: 'dB',
  ms: 'ms',
  checkmark: '✓',
  cmark: '✓',
  xmark: '✗',
  times: '×',
  pm: '±',
  sim: '~',
  approx: '≈',
  degree: '°',
};

/** Style macros: their argument keeps its text with a style. */
export const STYLE_MACROS: Readonly<Record<string, 'em' | 'strong' | 'code'>> = {
  emph: 'em',
  textit: 'em',
  textsl: 'em',
  mathit: 'em',
  textbf: 'strong',
  mathbf: 'strong',
  bm: 'strong',
  texttt: 'code',
  mathtt: 'code',
};

/** Macros whose arguments are only text (kept without a style). */
export const PLAIN_MACROS = new Set([
  'textrm',
  'textsf',
  'textsc',
  'textup',
  'textnormal',
  'text',
  'mbox',
  'hbox',
  'underline',
  'uline',
  'textcolor',
  'colorbox',
  'mathrm',
  'mathsf',
  'mathcal',
  'operatorname',
  'footnote',
  'ensuremath',
  'texorpdfstring',
]);

/** Macros that disappear with their arguments: citations, references, layout. */
export const DROPPED_MACROS =
  /^(cite[a-zA-Z]*|[a-z]*cite|nocite|ref|eqref|autoref|cref|Cref|pageref|nameref|vref|label|footnotemark|vspace|hspace|vskip|hskip|newline|linebreak|noindent|centering|small|footnotesize|scriptsize|tiny|large|Large|LARGE|huge|normalsize|color|bibliography|thanks|index|smallskip|medskip|bigskip|hfill|vfill|phantom)\*?$/;

/** For `textcolor{red}{text}` the text is the last argument; for others every mandatory one. */
export const LAST_ARGUMENT_ONLY = new Set(['textcolor', 'colorbox', 'texorpdfstring']);

/** Display form of an unknown argument-free macro (`\wiseft` → "wiseft"): its name, as a word. */
export function unknownMacroText(name: string): string {
  return /^[A-Za-z]+$/.test(name) ? name : '';
}
