/**
 * Builds tests/fixtures/insights-papers.jsonl from ../shared/data/arxiv: the papers published
 * 2026-05-27 … 2026-06-30 (35 days: a 7-day trend window after a 28-day baseline), a seeded
 * uniform sample of them plus up to 70 papers per planted interest and 60 disliked ones of the
 * proxy user (tests/helpers/proxy-user.ts), so each planted interest has enough likes.
 * Authors are cut to three. Run: npx tsx scripts/make-insights-fixture.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';
import { proxyLabel } from '../tests/helpers/proxy-user.ts';

const SOURCE = join(import.meta.dirname, '../../shared/data/arxiv');
const OUT = join(import.meta.dirname, '../tests/fixtures/insights-papers.jsonl');
const FIRST = '2026-05-27';
const LAST = '2026-06-30';
const UNIFORM = 1150;
const PER_INTEREST = 70;
const DISLIKES = 60;

interface Row {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  categories: string[];
  published: string;
  comment?: string | null;
}

const rows: Row[] = ['2026-05.jsonl', '2026-06.jsonl', '2026-07.jsonl']
  .flatMap((f) => readFileSync(join(SOURCE, f), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row)
  .filter((r) => r.published >= FIRST && r.published <= LAST);
const random = createRandom(20260630);
const chosen = new Set(sampleIndices(rows.length, UNIFORM, random).map((i) => rows[i]?.id ?? ''));
const quota = new Map<string, number>();
for (const row of rows) {
  const label = proxyLabel(row);
  const key = label === undefined ? undefined : label.kind === 'like' ? label.interest : 'dislike';
  if (key === undefined || chosen.has(row.id)) continue;
  const used = quota.get(key) ?? 0;
  if (used >= (key === 'dislike' ? DISLIKES : PER_INTEREST)) continue;
  quota.set(key, used + 1);
  chosen.add(row.id);
}
const out = rows
  .filter((r) => chosen.has(r.id))
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((r) =>
    JSON.stringify({
      id: r.id,
      title: r.title,
      abstract: r.abstract,
      authors: r.authors.slice(0, 3),
      categories: r.categories,
      published: r.published,
      ...(r.comment ? { comment: r.comment } : {}),
    }),
  );
writeFileSync(OUT, `${out.join('\n')}\n`);
process.stdout.write(`${out.length} papers of ${rows.length} → ${OUT}\n`);
