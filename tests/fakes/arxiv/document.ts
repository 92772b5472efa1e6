/**
 * The content behind one paper's full text, from which the fake renders its LaTeXML HTML, its
 * PDF and its LaTeX sources, so the three formats of one paper say the same thing.
 * Paragraphs may hold inline math as `$...$`.
 */
import type { FakePaper } from './papers.ts';

export interface DocumentSection {
  heading: string;
  paragraphs: string[];
}

export interface DocumentTable {
  caption: string;
  header: string[];
  rows: string[][];
}

export interface FullTextDocument {
  title: string;
  authors: string[];
  abstract: string;
  sections: DocumentSection[];
  table?: DocumentTable;
}

/** A four-section document about `paper`, with inline math and a results table. */
export function documentFor(paper: FakePaper): FullTextDocument {
  return {
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    sections: [
      {
        heading: 'Introduction',
        paragraphs: [
          `We study the problem behind "${paper.title}". Prior work leaves a gap that this paper closes.`,
          'Our contributions are a new method, an evaluation on public benchmarks, and an analysis of failure cases.',
        ],
      },
      {
        heading: 'Method',
        paragraphs: [
          'Given inputs $x_i$ and labels $y_i$, we minimise the loss $\\mathcal{L} = \\sum_i \\ell(f(x_i), y_i)$ with AdamW.',
          'The model has $N = 7 \\times 10^{9}$ parameters & is trained for three epochs.',
        ],
      },
      {
        heading: 'Experiments',
        paragraphs: [
          'Table 1 reports accuracy on three benchmarks; our method improves on the baseline by 4.2 points.',
        ],
      },
      {
        heading: 'Conclusion',
        paragraphs: ['The method is simple, fast and strong. Code and data will be released.'],
      },
    ],
    table: {
      caption: 'Accuracy (%) on three benchmarks.',
      header: ['Model', 'GSM8K', 'MATH', 'HumanEval'],
      rows: [
        ['Baseline', '71.3', '42.0', '60.4'],
        ['Ours', '75.5', '46.1', '64.6'],
      ],
    },
  };
}

/** Paragraph text split into plain runs and `$...$` math runs. */
export function splitMath(text: string): Array<{ math: boolean; text: string }> {
  return text
    .split(/(\$[^$]+\$)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('$') && part.endsWith('$') && part.length > 1
        ? { math: true, text: part.slice(1, -1) }
        : { math: false, text: part },
    );
}
