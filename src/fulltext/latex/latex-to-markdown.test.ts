import { describe, expect, it } from 'vitest';
import { latexToMarkdown, tidyMarkdown } from './latex-to-markdown.ts';

const PAPER = String.raw`\documentclass{article}
\usepackage{amsmath}
\newcommand{\ours}{Ours}
\title{Sparse \emph{Mixtures} for Speed}
\author{Ada Lovelace}
\begin{document}
\maketitle
\begin{abstract}
We make models $2\times$ faster.
\end{abstract}
\section{Introduction}\label{sec:intro}
Large models are slow~\cite{kaplan2020,hoffmann2022}. See Section~\ref{sec:method}.
We contribute:
\begin{itemize}
  \item a router with $k$ experts;
  \item an analysis, in \textbf{two} parts.
\end{itemize}
\section{Method}
The loss is
\begin{equation}\label{eq:loss}
  \mathcal{L} = \sum_{i=1}^{n} \ell(x_i)
\end{equation}
and $$p = \mathrm{softmax}(Wx)$$ is the router.
\begin{enumerate}
\item Route.
\item Combine.
\end{enumerate}
\subsection{Training}
\begin{align}
 a &= b \\
 c &= d
\end{align}
\begin{table}[t]
\centering
\caption{Accuracy on \textsc{GSM8K}.}
\begin{tabular}{lr}
\toprule
Model & Acc \\
\midrule
Ours & 75.5 \\
\bottomrule
\end{tabular}
\end{table}
\begin{figure}
\includegraphics[width=\linewidth]{fig/router.pdf}
\caption{The router picks $k$ experts.}
\end{figure}
\section{Conclusion}
Faster\footnote{On A100 GPUs.} and as accurate.
\bibliographystyle{plain}
\bibliography{refs}
\begin{thebibliography}{9}
\bibitem{kaplan2020} J. Kaplan. Scaling laws. 2020.
\end{thebibliography}
\appendix
\section{Proofs}
Proof text.
\end{document}
`;

describe('latexToMarkdown', () => {
  const md = latexToMarkdown(PAPER);

  it('turns the title, abstract and sections into headings, in order, without the preamble', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Sparse *Mixtures* for Speed',
      '## Abstract',
      '## Introduction',
      '## Method',
      '### Training',
      '## Conclusion',
      '## Appendix',
      '### Proofs',
    ]);
    expect(md).not.toContain('usepackage');
    expect(md).not.toContain('newcommand');
    expect(md).not.toContain('Ada Lovelace');
  });

  it('keeps inline and display math as LaTeX', () => {
    expect(md).toContain('We make models $2\\times$ faster.');
    expect(md).toContain('$$\n\\mathcal{L} = \\sum_{i=1}^{n} \\ell(x_i)\n$$');
    expect(md).toContain('$$\np = \\mathrm{softmax}(Wx)\n$$');
    expect(md).toContain('\\begin{align}');
    expect(md).not.toContain('\\label');
  });

  it('makes lists, keeps tables as fenced LaTeX and captions as text', () => {
    expect(md).toContain('- a router with $k$ experts;\n- an analysis, in **two** parts.');
    expect(md).toContain('1. Route.\n2. Combine.');
    expect(md).toMatch(
      /```latex\n\\begin\{tabular\}\{lr\}[\s\S]*Ours & 75\.5 \\\\[\s\S]*\\end\{tabular\}\n```/,
    );
    expect(md).toContain('*Table: Accuracy on GSM8K.*');
    expect(md).toContain('*Figure: The router picks $k$ experts.*');
    expect(md).not.toContain('router.pdf');
  });

  it('replaces citations and references and drops the bibliography', () => {
    expect(md).toContain('Large models are slow [cite]. See Section [ref].');
    expect(md).not.toContain('Scaling laws');
    expect(md).not.toContain('refs');
    expect(md).toContain('Faster (On A100 GPUs.) and as accurate.');
  });

  it('converts a fragment without \\begin{document}', () => {
    expect(latexToMarkdown('\\section{Only}\nText with 50\\% and \\& signs.')).toBe(
      '## Only\n\nText with 50% and & signs.\n',
    );
  });
});

describe('latexToMarkdown on common package macros', () => {
  const tex = [
    '\\documentclass{article}',
    '\\newcommand{\\method}{\\textsc{FastRoute}\\xspace}',
    '\\def\\R{\\mathbb{R}}',
    '\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}',
    '\\title{\\method: Routing\\thanks{Work done at X.}}',
    '\\begin{document}',
    '\\method{} is fast~\\citep[see][p.~3]{a,b} and \\citet{c} agrees; see \\cref{tab:x}.',
    'Vectors $x \\in \\R^d$.',
    '\\begin{table*}\\resizebox{\\linewidth}{!}{\\begin{tabular}{lc}a & b \\\\\\end{tabular}}\\caption{T.}\\end{table*}',
    '\\end{document}',
  ].join('\n');
  const md = latexToMarkdown(tex);

  it('expands the paper’s own argument-free macros, in the title too', () => {
    expect(md.startsWith('# FastRoute: Routing\n')).toBe(true);
    expect(md).toContain('FastRoute is fast');
    expect(md).toContain('$x \\in \\mathbb{R}^d$');
  });

  it('swallows natbib and cleveref arguments and keeps tabulars inside \\resizebox', () => {
    expect(md).toContain('is fast [cite] and [cite] agrees; see [ref].');
    expect(md).not.toContain('a,b');
    expect(md).toMatch(/```latex\n\\begin\{tabular\}\{lc\}/);
    expect(md).toContain('*Table: T.*');
  });
});

describe('tidyMarkdown', () => {
  it('recognises an indented fence, so text after the block is tidied again', () => {
    expect(tidyMarkdown(' ```latex\n  a  &  b\n```\n\n**Setup.**  We')).toBe(
      '```latex\n  a  &  b\n```\n\n**Setup.** We\n',
    );
  });
});
