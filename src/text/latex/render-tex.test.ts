import { describe, expect, it } from 'vitest';
import { mathToUnicode } from './math-unicode.ts';
import { texSegments, texToHtml, texToRichPieces, texToText } from './render-tex.ts';

const visible = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('text macros', () => {
  it('resolves styles, ties, dashes, quotes, escapes and drops citations', () => {
    const text =
      "a recipe -- fine-tuning, then \\wiseft~\\citep{wortsman2022wiseft} weight interpolation ``in the wild'' with \\emph{global tokens}: 22\\% of US\\$28";
    expect(texToText(text)).toBe(
      'a recipe – fine-tuning, then wiseft weight interpolation “in the wild” with global tokens: 22% of US$28',
    );
  });

  it('reads a raw % as a percent sign, not a comment, and ~ before a number as "about"', () => {
    expect(texToText('adding only ~22% extra calls and 50% more \\emph{x}')).toBe(
      'adding only ~22% extra calls and 50% more x',
    );
    expect(texToText('Variant~B reaches 11.5~FPS')).toBe('Variant B reaches 11.5 FPS');
  });

  it('keeps styles as segments and links as links', () => {
    const segments = texSegments('we propose \\textbf{SIGNET} at \\href{https://github.com/a/b}{the repo}.');
    expect(segments).toEqual([
      { kind: 'text', text: 'we propose ' },
      { kind: 'text', text: 'SIGNET', style: 'strong' },
      { kind: 'text', text: ' at ' },
      { kind: 'link', text: 'the repo', url: 'https://github.com/a/b' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('turns math that is only a link into a link', () => {
    const segments = texSegments('code at $\\href{https://github.com/s/F}{\\texttt{s/F}}$.');
    expect(segments).toContainEqual({ kind: 'link', text: 's/F', url: 'https://github.com/s/F' });
    expect(segments.some((s) => s.kind === 'math')).toBe(false);
  });

  it('reads dollars around spaces as prices, not math', () => {
    expect(texSegments('costs $5 and $10 per run')).toEqual([
      { kind: 'text', text: 'costs $5 and $10 per run' },
    ]);
  });

  it('leaves text without LaTeX as it is', () => {
    expect(texSegments('Plain text, 2.3x faster.')).toEqual([
      { kind: 'text', text: 'Plain text, 2.3x faster.' },
    ]);
    expect(texSegments('')).toEqual([]);
  });
});

describe('math as Unicode', () => {
  it('converts symbols, scripts, blackboard letters and fractions', () => {
    expect(mathToUnicode('\\alpha')).toBe('α');
    expect(mathToUnicode('x^2')).toBe('x²');
    expect(mathToUnicode('\\mathbb{R}^n')).toBe('ℝⁿ');
    expect(mathToUnicode('H \\le G')).toBe('H ≤ G');
    expect(mathToUnicode('D_4')).toBe('D₄');
    expect(mathToUnicode('\\frac{1}{2}')).toBe('1/2');
    expect(mathToUnicode('{\\sim}0.99')).toBe('~0.99');
    expect(mathToUnicode('M{=}50')).toBe('M=50');
    expect(mathToUnicode('\\mathrm{O}(2)')).toBe('O(2)');
    expect(mathToUnicode('21.41\\db')).toBe('21.41 dB');
  });

  it('gives up where Unicode has no faithful form', () => {
    expect(mathToUnicode('x^{\\gamma}')).toBeUndefined();
    expect(mathToUnicode('\\begin{matrix}a\\end{matrix}')).toBeUndefined();
    expect(texToText('with $x^{\\gamma}$ here')).toBe('with $x^{\\gamma}$ here');
  });
});

describe('surfaces', () => {
  it('renders math with KaTeX in HTML, defining unknown author macros as text', () => {
    const html = texToHtml('PSNR of $21.41\\db$ and $\\alpha$ for \\emph{all} <b>');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<em>all</em>');
    expect(html).toContain('&lt;b&gt;');
    expect(visible(html)).not.toMatch(/\\[A-Za-z]/);
    expect(visible(html)).toContain('dB');
  });

  it('gives Notion inline equations and annotated text', () => {
    expect(texToRichPieces('mean $x^2$ is \\textbf{big}')).toEqual([
      { kind: 'text', text: 'mean ' },
      { kind: 'equation', expression: 'x^2' },
      { kind: 'text', text: ' is ' },
      { kind: 'text', text: 'big', bold: true },
    ]);
  });
});
