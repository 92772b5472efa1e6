/**
 * arXiv's LaTeXML HTML (`/html/ID`) → markdown: the article only (no navigation, header or
 * footer), headings, paragraphs, lists and tables kept, `<math alttext>` back to `$…$` /
 * `$$…$$`, links reduced to their text, images dropped. Pure.
 */
import { NodeHtmlMarkdown, type TranslatorConfigObject } from 'node-html-markdown';

const IGNORED = ['nav', 'header', 'footer', 'script', 'style', 'button', 'img', 'svg', 'noscript', 'form'];

const TRANSLATORS: TranslatorConfigObject = {
  math: ({ node }) => {
    const tex = (node.getAttribute('alttext') ?? node.textContent ?? '').trim();
    const block = node.getAttribute('display') === 'block';
    return block
      ? { content: `$$\n${tex}\n$$`, recurse: false, noEscape: true, surroundingNewlines: 2 }
      : { content: `$${tex}$`, recurse: false, noEscape: true };
  },
  a: {},
};

/** The `<article>` of a LaTeXML page when there is one, else the `<body>`, else everything. */
function mainContent(html: string): string {
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/i.exec(html);
  if (article?.[1]) return article[1];
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return body?.[1] ?? html;
}

/** LaTeXML lays equations out as tables; only their math matters. */
function unwrapEquationTables(html: string): string {
  return html.replace(
    /<table\b[^>]*class="[^"]*ltx_eqn_table[^"]*"[^>]*>([\s\S]*?)<\/table>/g,
    (_all, inner: string) =>
      `<div class="ltx_equation">${(inner.match(/<math\b[\s\S]*?<\/math>/g) ?? []).join('\n')}</div>`,
  );
}

/** LaTeXML titles the abstract with an h6; the markdown wants it beside the sections. */
function normaliseHeadings(html: string): string {
  return html
    .replace(/<h6(\s[^>]*ltx_title_abstract[^>]*)>([\s\S]*?)<\/h6>/gi, '<h2$1>$2</h2>')
    .replace(
      /<span class="ltx_tag ltx_tag_(?:section|subsection|subsubsection|appendix)">([^<]*)<\/span>/g,
      '$1 ',
    );
}

export function htmlToMarkdown(html: string): string {
  const converter = new NodeHtmlMarkdown(
    { ignore: IGNORED, bulletMarker: '-', emDelimiter: '*', maxConsecutiveNewlines: 2 },
    TRANSLATORS,
  );
  // Math inside data tables goes through the table cell translators, which are separate.
  for (const [tag, config] of Object.entries(TRANSLATORS)) converter.tableCellTranslators.set(tag, config);
  const markdown = converter.translate(unwrapEquationTables(normaliseHeadings(mainContent(html))));
  return `${markdown
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
