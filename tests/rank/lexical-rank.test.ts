/** `radar rank` with the lexical model (the default) on real papers from tests/fixtures. */
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runRank } from '../../src/cli/commands/rank.ts';
import type { CommandContext } from '../../src/cli/context.ts';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { rankPapers } from '../../src/rank/rank-papers.ts';
import { storedIndexOpener } from '../../src/rank/stored-index.ts';
import { createClassifierStore } from '../../src/store/classifier-store.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createVocabularyStore } from '../../src/store/lexical-vocabulary-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const Row = z.object({ id: z.string(), title: z.string(), abstract: z.string(), published: z.string() });
const rows = readFileSync(new URL('../fixtures/ranking/arxiv-sample.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => Row.parse(JSON.parse(l)))
  .map((p) => ({ ...p, published: `${p.published.slice(0, 10)}T12:00:00Z` }));
const likes = (p: { title: string; abstract: string }) =>
  /retriev|RAG\b|rerank/i.test(`${p.title} ${p.abstract}`);
const old = rows.slice(0, 1200);
const fresh = rows.slice(1200, 1500);
const logger = pino({ level: 'silent' });

async function seed(labels: boolean): Promise<string> {
  const stateDir = tempDir();
  await createPapersStore(stateDir).upsert(
    [...old, ...fresh].map((p) =>
      makePaper(p.id, { title: p.title, abstract: p.abstract, published: p.published, updated: p.published }),
    ),
  );
  if (labels) {
    const labeled = old.filter((_, i) => i % 4 === 0);
    await createLabelsStore(stateDir).apply(
      labeled.map((p) => ({
        kind: 'set' as const,
        label: {
          id: p.id,
          label: likes(p) ? (1 as const) : (-1 as const),
          source: 'cli' as const,
          user: 'u',
          at: p.published,
        },
      })),
    );
  }
  return stateDir;
}

function deps(stateDir: string, seedInterests: string[] = ['retrieval augmented generation']) {
  const stores = createFileStores(stateDir);
  const config = RadarConfig.parse({ ranking: { picksPerDay: 10, exploreShare: 0, seedInterests } });
  return {
    stores,
    openIndex: storedIndexOpener(stateDir, stores, logger),
    config,
    logger,
    embedderFor: async () => async () => [],
  };
}

describe('ranking with the lexical model', () => {
  it('fits the vocabulary, trains the SVM with a k-fold C, and picks what the user likes', async () => {
    const stateDir = await seed(true);
    const result = await rankPapers(deps(stateDir), { date: '2026-07-10' });
    const ranking = result.models[0];
    expect(ranking?.model).toBe('tfidf');
    expect(ranking?.mode).toBe('classifier');
    const picked = new Map(rows.map((p) => [p.id, p]));
    const liked = ranking?.picks.filter((p) => likes(picked.get(p.id) ?? { title: '', abstract: '' })) ?? [];
    expect(ranking?.picks).toHaveLength(10);
    expect(liked.length).toBeGreaterThanOrEqual(7);
    const vocabulary = await createVocabularyStore(stateDir).read('tfidf');
    expect(vocabulary?.docCount).toBe(1500);
    expect(vocabulary?.settings).toMatchObject({ stemming: 'porter', ngramMax: 2, maxDf: 0.5 });
    const classifier = await createClassifierStore(stateDir).readClassifier('tfidf');
    expect(classifier?.kind).toBe('linear-svm');
    expect(classifier?.regularization?.grid.length).toBeGreaterThan(1);
    expect(classifier?.regularization?.grid.map((g) => g.c)).toContain(classifier?.regularization?.c);
    expect(isClean(await checkState(stateDir))).toBe(true);
  }, 60_000);

  it('starts cold from the seed interests scored by BM25', async () => {
    const stateDir = await seed(false);
    const result = await rankPapers(deps(stateDir), { date: '2026-07-10' });
    const ranking = result.models[0];
    expect(ranking?.mode).toBe('cold-start');
    const byId = new Map(rows.map((p) => [p.id, p]));
    const liked = ranking?.picks.filter((p) => likes(byId.get(p.id) ?? { title: '', abstract: '' })) ?? [];
    expect(liked.length).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it('prints the comparison with the arxiv-sanity baseline, and the same as JSON with every test score', async () => {
    const stateDir = await seed(true);
    const ctx: CommandContext = {
      env: readEnv({}),
      loaded: { config: deps(stateDir).config, file: undefined, overridden: [] },
      stateDir,
      logger,
      cwd: stateDir,
      stores: createFileStores(stateDir),
    };
    const lines: string[] = [];
    expect(await runRank(ctx, { date: '2026-07-10', eval: true }, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(
      /temporal split: train 240 older, test 60 newer labels; stratified 5-fold over 300 labels/,
    );
    expect(lines[1]).toMatch(/^ {2}tfidf +temporal ROC-AUC [01]\.\d{3}, precision@10 per day/);
    expect(lines[2]).toMatch(/^ {2}arxiv-sanity +temporal ROC-AUC [01]\.\d{3}/);
    expect(lines[3]).toMatch(/^verdict: tfidf (beats|ties with|loses to) the arxiv-sanity baseline/);
    const stateJson = await seed(true);
    const out: string[] = [];
    await runRank(
      { ...ctx, stateDir: stateJson, stores: createFileStores(stateJson) },
      { date: '2026-07-10', eval: true, json: true },
      (l) => out.push(l),
    );
    const json = z
      .object({
        models: z.array(
          z.object({
            verdict: z.string(),
            split: z.object({
              train: z.array(z.object({ id: z.string(), label: z.number() })),
              test: z.array(z.object({ id: z.string(), label: z.number() })),
            }),
            models: z.array(z.object({ model: z.string(), scores: z.record(z.string(), z.number()) })),
          }),
        ),
      })
      .parse(JSON.parse(out.join('\n')));
    const first = json.models[0];
    expect(first?.split.train).toHaveLength(240);
    expect(first?.models.map((m) => m.model)).toEqual(['tfidf', 'arxiv-sanity']);
    for (const m of first?.models ?? [])
      expect(Object.keys(m.scores).sort()).toEqual(first?.split.test.map((t) => t.id).sort());
  }, 120_000);

  it('refuses a ranking model that is neither tfidf nor an embedding model', async () => {
    const stateDir = await seed(false);
    const d = deps(stateDir);
    const config = RadarConfig.parse({ ranking: { models: ['nope'] } });
    await expect(rankPapers({ ...d, config }, { date: '2026-07-10' })).rejects.toThrow(
      /ranking.models names "nope"/,
    );
  });
});
