/** The full-text routes of the arXiv site in their order (latex → html → pdf), sharing one rate limit. */
import { limitArxivHost } from '../../adapters/arxiv/arxiv-source.ts';
import type { HttpClient } from '../../http/http-client.ts';
import type { Logger } from '../../log/logger.ts';
import type { FullTextRoute } from '../fetch-route.ts';
import type { LatexConverter } from '../latex/latex-converter.ts';
import { createEprintRoute } from './eprint.ts';
import { createHtmlRoute } from './html.ts';
import { createPdfRoute, pdfToMarkdown } from './pdf.ts';

export interface SiteRoutesOptions {
  siteUrl: string;
  /** At most one request per this many seconds to the site host (arXiv asks for 3 s). */
  requestIntervalSeconds: number;
}

export function createSiteRoutes(
  deps: { http: HttpClient; converter: LatexConverter; logger: Logger },
  options: SiteRoutesOptions,
): FullTextRoute[] {
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  limitArxivHost(deps.http, siteUrl, options.requestIntervalSeconds);
  const common = { http: deps.http, siteUrl };
  return [
    createEprintRoute({ ...common, converter: deps.converter, pdfToMarkdown, logger: deps.logger }),
    createHtmlRoute(common),
    createPdfRoute(common),
  ];
}
