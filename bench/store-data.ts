/**
 * Bench inputs: the real arXiv papers of ../shared/data/arxiv, repeated under distinct synthetic
 * ids (the year moved back one per repetition, so shards stay month-sized) up to the wanted size,
 * and deterministic unit vectors.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseArxivId } from '../src/core/arxiv-id.ts';
import { Paper } from '../src/store/schemas.ts';

export const ARXIV_DIR =
  process.env.RADAR_BENCH_ARXIV_DIR ?? fileURLToPath(new URL('../../shared/data/arxiv', import.meta.url));

const ArxivRecord = z.object({
  id: z.string(),
  title: z.string().min(1),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()).min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  comment: z.string().nullish(),
});
type ArxivRecord = z.infer<typeof ArxivRecord>;

export function arxivDataExists(): boolean {
  return existsSync(ARXIV_DIR);
}

async function readRecords(): Promise<ArxivRecord[]> {
  const files = (await readdir(ARXIV_DIR)).filter((name) => name.endsWith('.jsonl')).sort();
  const records = new Map<string, ArxivRecord>();
  for (const file of files) {
    const lines = (await readFile(join(ARXIV_DIR, file), 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const line of lines) {
      const parsed = ArxivRecord.safeParse(JSON.parse(line));
      if (parsed.success && parseArxivId(parsed.data.id)?.id === parsed.data.id)
        records.set(parsed.data.id, parsed.data);
    }
  }
  return [...records.values()];
}

/** `2603.01234` shifted back `years`: `2303.01234`. */
function shiftId(id: string, years: number): string {
  return `${String(Number(id.slice(0, 2)) - years).padStart(2, '0')}${id.slice(2)}`;
}

function toPaper(record: ArxivRecord, years: number): Paper {
  const id = shiftId(record.id, years);
  const year = Number(record.published.slice(0, 4)) - years;
  const published = `${year}${record.published.slice(4, 10)}T00:00:00Z`;
  return Paper.parse({
    id,
    version: 1,
    title: record.title,
    abstract: record.abstract,
    authors: record.authors,
    categories: record.categories,
    primaryCategory: record.categories[0],
    ...(record.comment ? { comment: record.comment } : {}),
    published,
    updated: published,
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
  });
}

/** `exclude`: ids of records kept out (e.g. held out as the "new" papers of a bench run). */
export async function benchPapers(size: number, exclude?: ReadonlySet<string>): Promise<Paper[]> {
  const records = (await readRecords()).filter((r) => !exclude?.has(r.id));
  if (records.length === 0) throw new Error(`no arXiv records in ${ARXIV_DIR}`);
  return Array.from({ length: size }, (_, i) => {
    const record = records[i % records.length];
    if (!record) throw new Error('unreachable');
    return toPaper(record, Math.floor(i / records.length));
  });
}

/** Deterministic unit vectors, one row per id, in one block. */
export function benchVectors(count: number, dims: number): Float32Array {
  const data = new Float32Array(count * dims);
  let state = 0x9e3779b9;
  for (let row = 0; row < count; row += 1) {
    let norm = 0;
    for (let i = 0; i < dims; i += 1) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const value = state / 2 ** 31 - 1;
      data[row * dims + i] = value;
      norm += value * value;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < dims; i += 1) data[row * dims + i] = (data[row * dims + i] ?? 0) * scale;
  }
  return data;
}
