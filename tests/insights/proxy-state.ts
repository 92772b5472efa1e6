/**
 * The proxy user's world for the insights tests: the real papers of tests/fixtures/insights-papers.jsonl
 * (see scripts/make-insights-fixture.ts), labels planted by tests/helpers/proxy-user.ts, vectors of the
 * built-in hashing embedder (idf fitted on the fixture), written into a state directory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createHashingEmbedder } from '../../src/embed/backends/hashing.ts';
import { paperText } from '../../src/embed/embed-papers.ts';
import type { VectorMatrix } from '../../src/rank/vector-matrix.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import type { Label, Paper } from '../../src/store/schemas.ts';
import { type PlantedInterest, proxyLabel } from '../helpers/proxy-user.ts';

export const MODEL = 'hashing-384';
const DIMS = 384;

const FixtureRow = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  comment: z.string().optional(),
});
export type FixtureRow = z.infer<typeof FixtureRow>;

export function readFixture(): FixtureRow[] {
  const file = join(import.meta.dirname, '../fixtures/insights-papers.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => FixtureRow.parse(JSON.parse(line)));
}

export function toPaper(row: FixtureRow): Paper {
  const at = `${row.published}T12:00:00Z`;
  return {
    id: row.id,
    version: 1,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors,
    categories: row.categories,
    primaryCategory: row.categories[0] ?? 'cs.AI',
    ...(row.comment ? { comment: row.comment } : {}),
    published: at,
    updated: at,
    absUrl: `https://arxiv.org/abs/${row.id}`,
    pdfUrl: `https://arxiv.org/pdf/${row.id}`,
  };
}

/** The planted interest of each liked paper. */
export function plantedInterests(rows: readonly FixtureRow[]): Map<string, PlantedInterest> {
  const out = new Map<string, PlantedInterest>();
  for (const row of rows) {
    const label = proxyLabel(row);
    if (label?.kind === 'like') out.set(row.id, label.interest);
  }
  return out;
}

/** A 👍/👎 per rule, given the day after the paper was published. */
export function proxyLabels(rows: readonly FixtureRow[]): Label[] {
  return rows.flatMap((row): Label[] => {
    const label = proxyLabel(row);
    if (label === undefined) return [];
    const next = new Date(`${row.published}T09:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return [
      {
        id: row.id,
        label: label.kind === 'like' ? 1 : -1,
        source: 'cli',
        user: 'proxy',
        at: next.toISOString(),
      },
    ];
  });
}

export async function embedFixture(rows: readonly FixtureRow[]): Promise<VectorMatrix> {
  const embedder = createHashingEmbedder({ id: MODEL, dims: DIMS });
  const texts = rows.map((r) => paperText(r, embedder.maxInputTokens));
  embedder.fit(texts);
  const vectors = await embedder.embed(texts);
  const data = new Float32Array(rows.length * DIMS);
  vectors.forEach((v, i) => {
    data.set(v, i * DIMS);
  });
  return { ids: rows.map((r) => r.id), dims: DIMS, data };
}

/** Papers, labels and vectors of the proxy user in `stateDir`. */
export async function writeProxyState(stateDir: string, rows: readonly FixtureRow[]): Promise<void> {
  await createPapersStore(stateDir).upsert(rows.map(toPaper));
  await createLabelsStore(stateDir).apply(proxyLabels(rows).map((label) => ({ kind: 'set', label })));
  const matrix = await embedFixture(rows);
  const store = createEmbeddingsStore(stateDir, MODEL);
  await store.writeMeta({
    model: MODEL,
    backend: 'hashing',
    dims: DIMS,
    normalize: true,
    createdAt: '2026-07-01T00:00:00Z',
  });
  await store.upsert(
    matrix.ids.map((id, i) => ({ id, vector: matrix.data.slice(i * DIMS, (i + 1) * DIMS) })),
  );
}
