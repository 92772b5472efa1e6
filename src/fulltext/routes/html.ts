/** The HTML route: arXiv's LaTeXML rendering at `${siteUrl}/html/<id>`, converted to markdown. */
import type { HttpClient } from '../../http/http-client.ts';
import type { FullTextRoute } from '../fetch-route.ts';
import { htmlToMarkdown } from '../html-to-markdown.ts';

export function createHtmlRoute(deps: { http: HttpClient; siteUrl: string }): FullTextRoute {
  return {
    name: 'html',
    async fetch(id) {
      const html = await deps.http.getText(`${deps.siteUrl}/html/${id}`, { operation: 'arXiv HTML' });
      return { ok: true, route: 'html', markdown: htmlToMarkdown(html) };
    },
  };
}
