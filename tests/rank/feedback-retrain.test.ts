/** The feedback poll's retraining covers the lexical model: new labels give a new `tfidf` classifier. */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RadarConfig } from '../../src/config/schema.ts';
import { retrainIfLabelsChanged } from '../../src/rank/train-classifiers.ts';
import { createMemoryStores } from '../../src/store/memory/memory-stores.ts';
import { makePaper } from '../helpers/papers.ts';

const Row = z.object({ id: z.string(), title: z.string(), abstract: z.string(), published: z.string() });
const rows = readFileSync(new URL('../fixtures/ranking/arxiv-sample.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .slice(0, 600)
  .map((l) => Row.parse(JSON.parse(l)))
  .map((p) => ({ ...p, published: `${p.published.slice(0, 10)}T12:00:00Z` }));
const likes = (p: { title: string; abstract: string }) =>
  /retriev|RAG\b|rerank/i.test(`${p.title} ${p.abstract}`);
const config = RadarConfig.parse({ ranking: { minLabelsPerClass: 3 } });
const label = (p: (typeof rows)[number], at: string) => ({
  kind: 'set' as const,
  label: { id: p.id, label: likes(p) ? (1 as const) : (-1 as const), source: 'cli' as const, user: 'u', at },
});

describe('retraining after the feedback poll', () => {
  it('trains and stores the lexical classifier when labels changed, and again for a newer label', async () => {
    const stores = createMemoryStores();
    await stores.papers.upsert(
      rows.map((p) => makePaper(p.id, { title: p.title, abstract: p.abstract, published: p.published })),
    );
    const deps = (iso: string) => ({
      stores,
      config,
      logger: pino({ level: 'silent' }),
      now: () => new Date(iso),
    });
    const labels = stores.labels;
    await labels.apply(rows.filter((_, i) => i % 3 === 0).map((p) => label(p, '2026-06-01T08:00:00Z')));
    const first = await retrainIfLabelsChanged(deps('2026-06-01T09:00:00Z'), 200);
    const lexical = first.find((o) => o.model === 'tfidf');
    expect(lexical?.trained).toBe(true);
    expect((lexical?.positives ?? 0) + (lexical?.negatives ?? 0)).toBe(200);
    const stored = await stores.classifiers.readClassifier('tfidf');
    expect(stored).toMatchObject({
      kind: 'linear-svm',
      trainedAt: '2026-06-01T09:00:00.000Z',
      positives: lexical?.positives,
    });
    expect(stored?.regularization?.grid.length).toBeGreaterThan(1);

    // A label a chat bot wrote after the last training.
    await labels.apply([label(rows[1] as (typeof rows)[number], '2026-06-01T11:00:00Z')]);
    const second = await retrainIfLabelsChanged(deps('2026-06-01T12:00:00Z'), 0);
    const again = second.find((o) => o.model === 'tfidf');
    expect(again?.trained).toBe(true);
    expect((again?.positives ?? 0) + (again?.negatives ?? 0)).toBe(201);
    expect((await stores.classifiers.readClassifier('tfidf'))?.trainedAt).toBe('2026-06-01T12:00:00.000Z');
  }, 60_000);
});
