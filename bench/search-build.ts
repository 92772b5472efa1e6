/**
 * `npm run bench -- search-build`: the persistent BM25 index over a state of BENCH_N (100k)
 * papers on disk, each measured in a child process of its own (this file run with `--child STATE`,
 * which opens the index exactly as `radar search` does and prints its figures as JSON):
 *
 * 1. a full build (no index yet): CPU seconds of the index call, peak RSS of the process;
 * 2. a load (nothing changed);
 * 3. an update after a day's 500 new papers were added to the newest shard (a day segment);
 * 4. a load of the base and the day segment;
 * 5. queries as `radar search` runs them (the papers corpus opened over the stores, the default
 *    BM25 version, k 10, snippets on): the corpus's open time, then warm p50/p95 over 300 queries
 *    (half three title words, half an abstract's first sentence, from the real papers).
 *
 * Papers: the real arXiv records repeated under distinct ids (month-sized shards), each abstract
 * replaced by a mix of two real abstracts (bench/corpus.ts) so the vocabulary grows as a real one.
 * Targets: build < 20 s CPU and < 300 MB peak RSS at 100k; the day's update < 1 s; query p95
 * < 30 ms at 100k, < 100 ms at 1M.
 * Env: BENCH_N (default 100000). At 1M run with NODE_OPTIONS=--max-old-space-size=16000.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { compareIds } from '../src/core/arxiv-id.ts';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';
import { createSearchEngine } from '../src/search/create-engine.ts';
import { openPapersCorpus, PERSISTENT_ANALYZER } from '../src/search/papers-corpus.ts';
import { syncPapersIndex } from '../src/search/papers-index.ts';
import { storedPapersIndex } from '../src/search/stored-papers-index.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import type { Paper } from '../src/store/schemas.ts';
import { searchIndexDir } from '../src/store/search-index-store.ts';
import { createFileStores } from '../src/store/stores.ts';
import { type CorpusPaper, loadCorpus, mixedTexts, sentences } from './corpus.ts';
import { peakRssMb } from './peak-rss.ts';
import { queryLatency } from './query-latency.ts';
import { ARXIV_DIR, benchPapers } from './store-data.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

interface ChildFigures {
  origin: string;
  added: number;
  documents: number;
  terms: number;
  postings: number;
  cpuSeconds: number;
  wallSeconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** 300 queries from the real papers: three title words, or an abstract's first sentence. */
function benchQueries(): string[] {
  const papers = loadCorpus(ARXIV_DIR);
  const random = createRandom(21);
  return sampleIndices(papers.length, 300, random).map((i, n) => {
    const paper = papers[i] as CorpusPaper;
    if (n % 2 === 1) return sentences(paper.abstract)[0] ?? paper.title;
    const words = [...new Set(paper.title.toLowerCase().match(/[\p{L}\p{N}-]{4,}/gu) ?? [])];
    return sampleIndices(words.length, Math.min(3, words.length), random)
      .map((j) => words[j])
      .join(' ');
  });
}

/** In the child: `radar search`'s own path, timed query by query. */
async function childQueries(stateDir: string): Promise<void> {
  const queries = benchQueries().filter((q) => q.trim() !== '');
  const t0 = performance.now();
  const corpus = await openPapersCorpus({
    stores: createFileStores(stateDir),
    files: storedPapersIndex(stateDir),
  });
  const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus });
  await engine.search(queries[0] ?? 'retrieval', { k: 10 });
  const openSeconds = (performance.now() - t0) / 1000;
  const latency = await queryLatency(engine, queries);
  out(
    JSON.stringify({
      queries: queries.length,
      openSeconds,
      ...latency,
      peakRssMb: peakRssMb(),
    }),
  );
}

/** In the child: open the index, print the figures of that call alone. */
async function childMain(stateDir: string): Promise<void> {
  const rssBefore = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const result = await syncPapersIndex(
    { stores: createFileStores(stateDir), files: storedPapersIndex(stateDir) },
    PERSISTENT_ANALYZER,
  );
  const used = process.cpuUsage(cpu);
  const figures: ChildFigures = {
    origin: result.origin,
    added: result.added,
    documents: result.lexical.index.docIds.length,
    terms: result.lexical.index.terms.length,
    postings: result.lexical.index.postingDocs.length,
    cpuSeconds: (used.user + used.system) / 1e6,
    wallSeconds: (performance.now() - t0) / 1000,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: peakRssMb(),
  };
  out(JSON.stringify(figures));
}

function runChild(stateDir: string, mode = '--child'): ChildFigures {
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, mode, stateDir], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..'),
    maxBuffer: 2 ** 26,
  });
  if (result.status !== 0) throw new Error(`index child failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
}

const QueryFigures = z.object({
  queries: z.number(),
  openSeconds: z.number(),
  cpuP50: z.number(),
  cpuP95: z.number(),
  wallP50: z.number(),
  wallP95: z.number(),
  peakRssMb: z.number(),
});

/** The files under index/bm25 with their sizes: what a build or an update wrote. */
function indexFiles(stateDir: string): string {
  const dir = searchIndexDir(stateDir);
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const bytes = statSync(join(dir, name)).size;
      return `${name} ${bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`}`;
    })
    .join(', ');
}

function report(label: string, f: ChildFigures): void {
  out(
    `${label.padEnd(22)} ${f.origin.padEnd(8)} ${String(f.documents).padStart(7)} docs (+${f.added}): CPU ${f.cpuSeconds.toFixed(2)} s, wall ${f.wallSeconds.toFixed(2)} s; RSS ${f.rssBeforeMb.toFixed(0)} MB before, peak ${f.peakRssMb.toFixed(0)} MB`,
  );
}

async function seedState(stateDir: string, n: number): Promise<Paper[]> {
  const papers = await benchPapers(n + 500);
  const texts = mixedTexts(loadCorpus(ARXIV_DIR), n + 500, 7);
  papers.forEach((p, i) => {
    p.abstract = texts[i] ?? p.abstract;
  });
  papers.sort((a, b) => compareIds(a.id, b.id));
  // The day's papers: the last 500 ids of the newest shard, added after the first build.
  const day = papers.splice(papers.length - 500, 500);
  const store = createPapersStore(stateDir);
  for (let at = 0; at < papers.length; at += 20_000) await store.upsert(papers.slice(at, at + 20_000));
  return day;
}

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_N ?? 100_000);
  const stateDir = mkdtempSync(join(tmpdir(), 'radar-search-build-'));
  try {
    const seedCpu = process.cpuUsage();
    const day = await seedState(stateDir, n);
    const seeded = process.cpuUsage(seedCpu);
    out(
      `State of ${n} papers written to ${stateDir} (CPU ${((seeded.user + seeded.system) / 1e6).toFixed(1)} s)`,
    );
    const build = runChild(stateDir);
    report('build (no index)', build);
    out(`  ${build.terms} terms, ${build.postings} postings; index files: ${indexFiles(stateDir)}`);
    report('load (unchanged)', runChild(stateDir));
    await createPapersStore(stateDir).upsert(day);
    report('update (+500 papers)', runChild(stateDir));
    out(`  index files: ${indexFiles(stateDir)}`);
    report('load (base + day)', runChild(stateDir));
    const q = QueryFigures.parse(runChild(stateDir, '--queries'));
    out(
      `radar search (bm25, k 10, snippets): corpus + index opened in ${q.openSeconds.toFixed(1)} s; ${q.queries} warm queries CPU p50 ${q.cpuP50.toFixed(1)} ms, p95 ${q.cpuP95.toFixed(1)} ms; wall p50 ${q.wallP50.toFixed(1)} ms, p95 ${q.wallP95.toFixed(1)} ms; peak RSS ${q.peakRssMb.toFixed(0)} MB`,
    );
    out(
      "Each figure is the child process's own: CPU by process.cpuUsage() around the index call, peak RSS by getrusage (whole process, tsx loader included).",
    );
    out('The machine is shared by several jobs: wall times overstate.');
  } finally {
    if (existsSync(stateDir)) rmSync(stateDir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
const queriesAt = process.argv.indexOf('--queries');
if (childAt >= 0) await childMain(process.argv[childAt + 1] ?? '');
else if (queriesAt >= 0) await childQueries(process.argv[queriesAt + 1] ?? '');
else await main();
