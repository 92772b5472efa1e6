/**
 * What an arXiv e-print holds: a gzipped tar of sources, a single gzipped .tex, a PDF (for
 * PDF-only submissions), or, rarely, an uncompressed tar or .tex. Unpacked in memory.
 */
import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import type { TexFile } from './tex-files.ts';

export type EprintContent =
  | { kind: 'tar'; files: TexFile[] }
  | { kind: 'tex'; files: TexFile[] }
  | { kind: 'pdf'; pdf: Uint8Array }
  | { kind: 'unknown'; reason: string };

/** Decompressed e-prints larger than this are refused (a guard against gzip bombs). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const TEXT_FILE = /\.(tex|ltx|latex|sty|cls|bbl|bib|txt|def|cfg)$/i;

const isGzip = (b: Uint8Array): boolean => b[0] === 0x1f && b[1] === 0x8b;
const isPdf = (b: Uint8Array): boolean => Buffer.from(b.subarray(0, 5)).toString('latin1') === '%PDF-';
const isTar = (b: Uint8Array): boolean =>
  b.length >= 512 && Buffer.from(b.subarray(257, 262)).toString('latin1') === 'ustar';

/** The text files of a tar archive (binary files such as figures are skipped). */
function readTarTexts(tar: Uint8Array): Promise<TexFile[]> {
  return new Promise((resolve, reject) => {
    const files: TexFile[] = [];
    const parser = new Parser({
      onReadEntry: (entry: ReadEntry) => {
        if (entry.type !== 'File' || !TEXT_FILE.test(entry.path)) {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () =>
          files.push({
            name: entry.path.replace(/^\.\//, ''),
            content: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    });
    parser.on('error', reject);
    parser.on('end', () => resolve(files));
    parser.end(Buffer.from(tar));
  });
}

function looksLikeTex(text: string): boolean {
  return /\\(documentclass|begin\s*\{document\}|section\b|input\b)/.test(text);
}

export async function unpackEprint(bytes: Uint8Array): Promise<EprintContent> {
  let data = bytes;
  if (isGzip(data)) data = gunzipSync(data, { maxOutputLength: MAX_UNPACKED_BYTES });
  if (isPdf(data)) return { kind: 'pdf', pdf: data };
  if (isTar(data)) return { kind: 'tar', files: await readTarTexts(data) };
  const text = Buffer.from(data).toString('utf8');
  if (looksLikeTex(text)) return { kind: 'tex', files: [{ name: 'main.tex', content: text }] };
  return { kind: 'unknown', reason: `neither a tar, a .tex nor a PDF (${data.length} bytes)` };
}
