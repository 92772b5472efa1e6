/**
 * The lexical model's stored rows (index/lexical/tfidf/<YYMM>.bin) inside the rank job: read
 * when they were made from the same text under the same vocabulary, rebuilt when stale (a paper's
 * text changed, the vocabulary refitted, a torn file), and always the rows — and so the scores —
 * that transforming the texts gives.
 */
import { readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RadarConfig } from '../../src/config/schema.ts';
import type { SparseRow } from '../../src/rank/lexical/sparse-row.ts';
import {
  type LexicalModel,
  loadLexicalModel,
  paperText,
  trainAndScoreLexical,
  trainAndStoreLexical,
} from '../../src/rank/rank-lexical.ts';
import { lexicalRowsPath } from '../../src/store/lexical-rows-store.ts';
import type { Label, Paper } from '../../src/store/schemas.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const Row = z.object({ id: z.string(), title: z.string(), abstract: z.string() });
const rows = readFileSync(new URL('../fixtures/ranking/arxiv-sample.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => Row.parse(JSON.parse(l)));
const papers = rows.slice(0, 700).map((p) => makePaper(p.id, { title: p.title, abstract: p.abstract }));
const later = rows.slice(700, 800).map((p) => makePaper(p.id, { title: p.title, abstract: p.abstract }));
const likes = (p: Paper) => /retriev|RAG\b|rerank/i.test(paperText(p));
const labels: Label[] = papers
  .filter((_, i) => i % 3 === 0)
  .map((p) => ({ id: p.id, label: likes(p) ? 1 : -1, source: 'cli', user: 'u', at: '2026-07-01T00:00:00Z' }));

function depsOf(stateDir: string) {
  return {
    stores: createFileStores(stateDir),
    config: RadarConfig.parse({ ranking: { minLabelsPerClass: 3 } }),
    logger: pino({ level: 'silent' }),
    now: () => new Date('2026-07-02T00:00:00Z'),
  };
}

async function rowsVia(model: LexicalModel, of: readonly Paper[]) {
  const out: SparseRow[] = new Array(of.length);
  const stats = await model.visitRows(of, (i, row) => {
    out[i] = { indices: row.indices.slice(), values: row.values.slice() };
  });
  return { rows: out, stats };
}

function expectRowsOfText(model: LexicalModel, of: readonly Paper[], got: readonly SparseRow[]): void {
  of.forEach((p, i) => {
    const want = model.transform(paperText(p));
    expect(Array.from(got[i]?.indices ?? [])).toEqual(Array.from(want.indices));
    expect(Array.from(got[i]?.values ?? [])).toEqual(Array.from(want.values));
  });
}

describe('the stored tf-idf rows of the lexical model', () => {
  it('reads what it stored, and scores as the texts do', async () => {
    const stateDir = tempDir();
    const deps = depsOf(stateDir);
    await deps.stores.papers.upsert(papers);
    const model = await loadLexicalModel(deps);
    const first = await rowsVia(model, papers);
    expect(first.stats).toMatchObject({ cached: 0, transformed: papers.length });
    expect(readdirSync(join(stateDir, 'index', 'lexical', 'tfidf')).length).toBe(first.stats.shardsWritten);
    const again = await rowsVia(model, papers);
    expect(again.stats).toEqual({ cached: papers.length, transformed: 0, shardsWritten: 0 });
    expectRowsOfText(model, papers, again.rows);

    const scored = await trainAndScoreLexical(deps, model, labels, papers);
    expect(scored.mode).toBe('classifier');
    const { trained } = await trainAndStoreLexical(deps, model, labels);
    papers.forEach((p, i) => {
      expect(scored.scores[i]).toBeCloseTo(trained?.score(model.transform(paperText(p))) ?? Number.NaN, 12);
    });
  }, 60_000);

  it('transforms again a paper whose text changed, and only that one', async () => {
    const stateDir = tempDir();
    const deps = depsOf(stateDir);
    await deps.stores.papers.upsert(papers);
    const model = await loadLexicalModel(deps);
    await rowsVia(model, papers);
    const edited = papers.map((p, i) =>
      i === 5
        ? { ...p, abstract: `${p.abstract} Retrieval augmented reranking.`, updated: '2026-07-01T00:00:00Z' }
        : p,
    );
    const after = await rowsVia(model, edited);
    expect(after.stats).toEqual({ cached: papers.length - 1, transformed: 1, shardsWritten: 1 });
    expectRowsOfText(model, edited, after.rows);
    expect(after.rows[5]?.indices).not.toEqual(model.transform(paperText(papers[5] as Paper)).indices);
    expect((await rowsVia(model, edited)).stats.transformed).toBe(0);
  }, 60_000);

  it('rebuilds a torn shard file, and every shard after the vocabulary is refitted', async () => {
    const stateDir = tempDir();
    const deps = depsOf(stateDir);
    await deps.stores.papers.upsert(papers);
    const model = await loadLexicalModel(deps);
    await rowsVia(model, papers);
    const shard = papers[0]?.id.slice(0, 4) ?? '';
    const inShard = papers.filter((p) => p.id.startsWith(shard)).length;
    const file = lexicalRowsPath(stateDir, 'tfidf', shard);
    truncateSync(file, Math.floor(readFileSync(file).length / 2));
    const torn = await rowsVia(model, papers);
    expect(torn.stats).toEqual({ cached: papers.length - inShard, transformed: inShard, shardsWritten: 1 });
    expectRowsOfText(model, papers, torn.rows);

    await deps.stores.papers.upsert(later); // 800 papers: more than 10 % growth, so a refit
    const refitted = await loadLexicalModel(deps);
    expect(refitted.stored.docCount).toBe(papers.length + later.length);
    const rebuilt = await rowsVia(refitted, papers);
    expect(rebuilt.stats.cached).toBe(0);
    expectRowsOfText(refitted, papers, rebuilt.rows);
    expect((await rowsVia(refitted, papers)).stats.cached).toBe(papers.length);
  }, 60_000);
});
