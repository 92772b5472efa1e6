/**
 * PDF text → markdown-ish text: pages joined, words hyphenated across line ends rejoined, and
 * lines that look like section headings ("3 Experiments", "References") marked as headings so
 * the sections can be found. Pure.
 */

const NAMED_HEADING =
  /^(abstract|references|bibliography|acknowledg(e)?ments?|appendix|appendices|conclusions?|introduction|related work)$/i;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,2}|[A-H](?:\.\d{1,2}){0,2})\.?\s+([A-Z][^.!?]{1,70})$/;

/** Rejoins "classi-\nfication" into "classification"; keeps real hyphens such as "state-of-the-art". */
export function dehyphenate(text: string): string {
  return text.replace(/([a-z])-\n([a-z])/g, '$1$2');
}

function headingLevel(line: string): number | undefined {
  const trimmed = line.trim();
  if (NAMED_HEADING.test(trimmed)) return 2;
  const numbered = NUMBERED_HEADING.exec(trimmed);
  if (!numbered?.[1] || !numbered[2]) return undefined;
  // A heading is short and has few words; a numbered sentence in a list is longer.
  if (numbered[2].split(/\s+/).length > 9) return undefined;
  return 2 + (numbered[1].match(/\./g)?.length ?? 0);
}

export function pdfPagesToMarkdown(pages: readonly string[]): string {
  const joined = dehyphenate(pages.map((p) => p.trim()).join('\n\n'));
  const lines = joined.split('\n').map((line) => {
    const level = headingLevel(line);
    return level === undefined ? line.trimEnd() : `\n${'#'.repeat(level)} ${line.trim()}\n`;
  });
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
