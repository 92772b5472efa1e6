/**
 * The sample of real arXiv entries shipped in `samples/arxiv-sample.jsonl`, so the main job
 * runs on a fresh machine with no network and no keys.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import type { Paper } from '../store/schemas.ts';

export const BUNDLED_SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'arxiv-sample.jsonl');

const SampleRow = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()).min(1),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  comment: z.string().nullable(),
});

export function sampleRowToPaper(row: z.infer<typeof SampleRow>): Paper {
  const published = `${row.published}T00:00:00Z`;
  return {
    id: row.id,
    version: 1,
    title: row.title.replace(/\s+/g, ' ').trim(),
    abstract: row.abstract.replace(/\s+/g, ' ').trim(),
    authors: row.authors,
    categories: row.categories,
    primaryCategory: row.categories[0] ?? 'cs.AI',
    ...(row.comment ? { comment: row.comment } : {}),
    published,
    updated: published,
    absUrl: `https://arxiv.org/abs/${row.id}`,
    pdfUrl: `https://arxiv.org/pdf/${row.id}`,
  };
}

export async function loadBundledSample(file = BUNDLED_SAMPLE): Promise<Paper[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const parsed = SampleRow.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new StateFileError(file, `line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return sampleRowToPaper(parsed.data);
  });
}
