/**
 * A local arXiv: the export API (`GET /api/query`, Atom), OAI-PMH (`GET /oai`, ListRecords in the
 * arXiv metadata format) and the site (`/abs`, `/html`, `/pdf`, `/e-print`), over a paper set the
 * test programs. Faults come from the base fake server's `inject`.
 */
import { handleQuery } from './arxiv/api-query.ts';
import { documentFor, type FullTextDocument } from './arxiv/document.ts';
import { type EprintSpec, latexSourcesFor, singleTexFor } from './arxiv/eprint.ts';
import { renderLatexmlHtml } from './arxiv/latexml-html.ts';
import { handleOai, type OaiState } from './arxiv/oai.ts';
import type { FakePaper } from './arxiv/papers.ts';
import { renderPdf } from './arxiv/pdf.ts';
import { type FullText, handleSite, type SiteKind, type SiteState } from './arxiv/site.ts';
import { type FakeServer, startFakeServer } from './fake-server.ts';

export { loadSharedPapers, makePaper, papersFromJsonl, SAMPLE_PAPERS_FILE } from './arxiv/papers.ts';
export { readTar, writeTar } from './arxiv/tar.ts';
export type { EprintSpec, FakePaper, FullText, FullTextDocument };
export { documentFor, latexSourcesFor, renderLatexmlHtml, renderPdf, singleTexFor };

export interface ArxivFakeOptions {
  papers?: readonly FakePaper[];
  /** Records per OAI-PMH page before a resumptionToken; default 100. */
  oaiPageSize?: number;
  /** Abs/pdf links in feeds point at arxiv.org (default, as recorded) or at this fake ('self'). */
  links?: 'arxiv' | 'self';
  /** The clock of `updated` / `responseDate` stamps; default the real one. */
  now?: () => Date;
}

export interface ArxivFake extends FakeServer {
  setPapers(papers: readonly FakePaper[]): void;
  addPapers(papers: readonly FakePaper[]): void;
  papers(): readonly FakePaper[];
  setOaiPageSize(size: number): void;
  /** Sets what `/html`, `/pdf` and `/e-print` serve for a paper; what is left out answers 404. */
  setFullText(id: string, fullText: FullText): void;
  /**
   * Generates HTML, PDF and e-print for a paper in the set from one document (by default
   * `documentFor(paper)`) and returns that document so tests know what to expect.
   */
  generateFullText(
    id: string,
    options?: { eprint?: 'tar' | 'gz'; document?: FullTextDocument },
  ): FullTextDocument;
}

export async function startArxivFake(options: ArxivFakeOptions = {}): Promise<ArxivFake> {
  const server = await startFakeServer('arxiv');
  const now = options.now ?? (() => new Date());
  const siteUrl = options.links === 'self' ? server.url : 'https://arxiv.org';
  let papers: FakePaper[] = [...(options.papers ?? [])];
  const fullTexts = new Map<string, FullText>();
  const oaiSessions: OaiState['sessions'] = new Map();
  let oaiPageSize = options.oaiPageSize ?? 100;
  const site = (): SiteState => ({ papers, fullTexts, siteUrl });

  server.route('GET', '/api/query', (req) => handleQuery(req, { papers, siteUrl, now }));
  server.route('GET', '/oai', (req) =>
    handleOai(req, { papers, pageSize: oaiPageSize, now, sessions: oaiSessions }),
  );
  for (const kind of ['abs', 'html', 'pdf', 'e-print'] satisfies SiteKind[]) {
    server.route('GET', `/${kind}/*`, (_req, params) => handleSite(kind, params.rest ?? '', site()));
  }

  const paperById = (id: string): FakePaper => {
    const paper = papers.find((p) => p.id === id);
    if (!paper) throw new Error(`arXiv fake: no paper ${id}`);
    return paper;
  };

  return Object.assign(server, {
    setPapers(next: readonly FakePaper[]) {
      papers = [...next];
      oaiSessions.clear();
    },
    addPapers(more: readonly FakePaper[]) {
      papers = [...papers, ...more];
    },
    papers: () => papers,
    setOaiPageSize(size: number) {
      oaiPageSize = size;
    },
    setFullText(id: string, fullText: FullText) {
      fullTexts.set(id, fullText);
    },
    generateFullText(id: string, opts: { eprint?: 'tar' | 'gz'; document?: FullTextDocument } = {}) {
      const doc = opts.document ?? documentFor(paperById(id));
      const eprint: EprintSpec =
        opts.eprint === 'gz'
          ? { kind: 'gz', files: [singleTexFor(doc)] }
          : { kind: 'tar', files: latexSourcesFor(doc) };
      fullTexts.set(id, { html: renderLatexmlHtml(doc), pdf: renderPdf(doc), eprint });
      return doc;
    },
  });
}
