/**
 * The state a daily run of the pipeline bench starts from: 100k real-derived papers (bench/store-data),
 * their hashing vectors embedded by the app's own embed job (idf fitted as a real install would
 * have), the model's ANN index built and saved, a history of labels, and every seeded paper
 * recorded as ranked by an earlier day (so only the new papers are candidates, as in real use).
 * Built once into a cache directory (it takes minutes) and copied for each bench run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { embedderFor } from '../src/app/app-deps.ts';
import { readEnv } from '../src/config/env.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { systemClock } from '../src/core/clock.ts';
import { embedPapers } from '../src/embed/embed-papers.ts';
import { openModelIndex } from '../src/index/index-store.ts';
import { createLogger, silentLogger } from '../src/log/logger.ts';
import { LEXICAL_MODEL } from '../src/rank/lexical/vocabulary-state.ts';
import { loadLexicalModel, trainAndStoreLexical } from '../src/rank/rank-lexical.ts';
import { createEmbeddingsStore } from '../src/store/embeddings-store.ts';
import { createLabelsStore, type LabelChange } from '../src/store/labels-store.ts';
import { vocabularyPath } from '../src/store/lexical-vocabulary-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { statePaths } from '../src/store/paths.ts';
import { createFileStores } from '../src/store/stores.ts';
import { ARXIV_DIR, benchPapers } from './store-data.ts';

export const SEED_MODEL = 'hashing-384';
const SEED_VERSION = 4;

const SeedTimes = z.object({ papersMs: z.number(), embedMs: z.number(), indexMs: z.number() });
export type SeedTimes = z.infer<typeof SeedTimes>;

/** Every 250th paper labelled, alternating 👍/👎: 400 labels for 100k papers. */
function labelHistory(ids: readonly string[]): LabelChange[] {
  const changes: LabelChange[] = [];
  for (let i = 0; i < ids.length; i += 250) {
    const id = ids[i];
    if (id === undefined) continue;
    const label = (i / 250) % 2 === 0 ? 1 : -1;
    changes.push({
      kind: 'set',
      label: { id, label, source: 'telegram', user: 'bench', at: '2026-01-01T00:00:00Z' },
    });
  }
  return changes;
}

/** The last `count` lines of the dump (newest files last): the bench's new papers, kept out of the seed. */
export function heldOutLines(count: number): string[] {
  const files = readdirSync(ARXIV_DIR)
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
  const lines = files.flatMap((f) =>
    readFileSync(join(ARXIV_DIR, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== ''),
  );
  return lines.slice(-count);
}

const IdLine = z.object({ id: z.string() });

/** Papers and vectors stored: a seed interrupted after this point resumes at its index build. */
const VECTORS_DONE = '.vectors';
/** The cache holds what a previous day's tf-idf rank leaves (seedLexical). */
const LEXICAL_DONE = '.lexical';

/**
 * The model's ANN graph built from the stored vectors by the app's own opener (the 1M index build
 * figure); per-shard progress goes to the terminal.
 */
export async function buildSeedIndex(stateDir: string): Promise<number> {
  const start = performance.now();
  const vectors = createEmbeddingsStore(stateDir, SEED_MODEL);
  await openModelIndex({
    stateDir,
    model: SEED_MODEL,
    loadVectors: (options) => vectors.load(options),
    logger: createLogger({ terminal: true }),
  });
  return performance.now() - start;
}

async function buildSeed(
  stateDir: string,
  size: number,
  heldOut: readonly string[],
  mixAbstracts: boolean,
  log: (line: string) => void,
): Promise<SeedTimes> {
  const stored = join(stateDir, VECTORS_DONE);
  if (existsSync(stored)) {
    log('  papers and vectors already stored: building the index');
    const earlier = SeedTimes.parse(JSON.parse(readFileSync(stored, 'utf8')));
    return { ...earlier, indexMs: await buildSeedIndex(stateDir) };
  }
  const logger = silentLogger();
  const config = RadarConfig.parse({});
  const deps = {
    config,
    env: readEnv({}),
    stateDir,
    cwd: stateDir,
    logger,
    clock: systemClock,
    stores: createFileStores(stateDir),
  };
  const exclude = new Set(heldOut.map((line) => IdLine.parse(JSON.parse(line)).id));
  let papers = await benchPapers(size, exclude, { mixAbstracts });
  const ids = papers.map((p) => p.id);
  let start = performance.now();
  const store = createPapersStore(stateDir);
  await store.upsert(papers);
  papers = [];
  await createLabelsStore(stateDir).apply(labelHistory(ids));
  // Earlier days' runs ranked every seeded paper: only the bench's new papers are candidates.
  await deps.stores.picks.appendRanked({ date: '2026-01-01', at: '2026-01-01T00:00:00Z', ids });
  const papersMs = performance.now() - start;
  log(`  papers stored in ${(papersMs / 1000).toFixed(0)} s`);

  start = performance.now();
  const vectors = createEmbeddingsStore(stateDir, SEED_MODEL);
  // Stored in large batches: each store rewrites whole shards, and at 1M the default 8,192-row
  // flushes rewrote every shard several times (over an hour of the seed).
  await embedPapers(
    await embedderFor(deps, SEED_MODEL),
    { readPapers: () => store.readAll(), store: vectors, logger },
    { flushRows: 131_072, flushMs: Number.POSITIVE_INFINITY },
  );
  const embedMs = performance.now() - start;
  log(`  ${SEED_MODEL} vectors embedded in ${(embedMs / 1000).toFixed(0)} s`);
  writeFileSync(stored, JSON.stringify({ papersMs, embedMs, indexMs: 0 }));
  return { papersMs, embedMs, indexMs: await buildSeedIndex(stateDir) };
}

/**
 * What a previous day's lexical rank leaves in the state: the tf-idf vocabulary fitted over every
 * paper, the classifier trained on the labels and their rows cached (src/rank/rank-lexical.ts).
 */
async function seedLexical(stateDir: string, log: (line: string) => void): Promise<void> {
  const stores = createFileStores(stateDir);
  const deps = {
    stores,
    config: RadarConfig.parse({ ranking: { minLabelsPerClass: 1 } }),
    logger: silentLogger(),
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const model = await loadLexicalModel(deps);
  await trainAndStoreLexical(deps, model, await stores.labels.readAll());
  const used = process.cpuUsage(cpu);
  log(
    `  tf-idf vocabulary (${model.stored.termCount} terms) fitted and the labeled rows cached in ${((performance.now() - start) / 1000).toFixed(0)} s (${((used.user + used.system) / 1e6).toFixed(0)} s CPU)`,
  );
}

/**
 * A fresh copy of the seeded state in `target`; builds the cache first when missing. `lexical`
 * adds the state of a previous day's tf-idf rank to the cache (once) before copying it.
 */
export async function seededState(
  target: string,
  size: number,
  heldOut: readonly string[],
  log: (line: string) => void,
  options: { mixAbstracts?: boolean; lexical?: boolean } = {},
): Promise<SeedTimes | undefined> {
  const mix = options.mixAbstracts === true;
  const cache = join(
    tmpdir(),
    `radar-bench-pipeline-seed-v${SEED_VERSION}-${size}${mix ? '-mixed' : ''}-without-${heldOut.length}`,
  );
  const done = join(cache, '.seeded');
  let times: SeedTimes | undefined;
  if (!existsSync(done)) {
    log(`seeding ${size} papers + ${SEED_MODEL} vectors + index into ${cache} (once; cached for later runs)`);
    if (!existsSync(join(cache, VECTORS_DONE))) {
      rmSync(cache, { recursive: true, force: true });
      mkdirSync(cache, { recursive: true });
    }
    times = await buildSeed(cache, size, heldOut, mix, log);
    writeFileSync(done, JSON.stringify(times));
  }
  const lexicalDone = join(cache, LEXICAL_DONE);
  if (options.lexical === true && !existsSync(lexicalDone)) {
    await seedLexical(cache, log);
    writeFileSync(lexicalDone, '');
  }
  // `cp -a` keeps nanosecond mtimes, so the index (stamped with its shards' mtimes) stays valid.
  execFileSync('cp', ['-a', cache, target]);
  rmSync(join(target, '.seeded'));
  rmSync(join(target, LEXICAL_DONE), { force: true });
  rmSync(join(target, VECTORS_DONE), { force: true });
  if (options.lexical !== true) {
    // Without the lexical layer the copy holds no tf-idf state: a tfidf run fits it (a refit day).
    rmSync(dirname(vocabularyPath(target, LEXICAL_MODEL)), { recursive: true, force: true });
    rmSync(join(statePaths(target).indexDir, 'lexical'), { recursive: true, force: true });
  }
  // The papers cache is stamped with its CSV's inode, so a copy makes it stale: read once here,
  // as the previous day's run would have, so the measured run starts from warm derived files.
  await createPapersStore(target).readAll();
  await createEmbeddingsStore(target, SEED_MODEL).load();
  return times;
}
