import { gunzipSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError } from '../../src/http/errors.ts';
import { createHttpClient } from '../../src/http/http-client.ts';
import { type ArxivFake, loadSharedPapers, readTar, startArxivFake } from './arxiv-fake.ts';

const client = createHttpClient({ retry: { retries: 0 }, timeoutMs: 5000 });
const papers = loadSharedPapers(6);
const [tarPaper, gzPaper, bare] = papers;
let fake: ArxivFake;

beforeAll(async () => {
  fake = await startArxivFake({ papers, links: 'self' });
  fake.generateFullText(tarPaper?.id ?? '');
  fake.generateFullText(gzPaper?.id ?? '', { eprint: 'gz' });
});
afterAll(() => fake.close());

const get = (path: string) => client.request(`${fake.url}${path}`, { operation: 'arXiv site' });

/** Checks the cross-reference table: every offset points at its `N 0 obj`, startxref at `xref`. */
function checkXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(text)?.[1]);
  expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(startxref));
  const count = Number(header?.[1]);
  const table = text.slice(startxref + (header?.[0].length ?? 0));
  const rows = table.split('\n').slice(0, count);
  expect(rows[0]).toBe('0000000000 65535 f ');
  rows.slice(1).forEach((row, i) => {
    expect(row).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(row.slice(0, 10));
    expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
  });
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 10)).toBe('\nendstream');
  }
  return count;
}

describe('arXiv fake: site', () => {
  it('serves an abs page with citation meta tags for every paper', async () => {
    const html = (await get(`/abs/${bare?.id}v1`)).text();
    expect(html).toContain(`<meta name="citation_arxiv_id" content="${bare?.id}" />`);
    expect(html).toContain(`<meta name="citation_pdf_url" content="${fake.url}/pdf/${bare?.id}v1" />`);
  });

  it('serves LaTeXML-style HTML with sections, a table and math', async () => {
    const response = await get(`/html/${tarPaper?.id}`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = response.text();
    expect(html).toContain('<h1 class="ltx_title ltx_title_document">');
    expect(html).toContain('<div class="ltx_abstract">');
    const headings = [
      ...html.matchAll(/<h2 class="ltx_title ltx_title_section">\n<span[^>]*>\d+ <\/span>([^<]+)<\/h2>/g),
    ];
    expect(headings.map((m) => m[1])).toEqual(['Introduction', 'Method', 'Experiments', 'Conclusion']);
    expect(html).toContain('<math alttext="x_i" class="ltx_Math" display="inline"');
    expect(html).toMatch(/<table class="ltx_tabular[^"]*">[\s\S]*<th[^>]*>GSM8K<\/th>/);
    expect(XMLValidator.validate(html.replace('<!DOCTYPE html>', ''))).toBe(true);
  });

  it('serves a valid PDF 1.4 with the title in its text', async () => {
    const response = await get(`/pdf/${tarPaper?.id}v1`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(response.bytes());
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    expect(checkXref(pdf)).toBeGreaterThanOrEqual(7);
    const text = pdf.toString('latin1');
    expect(text).toContain('/BaseFont /Helvetica');
    expect(text).toContain('(1 Introduction) Tj');
    expect(text).toContain(`/Title (${(tarPaper?.title ?? '').replace(/[()\\]/g, (c) => `\\${c}`)})`);
  });

  it('serves the e-print as a gzipped tar of LaTeX sources', async () => {
    const response = await get(`/e-print/${tarPaper?.id}`);
    expect(response.headers.get('content-type')).toBe('application/gzip');
    expect(response.headers.get('content-disposition')).toContain(`arXiv-${tarPaper?.id}v1.tar.gz`);
    const tar = gunzipSync(response.bytes());
    expect(tar.subarray(257, 262).toString('latin1')).toBe('ustar');
    const files = new Map(readTar(tar).map((f) => [f.name, f.content.toString('utf8')]));
    expect([...files.keys()]).toEqual(['main.tex', 'sections/intro.tex', 'method.tex', 'refs.bib']);
    const main = files.get('main.tex') ?? '';
    expect(main).toMatch(/^\\documentclass/);
    expect(main).toContain('\\begin{document}');
    expect(main).toContain('\\input{sections/intro}');
    expect(main).toContain('\\include{method}');
    expect(files.get('sections/intro.tex')).toContain('\\section{Introduction}');
    expect(files.get('method.tex')).toContain('$x_i$');
    expect(files.get('refs.bib')).toContain('@article{');
  });

  it('serves a single-file e-print as one gzipped .tex', async () => {
    const response = await get(`/e-print/${gzPaper?.id}v1`);
    expect(response.headers.get('content-disposition')).toContain('.gz"');
    const tex = gunzipSync(response.bytes()).toString('utf8');
    expect(tex).toMatch(/^\\documentclass/);
    expect(tex).toContain('\\section{Introduction}');
    expect(tex).not.toContain('\\input{');
  });

  it('honours programmed full text and answers 404 for what is missing', async () => {
    fake.setFullText(bare?.id ?? '', { html: '<html><body>custom</body></html>' });
    expect((await get(`/html/${bare?.id}`)).text()).toContain('custom');
    for (const path of [
      `/pdf/${bare?.id}`,
      `/e-print/${bare?.id}`,
      '/abs/2605.99999',
      `/html/${bare?.id}v9`,
    ]) {
      const error = await get(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpStatusError);
      expect(error instanceof HttpStatusError && error.status).toBe(404);
    }
  });
});
