/**
 * The full-text job against the arXiv fake: LaTeX tarball with \input/\include, a single
 * gzipped .tex, a PDF-only e-print, the HTML and PDF fallbacks, the abstract when nothing is
 * served, the cache, retries and the site's rate limit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchTexts } from '../../src/fulltext/fetch-text.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import {
  type ArxivFake,
  documentFor,
  type FakePaper,
  loadSharedPapers,
  renderLatexmlHtml,
  renderPdf,
  startArxivFake,
} from '../fakes/arxiv-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { service, toPaper, type Wiring, wire } from './setup.ts';

const tempDir = useTempDirs();
const papers = loadSharedPapers(8);
const paper = (i: number): FakePaper => {
  const p = papers[i];
  if (!p) throw new Error(`no sample paper ${i}`);
  return p;
};
let fake: ArxivFake;
let stateDir: string;
let w: Wiring;

beforeEach(async () => {
  fake = await startArxivFake({ papers, links: 'self' });
  stateDir = tempDir();
  await createPapersStore(stateDir).upsert(papers.map(toPaper));
  w = wire(fake, stateDir);
});
afterEach(() => fake.close());

const headings = (md: string): string[] => md.split('\n').filter((l) => /^#{1,3} /.test(l));
const sitePaths = (): string[] => fake.requests.map((r) => r.path);

describe('fetch-text: the LaTeX route', () => {
  it('inlines \\input and \\include of a tarball, in order, with math kept and the bibliography gone', async () => {
    const p = paper(0);
    const doc = fake.generateFullText(p.id);
    const text = await service(w).get(p.id);
    expect(text.route).toBe('latex');
    expect(text.converter).toBe('unified-latex');
    expect(headings(text.markdown)).toEqual([
      `# ${p.title}`,
      '## Abstract',
      '## Introduction',
      '## Method',
      '## Experiments',
      '## Conclusion',
    ]);
    expect(text.markdown).toContain(doc.sections[0]?.paragraphs[1]);
    expect(text.markdown).toContain('Given inputs $x_i$ and labels $y_i$');
    expect(text.markdown).toContain('$\\mathcal{L} = \\sum_i \\ell(f(x_i), y_i)$');
    expect(text.markdown).toContain('Baseline & 71.3 & 42.0 & 60.4 \\\\');
    expect(text.markdown).not.toContain('Vaswani');
    expect(text.markdown).not.toContain('\\input');
    expect(sitePaths()).toEqual([`/e-print/${p.id}`]);
  });

  it('converts a single gzipped .tex', async () => {
    const p = paper(1);
    const doc = fake.generateFullText(p.id, { eprint: 'gz' });
    const text = await service(w).get(p.id);
    expect(text.route).toBe('latex');
    expect(text.markdown).toContain(doc.sections[3]?.paragraphs[0]);
    expect(text.markdown).toContain('## Method');
    expect(text.failures).toEqual([]);
  });

  it('reads a PDF-only submission (the e-print is the PDF) as the pdf route, without more requests', async () => {
    const p = paper(2);
    const doc = documentFor(p);
    fake.setFullText(p.id, {
      eprint: {
        kind: 'gz',
        files: [{ name: 'paper.pdf', content: renderPdf(doc) }],
        contentType: 'application/pdf',
      },
    });
    const text = await service(w).get(p.id);
    expect(text.route).toBe('pdf');
    expect(text.markdown).toContain('## 1 Introduction');
    expect(sitePaths()).toEqual([`/e-print/${p.id}`]);
  });

  it('retries a 503 on the e-print through the HTTP layer', async () => {
    const p = paper(3);
    fake.generateFullText(p.id);
    fake.inject({
      fault: { kind: 'status', status: 503 },
      match: (r) => r.path.startsWith('/e-print/'),
      times: 2,
    });
    const text = await service(w).get(p.id);
    expect(text.route).toBe('latex');
    expect(fake.requestsTo(`/e-print/${p.id}`)).toHaveLength(3);
  });
});

describe('fetch-text: the fallbacks', () => {
  it('uses the HTML when there is no e-print (404), recording why the LaTeX route failed', async () => {
    const p = paper(4);
    const doc = documentFor(p);
    fake.setFullText(p.id, { html: renderLatexmlHtml(doc), pdf: renderPdf(doc) });
    const text = await service(w).get(p.id);
    expect(text.route).toBe('html');
    expect(text.failures).toEqual([{ route: 'latex', reason: 'HTTP 404 (not available)' }]);
    expect(text.markdown).toContain('## 2 Method');
    expect(text.markdown).toContain('$x_i$');
    expect(text.markdown).toMatch(/\| Baseline \| 71\.3 +\| 42\.0/);
    expect(sitePaths()).toEqual([`/e-print/${p.id}`, `/html/${p.id}`]);
  });

  it('uses the PDF text when there is neither e-print nor HTML', async () => {
    const p = paper(5);
    fake.setFullText(p.id, { pdf: renderPdf(documentFor(p)) });
    const text = await service(w).get(p.id);
    expect(text.route).toBe('pdf');
    expect(text.failures.map((f) => f.route)).toEqual(['latex', 'html']);
    expect(text.markdown).toContain('## 3 Experiments');
    expect(text.markdown.replace(/\s+/g, ' ')).toContain('our method improves on the baseline by 4.2 points');
  });

  it('falls back to the abstract, says so, records the route, and retries only after the TTL', async () => {
    const p = paper(6);
    const first = await service(w).get(p.id);
    expect(first.route).toBe('abstract');
    expect(first.markdown).toContain(p.abstract.trim());
    expect(first.markdown).toContain('this is the abstract only');
    expect(first.failures.map((f) => f.route)).toEqual(['latex', 'html', 'pdf']);
    const sidecar = JSON.parse(
      readFileSync(join(stateDir, 'fulltext', p.id.slice(0, 4), `${p.id}.json`), 'utf8'),
    );
    expect(sidecar).toMatchObject({ id: p.id, route: 'abstract', chars: first.markdown.length });
    expect(fake.requests).toHaveLength(3);

    w.clock.now = new Date(w.clock.now.getTime() + 60 * 60 * 1000);
    expect((await service(w).get(p.id)).cached).toBe(true);
    expect(fake.requests).toHaveLength(3);

    fake.generateFullText(p.id);
    w.clock.now = new Date(w.clock.now.getTime() + 24 * 60 * 60 * 1000);
    const later = await service(w).get(p.id);
    expect(later.route).toBe('latex');
    expect(later.cached).toBe(false);
  });

  it('fails for a paper with no text and no record in the store, and goes on with the others', async () => {
    const p = paper(7);
    fake.generateFullText(p.id);
    const results = await fetchTexts(w.deps, ['2605.99999', p.id]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(results[0]?.ok === false && results[0].error).toMatch(/not in the store/);
  });
});

describe('fetch-text: the cache and the rate limit', () => {
  it('serves the second call from the cache without a request, and --force fetches again', async () => {
    const p = paper(0);
    fake.generateFullText(p.id);
    const first = await service(w).get(p.id);
    const md = join(stateDir, 'fulltext', p.id.slice(0, 4), `${p.id}.md`);
    expect(readFileSync(md, 'utf8')).toBe(first.markdown);
    const before = fake.requests.length;
    const again = await service(w).get(p.id);
    expect(again).toMatchObject({ cached: true, route: 'latex', markdown: first.markdown });
    expect(fake.requests.length).toBe(before);
    await service(w).get(p.id, { force: true });
    expect(fake.requests.length).toBe(before + 1);
  });

  it('collapses concurrent requests for one paper into one fetch', async () => {
    const p = paper(1);
    fake.generateFullText(p.id);
    const svc = service(w);
    const [a, b] = await Promise.all([svc.get(p.id), svc.get(p.id)]);
    expect(a).toBe(b);
    expect(fake.requestsTo(`/e-print/${p.id}`)).toHaveLength(1);
  });

  it('treats a torn cache entry (markdown without a matching sidecar) as missing', async () => {
    const p = paper(0);
    fake.generateFullText(p.id);
    await service(w).get(p.id);
    const md = join(stateDir, 'fulltext', p.id.slice(0, 4), `${p.id}.md`);
    expect(existsSync(md)).toBe(true);
    await import('node:fs/promises').then((fs) => fs.appendFile(md, 'torn'));
    expect((await service(w).get(p.id)).cached).toBe(false);
  });

  it('waits requestIntervalSeconds between two requests to the site', async () => {
    const slow = wire(fake, stateDir, 0.25);
    const p = paper(6);
    await service(slow).get(p.id);
    const times = fake.requests.map((r) => r.receivedAt);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++)
      expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(230);
  });
});
