/** LaTeX in a paper on the Notion page, the markdown page and the HTML digest card, from one summary. */
import { describe, expect, it } from 'vitest';
import { paperBlocks, paperProperties } from '../../src/adapters/notion/page-content.ts';
import { renderDigestHtml } from '../../src/publish/local/render-html.ts';
import { renderPaperMarkdown } from '../../src/publish/local/render-markdown.ts';
import type { PublishItem } from '../../src/publish/publisher.ts';
import type { Paper } from '../../src/store/schemas.ts';
import { storedSummary } from './fixtures.ts';

const paper: Paper = {
  id: '2606.31029',
  version: 1,
  title: 'TerraDiT-$\\Omega$: Control for \\emph{Satellite} Images',
  abstract: 'We reach $21.41\\db$ PSNR with \\wiseft~\\citep{w22}, 50% faster.',
  authors: ['A. Author'],
  categories: ['cs.CV'],
  primaryCategory: 'cs.CV',
  published: '2026-06-30T00:00:00Z',
  updated: '2026-06-30T00:00:00Z',
  absUrl: 'https://arxiv.org/abs/2606.31029',
  pdfUrl: 'https://arxiv.org/pdf/2606.31029',
};

const item = (overrides: Partial<PublishItem> = {}): PublishItem => ({
  paper,
  summary: storedSummary(paper.id, {
    one_sentence_summary: 'A \\textbf{control} model with $x^2$ loss~\\cite{a}.',
    source: 'extractive',
    note: 'summary from the abstract: the LLM failed: timeout: no answer in 60 s',
  }),
  pick: { score: 0.42, reason: 'explore', model: 'hashing-64' },
  related: [],
  ...overrides,
});

describe('LaTeX on each surface', () => {
  it('gives Notion equations and annotations, with no raw macros', () => {
    const props = paperProperties(item(), []);
    const title = JSON.stringify(props.title);
    expect(title).toContain('"type":"equation"');
    expect(title).toContain('"expression":"\\\\Omega"');
    expect(title).not.toContain('\\\\emph');
    const tldr = JSON.stringify(props['TL;DR']);
    expect(tldr).toContain('"bold":true');
    expect(tldr).not.toMatch(/\\\\(textbf|cite)/);
    const abstract = JSON.stringify(paperBlocks(item()).slice(-1));
    expect(abstract).toContain('wiseft');
    expect(abstract).not.toMatch(/\\\\(wiseft|citep)|~/);
  });

  it('writes markdown with math between dollars and text macros resolved', () => {
    const md = renderPaperMarkdown(item());
    expect(md).toContain('# TerraDiT-$\\Omega$: Control for *Satellite* Images');
    expect(md).toContain('> **TL;DR** A **control** model with $x^2$ loss.');
    expect(md).toContain('**Summary** summary from the abstract: the LLM failed: timeout');
  });

  it('shows the HTML card with KaTeX, the note, the score and why it was picked', () => {
    const html = renderDigestHtml('2026-07-01', [item()], { mathCss: '.katex{}', counts: { collected: 12 } });
    expect(html).toContain('class="katex"');
    expect(html).toContain('<style>.katex{}</style>');
    expect(html).toContain('Summary from the abstract: the LLM failed: timeout');
    expect(html).toContain('score 0.420');
    expect(html).toContain('explore pick: the classifier is unsure about it');
    expect(html).toContain('12 collected · 1 picked (0 top, 1 explore)');
    expect(html.replace(/<[^>]+>/g, '')).not.toMatch(/\\(emph|textbf|cite|wiseft)/);
  });

  it('leaves the KaTeX stylesheet out of a page without math', () => {
    const plain = item({
      paper: { ...paper, title: 'Plain', abstract: 'Plain.' },
      summary: storedSummary(paper.id),
    });
    expect(renderDigestHtml('2026-07-01', [plain], { mathCss: '.katex{}' })).not.toContain('.katex{}');
  });
});
