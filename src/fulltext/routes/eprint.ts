/**
 * The LaTeX route: the e-print at `${siteUrl}/e-print/<id>`, unpacked in memory, its main
 * .tex found and its inputs inlined, converted to markdown. PDF-only submissions (arXiv then
 * serves the PDF as the e-print) are handed to the PDF converter.
 */
import type { HttpClient } from '../../http/http-client.ts';
import type { Logger } from '../../log/logger.ts';
import type { FullTextRoute, RouteOutcome } from '../fetch-route.ts';
import { unpackEprint } from '../latex/eprint-archive.ts';
import type { LatexConverter } from '../latex/latex-converter.ts';
import { findMainTex, inlineInputs } from '../latex/tex-files.ts';

export interface EprintRouteDeps {
  http: HttpClient;
  siteUrl: string;
  converter: LatexConverter;
  pdfToMarkdown(bytes: Uint8Array): Promise<string>;
  logger: Logger;
}

export function createEprintRoute(deps: EprintRouteDeps): FullTextRoute {
  return {
    name: 'latex',
    async fetch(id): Promise<RouteOutcome> {
      const response = await deps.http.request(`${deps.siteUrl}/e-print/${id}`, {
        operation: 'arXiv e-print',
      });
      const content = await unpackEprint(response.bytes());
      if (content.kind === 'unknown') return { ok: false, reason: content.reason };
      if (content.kind === 'pdf')
        return { ok: true, route: 'pdf', markdown: await deps.pdfToMarkdown(content.pdf) };
      const main = findMainTex(content.files);
      if (!main) return { ok: false, reason: `no main .tex among ${content.files.length} file(s)` };
      const { tex, missing } = inlineInputs(main, content.files);
      if (missing.length > 0) deps.logger.debug({ id, missing }, 'e-print inputs not found in the archive');
      const markdown = await deps.converter.convert(tex);
      return { ok: true, route: 'latex', markdown, converter: deps.converter.name };
    },
  };
}
