/** arXiv's site routes: `/abs/ID`, `/html/ID`, `/pdf/ID`, `/e-print/ID` (old-style ids keep their slash). */
import type { FakeResponse } from '../fake-server.ts';
import { type EprintSpec, packEprint } from './eprint.ts';
import { renderAbsPage } from './latexml-html.ts';
import type { FakePaper } from './papers.ts';
import { splitVersion } from './query.ts';
import { escapeXml } from './xml.ts';

export interface FullText {
  html?: string;
  pdf?: Uint8Array;
  eprint?: EprintSpec;
}

export interface SiteState {
  papers: readonly FakePaper[];
  fullTexts: Map<string, FullText>;
  siteUrl: string;
}

export type SiteKind = 'abs' | 'html' | 'pdf' | 'e-print';

const HTML_TYPE = 'text/html; charset=utf-8';

function notFound(message: string): FakeResponse {
  return {
    status: 404,
    headers: { 'content-type': HTML_TYPE },
    body: `<!DOCTYPE html>\n<html><head><title>Not Found</title></head><body><h1>Not Found</h1><p>${escapeXml(message)}</p></body></html>\n`,
  };
}

export function handleSite(kind: SiteKind, rawId: string, state: SiteState): FakeResponse {
  const { id, version } = splitVersion(kind === 'pdf' ? rawId.replace(/\.pdf$/, '') : rawId);
  const paper = state.papers.find((p) => p.id === id);
  if (!paper || (version !== undefined && version > paper.version)) {
    return notFound(`Article identifier '${rawId}' not recognized`);
  }
  const vid = `${paper.id}v${version ?? paper.version}`;
  if (kind === 'abs')
    return { headers: { 'content-type': HTML_TYPE }, body: renderAbsPage(paper, state.siteUrl) };
  const fullText = state.fullTexts.get(paper.id);
  if (kind === 'html') {
    return fullText?.html === undefined
      ? notFound(`No HTML for '${rawId}'`)
      : { headers: { 'content-type': HTML_TYPE }, body: fullText.html };
  }
  if (kind === 'pdf') {
    return fullText?.pdf === undefined
      ? notFound(`PDF for '${rawId}' not found`)
      : { headers: { 'content-type': 'application/pdf' }, body: Buffer.from(fullText.pdf) };
  }
  const eprint = fullText?.eprint;
  if (eprint === undefined) return notFound(`No source for '${rawId}'`);
  const filename = `arXiv-${vid.replace('/', '')}${eprint.kind === 'tar' ? '.tar.gz' : '.gz'}`;
  return {
    headers: {
      'content-type': eprint.contentType ?? 'application/gzip',
      'content-disposition': `attachment; filename="${filename}"`,
    },
    body: packEprint(eprint),
  };
}
