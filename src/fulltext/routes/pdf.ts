/** The PDF route: `${siteUrl}/pdf/<id>`, its text extracted with unpdf (pdf.js), pages joined. */
import { extractText, getDocumentProxy } from 'unpdf';
import type { HttpClient } from '../../http/http-client.ts';
import type { FullTextRoute } from '../fetch-route.ts';
import { pdfPagesToMarkdown } from '../pdf-text.ts';

export async function pdfToMarkdown(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(doc, { mergePages: false });
    return pdfPagesToMarkdown(text);
  } finally {
    await doc.destroy();
  }
}

export function createPdfRoute(deps: { http: HttpClient; siteUrl: string }): FullTextRoute {
  return {
    name: 'pdf',
    async fetch(id) {
      const response = await deps.http.request(`${deps.siteUrl}/pdf/${id}`, { operation: 'arXiv PDF' });
      return { ok: true, route: 'pdf', markdown: await pdfToMarkdown(response.bytes()) };
    },
  };
}
