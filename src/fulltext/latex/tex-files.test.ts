import { describe, expect, it } from 'vitest';
import { findMainTex, inlineInputs, stripTexComments, type TexFile } from './tex-files.ts';

const doc = (body: string): string =>
  `\\documentclass{article}\n\\begin{document}\n${body}\n\\end{document}\n`;

describe('findMainTex', () => {
  it('picks the file with \\documentclass and \\begin{document} over included fragments', () => {
    const files: TexFile[] = [
      { name: 'sections/intro.tex', content: '\\section{Introduction}\nText.' },
      { name: 'paper-source.tex', content: doc('\\input{sections/intro}') },
      { name: 'macros.tex', content: '\\newcommand{\\ours}{X}' },
    ];
    expect(findMainTex(files)?.name).toBe('paper-source.tex');
  });

  it('prefers main.tex / ms.tex / paper.tex among several complete documents', () => {
    const files: TexFile[] = [
      {
        name: 'supplement.tex',
        content: doc('Supplementary material, much longer than the paper itself. '.repeat(20)),
      },
      { name: 'ms.tex', content: doc('The paper.') },
      { name: 'response-letter.tex', content: doc('Dear reviewers.') },
    ];
    expect(findMainTex(files)?.name).toBe('ms.tex');
  });

  it('ignores a \\documentclass that is commented out, and non-.tex files', () => {
    const files: TexFile[] = [
      { name: 'old.tex', content: '% \\documentclass{article}\n% \\begin{document}\n\\section{Old}' },
      { name: 'notes.txt', content: doc('not LaTeX source') },
      { name: 'body.tex', content: '\\begin{document}\nBody\n\\end{document}' },
    ];
    expect(findMainTex(files)?.name).toBe('body.tex');
  });

  it('prefers the shallower path, then the longer file, when names do not decide', () => {
    const files: TexFile[] = [
      { name: 'old/version1.tex', content: doc('An old copy.') },
      { name: 'neurips.tex', content: doc('The paper, at the top of the archive.') },
      { name: 'short.tex', content: doc('x') },
    ];
    expect(findMainTex(files)?.name).toBe('neurips.tex');
  });

  it('returns undefined when there is no .tex file', () => {
    expect(findMainTex([{ name: 'refs.bib', content: '@article{x,}' }])).toBeUndefined();
  });
});

describe('inlineInputs', () => {
  it('inlines \\input and \\include recursively, resolving .tex and paths relative to the main file', () => {
    const files: TexFile[] = [
      { name: 'src/main.tex', content: doc('\\input{sections/intro}\n\\include{method.tex}\nEnd.') },
      { name: 'src/sections/intro.tex', content: '\\section{Intro}\nIntro text.\n\\input{sections/detail}' },
      { name: 'src/sections/detail.tex', content: 'Nested detail.' },
      { name: 'src/method.tex', content: '\\section{Method}\nMethod text.' },
    ];
    const main = files[0] as TexFile;
    const { tex, missing } = inlineInputs(main, files);
    expect(missing).toEqual([]);
    const order = ['Intro text.', 'Nested detail.', 'Method text.', 'End.'].map((s) => tex.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(tex).not.toContain('\\input');
    expect(tex).not.toContain('\\include');
  });

  it('skips commented-out inputs and reports missing ones', () => {
    const files: TexFile[] = [
      { name: 'main.tex', content: doc('% \\input{draft}\n\\input{absent}\nKept 50\\% of it.') },
      { name: 'draft.tex', content: 'Draft text that must not appear.' },
    ];
    const { tex, missing } = inlineInputs(files[0] as TexFile, files);
    expect(tex).not.toContain('Draft text');
    expect(tex).toContain('Kept 50\\% of it.');
    expect(missing).toEqual(['absent']);
  });

  it('stops at the depth limit on a file that inputs itself', () => {
    const files: TexFile[] = [
      { name: 'main.tex', content: doc('\\input{loop}') },
      { name: 'loop.tex', content: 'again \\input{loop}' },
    ];
    const { tex, missing } = inlineInputs(files[0] as TexFile, files, 3);
    expect(tex.match(/again/g)).toHaveLength(3);
    expect(missing).toEqual(['loop']);
  });
});

describe('stripTexComments', () => {
  it('removes comments and comment-only lines but keeps escaped percent signs', () => {
    expect(stripTexComments('a 10\\% gain % why\n% whole line\nb')).toBe('a 10\\% gain \nb');
    expect(stripTexComments('x \\\\% comment after a line break')).toBe('x \\\\');
  });
});
