/**
 * arXiv e-prints (`/e-print/ID`): a gzipped tar of LaTeX sources, or a single gzipped .tex file.
 * `latexSourcesFor` writes the sources of a document the way authors split them: main.tex with
 * `\input{sections/intro}` and `\include{method}`, the other sections inline, and a .bib file.
 */
import { gzipSync } from 'node:zlib';
import { type FullTextDocument, splitMath } from './document.ts';
import { type TarFile, writeTar } from './tar.ts';

export interface EprintSpec {
  kind: 'tar' | 'gz';
  files: TarFile[];
  /** Overrides the content type; default application/gzip (arXiv's current answer). */
  contentType?: string;
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  $: '\\$',
};

function latexText(text: string): string {
  return splitMath(text)
    .map((run) =>
      run.math ? `$${run.text}$` : run.text.replace(/[\\&%#_{}~^$]/g, (ch) => LATEX_SPECIALS[ch] ?? ch),
    )
    .join('');
}

function sectionTex(doc: FullTextDocument, index: number): string {
  const section = doc.sections[index];
  if (!section) return '';
  const body = section.paragraphs.map(latexText).join('\n\n');
  const label = section.heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let table = '';
  if (doc.table && index === 2) {
    const cols = doc.table.header.map(() => 'l').join('');
    const rows = doc.table.rows.map((r) => `${r.map(latexText).join(' & ')} \\\\`).join('\n');
    table = `\n\n\\begin{table}[t]\n\\centering\n\\caption{${latexText(doc.table.caption)}}\n\\begin{tabular}{${cols}}\n\\toprule\n${doc.table.header.map(latexText).join(' & ')} \\\\\n\\midrule\n${rows}\n\\bottomrule\n\\end{tabular}\n\\end{table}`;
  }
  return `\\section{${latexText(section.heading)}}\\label{sec:${label}}\n${body}${table}\n`;
}

/** main.tex, sections/intro.tex, method.tex and refs.bib for `doc`. */
export function latexSourcesFor(doc: FullTextDocument): TarFile[] {
  const rest = doc.sections.slice(2).map((_, i) => sectionTex(doc, i + 2));
  const main = [
    '\\documentclass[11pt]{article}',
    '\\usepackage{amsmath,amssymb}',
    '\\usepackage{booktabs}',
    `\\title{${latexText(doc.title)}}`,
    `\\author{${doc.authors.map(latexText).join(' \\and ')}}`,
    '\\begin{document}',
    '\\maketitle',
    '\\begin{abstract}',
    latexText(doc.abstract),
    '\\end{abstract}',
    '',
    '\\input{sections/intro}',
    '\\include{method}',
    '',
    ...rest,
    '\\bibliographystyle{plain}',
    '\\bibliography{refs}',
    '\\end{document}',
    '',
  ].join('\n');
  const bib = [
    '@article{vaswani2017attention,',
    '  title={Attention Is All You Need},',
    '  author={Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},',
    '  journal={Advances in Neural Information Processing Systems},',
    '  year={2017}',
    '}',
    '',
  ].join('\n');
  return [
    { name: 'main.tex', content: main },
    { name: 'sections/intro.tex', content: sectionTex(doc, 0) },
    { name: 'method.tex', content: sectionTex(doc, 1) },
    { name: 'refs.bib', content: bib },
  ];
}

/** Every section inline in one file, as single-file submissions are. */
export function singleTexFor(doc: FullTextDocument): TarFile {
  const files = latexSourcesFor(doc);
  const byName = new Map(
    files.map((f) => [
      f.name,
      typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8'),
    ]),
  );
  const main = (byName.get('main.tex') ?? '')
    .replace('\\input{sections/intro}', byName.get('sections/intro.tex') ?? '')
    .replace('\\include{method}', byName.get('method.tex') ?? '');
  return { name: 'main.tex', content: main };
}

/** The bytes arXiv would send for this e-print. */
export function packEprint(spec: EprintSpec): Buffer {
  if (spec.kind === 'tar') return gzipSync(writeTar(spec.files));
  const [file] = spec.files;
  if (!file || spec.files.length !== 1) throw new Error('a gz e-print holds exactly one file');
  return gzipSync(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content);
}
