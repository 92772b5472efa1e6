/** ~50 real arXiv papers (5 primary categories × 10) from tests/fixtures/embed-sample.jsonl. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Paper } from '../../src/store/schemas.ts';

const SampleRow = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  categories: z.array(z.string()).min(1),
  published: z.string(),
});

const FILE = new URL('../fixtures/embed-sample.jsonl', import.meta.url);

export function samplePapers(): Paper[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = SampleRow.parse(JSON.parse(line));
      const at = `${row.published.slice(0, 10)}T00:00:00Z`;
      return {
        id: row.id,
        version: 1,
        title: row.title,
        abstract: row.abstract,
        authors: [],
        categories: row.categories,
        primaryCategory: row.categories[0] ?? '',
        published: at,
        updated: at,
        absUrl: `https://arxiv.org/abs/${row.id}`,
        pdfUrl: `https://arxiv.org/pdf/${row.id}`,
      };
    });
}
