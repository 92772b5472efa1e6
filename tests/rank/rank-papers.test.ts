import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankPapers } from '../../src/rank/rank-papers.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createPicksStore } from '../../src/store/picks-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { DIMS, MODEL, newId, rankDeps, seedState } from './seed-state.ts';

const tempDir = useTempDirs();
describe('rankPapers', () => {
  it('trains on the labels, picks mostly liked papers, skips duplicates and records the picks', async () => {
    const stateDir = await seedState(tempDir, { labels: true });
    const result = await rankPapers(rankDeps(stateDir), { date: '2026-11-21', evaluate: true });
    const ranking = result.models[0];
    expect(ranking?.mode).toBe('classifier');
    expect(ranking?.picks).toHaveLength(6);
    const top = ranking?.picks.filter((p) => p.reason === 'top') ?? [];
    expect(top).toHaveLength(4);
    for (const p of top) expect(Number(p.id.slice(5)) % 2).toBe(0);
    expect(ranking?.picks.filter((p) => p.reason === 'explore')).toHaveLength(2);
    expect(ranking?.picks.map((p) => p.id)).not.toContain(newId(40));
    expect(ranking?.duplicates).toBe(1);
    expect(ranking?.evaluation?.temporal.auc).toBeGreaterThan(0.9);
    expect(existsSync(join(stateDir, 'classifiers', MODEL, 'classifier.json'))).toBe(true);
    expect(existsSync(join(stateDir, 'classifiers', MODEL, 'metrics.json'))).toBe(true);
    expect(await createPicksStore(stateDir).forDate('2026-11-21')).toEqual(ranking?.picks);
    expect(isClean(await checkState(stateDir))).toBe(true);
  });

  it('returns the recorded picks on a re-run of the same date and never re-picks them later', async () => {
    const stateDir = await seedState(tempDir, { labels: true });
    const first = await rankPapers(rankDeps(stateDir), { date: '2026-11-21' });
    const again = await rankPapers(rankDeps(stateDir), { date: '2026-11-21' });
    expect(again.models[0]?.mode).toBe('recorded');
    expect(again.models[0]?.picks).toEqual(first.models[0]?.picks);
    expect(await createPicksStore(stateDir).readAll()).toHaveLength(6);
    // Everything was ranked: the next day has no candidates until new papers are collected.
    const empty = await rankPapers(rankDeps(stateDir), { date: '2026-11-22' });
    expect(empty.models[0]?.candidates).toBe(0);
    expect(empty.models[0]?.picks).toEqual([]);
    const later = ['2611.00050', '2611.00051', '2611.00052'];
    // Published long ago (a backfill), collected now: still new, because no rank has seen them.
    await createPapersStore(stateDir).upsert(
      later.map((id) =>
        makePaper(id, { published: '2026-01-05T12:00:00Z', updated: '2026-01-05T12:00:00Z' }),
      ),
    );
    await createEmbeddingsStore(stateDir, MODEL).upsert(
      later.map((id, i) => ({
        id,
        vector: Float32Array.from({ length: DIMS }, (_, j) => (j === i ? 1 : 0.1)),
      })),
    );
    const next = await rankPapers(rankDeps(stateDir), { date: '2026-11-23' });
    expect(next.models[0]?.candidates).toBe(3);
    expect(next.models[0]?.picks.map((p) => p.id).sort()).toEqual(later);
    const shown = new Set(first.models[0]?.picks.map((p) => p.id));
    for (const p of next.models[0]?.picks ?? []) expect(shown.has(p.id)).toBe(false);
  });

  it('never picks a paper the user already labeled', async () => {
    const stateDir = await seedState(tempDir, { labels: true });
    const labeled = new Set((await createLabelsStore(stateDir).readAll()).map((l) => l.id));
    const result = await rankPapers(rankDeps(stateDir), { date: '2026-11-21' });
    expect(result.models[0]?.picks.length).toBe(6);
    for (const p of result.models[0]?.picks ?? []) expect(labeled.has(p.id)).toBe(false);
  });

  it('falls back to the seed interests when labels are few', async () => {
    const stateDir = await seedState(tempDir, { labels: false });
    const result = await rankPapers(rankDeps(stateDir), { date: '2026-11-21' });
    const ranking = result.models[0];
    expect(ranking?.mode).toBe('cold-start');
    const top = ranking?.picks.filter((p) => p.reason === 'top') ?? [];
    expect(top.length).toBe(4);
    for (const p of top) expect(Number(p.id.slice(5)) % 2).toBe(0);
  });
});
