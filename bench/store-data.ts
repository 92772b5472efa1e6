/**
 * Bench inputs: the real arXiv papers of ../shared/data/arxiv, repeated under distinct synthetic
 * ids (the year moved back one per repetition, so shards stay month-sized) up to the wanted size,
 * and deterministic unit vectors. Past 19 repetitions (2007, the first year of new-style ids) the
 * years start over with the sequence numbers moved up by 33,000 (the real numbers end at 32,040),
 * so ids stay valid and distinct up to ~1.15M papers.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseArxivId } from '../src/core/arxiv-id.ts';
import { createRandom } from '../src/rank/prng.ts';
import { Paper } from '../src/store/schemas.ts';
import { mixSentences, sentences } from './corpus.ts';

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

const YEARS = 19;
const NUMBER_STEP = 33_000;

/** `2603.01234` as repetition `copy`: the year back `copy % 19`, the number up 33,000 per 19 copies. */
function shiftId(id: string, copy: number): string {
  const years = copy % YEARS;
  const yymm = `${String(Number(id.slice(0, 2)) - years).padStart(2, '0')}${id.slice(2, 4)}`;
  const number = Number(id.slice(5)) + Math.floor(copy / YEARS) * NUMBER_STEP;
  if (number > 99_999) throw new Error(`bench ids run out past ${YEARS * 3} repetitions of the corpus`);
  return `${yymm}.${String(number).padStart(5, '0')}`;
}

function toPaper(record: ArxivRecord, copy: number, abstract = record.abstract): Paper {
  const id = shiftId(record.id, copy);
  const year = Number(record.published.slice(0, 4)) - (copy % YEARS);
  const published = `${year}${record.published.slice(4, 10)}T00:00:00Z`;
  return Paper.parse({
    id,
    version: 1,
    title: record.title,
    abstract,
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

/**
 * `exclude`: ids of records kept out (e.g. held out as the "new" papers of a bench run).
 * `mixAbstracts`: every repetition after the first gets a mixed abstract (the first half of its
 * record's sentences, then the second half of another record's, seeded as bench/corpus.ts mixes),
 * so a large state holds no exact copies for the near-duplicate search and the ANN graph to choke on.
 */
export async function benchPapers(
  size: number,
  exclude?: ReadonlySet<string>,
  options: { mixAbstracts?: boolean } = {},
): Promise<Paper[]> {
  const records = (await readRecords()).filter((r) => !exclude?.has(r.id));
  if (records.length === 0) throw new Error(`no arXiv records in ${ARXIV_DIR}`);
  const random = createRandom(7);
  return Array.from({ length: size }, (_, i) => {
    const record = records[i % records.length];
    if (!record) throw new Error('unreachable');
    const copy = Math.floor(i / records.length);
    if (!options.mixAbstracts || copy === 0) return toPaper(record, copy);
    const other = records[Math.floor(random() * records.length)] ?? record;
    return toPaper(record, copy, mixSentences(sentences(record.abstract), sentences(other.abstract)));
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
