/**
 * A real, minimal PDF 1.4 written by hand: catalog, pages, the standard Helvetica font, one
 * content stream per page with the title, headings and wrapped body text, an Info dictionary,
 * and a cross-reference table with exact byte offsets. Text outside Latin-1 becomes `?`.
 */
import type { FullTextDocument } from './document.ts';

interface Line {
  size: number;
  text: string;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

function wrap(text: string, size: number): string[] {
  const maxChars = Math.floor((PAGE_WIDTH - 2 * MARGIN) / (size * 0.5));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

function documentLines(doc: FullTextDocument): Line[] {
  const lines: Line[] = [];
  const add = (text: string, size: number): void => {
    for (const line of wrap(text, size)) lines.push({ size, text: line });
  };
  add(doc.title, 16);
  add(doc.authors.join(', '), 10);
  add('Abstract', 12);
  add(doc.abstract, 10);
  doc.sections.forEach((section, i) => {
    add(`${i + 1} ${section.heading}`, 13);
    for (const paragraph of section.paragraphs) add(paragraph.replace(/\$/g, ''), 10);
  });
  return lines;
}

/** A PDF string literal: Latin-1 only, with `\`, `(` and `)` escaped. */
function pdfString(text: string): string {
  const latin1 = [...text].map((ch) => (ch.charCodeAt(0) <= 0xff && ch.length === 1 ? ch : '?')).join('');
  return `(${latin1.replace(/[\\()]/g, (ch) => `\\${ch}`)})`;
}

function pageStreams(lines: Line[]): string[] {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of lines) {
    const step = line.size * 1.4;
    if (y - step < MARGIN && ops.length > 0) {
      pages.push(ops.join('\n'));
      ops = [];
      y = PAGE_HEIGHT - MARGIN;
    }
    y -= step;
    ops.push(`BT /F1 ${line.size} Tf 1 0 0 1 ${MARGIN} ${y.toFixed(1)} Tm ${pdfString(line.text)} Tj ET`);
  }
  pages.push(ops.join('\n'));
  return pages;
}

export function renderPdf(doc: FullTextDocument): Buffer {
  const streams = pageStreams(documentLines(doc));
  // Objects: 1 catalog, 2 pages, 3 font, 4 info, then a page and its content per page.
  const pageIds = streams.map((_, i) => 5 + 2 * i);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${streams.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Title ${pdfString(doc.title)} /Author ${pdfString(doc.authors.join(', '))} /Producer (research-radar arXiv fake) >>`,
  ];
  for (const [i, stream] of streams.entries()) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
