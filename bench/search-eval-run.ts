/**
 * `npx tsx bench/search-eval-run.ts`: wall and CPU time of `radar eval search run --beir` over a
 * 100k-document BEIR collection (the 20k real abstracts of ../shared/data/arxiv plus mixed
 * abstracts up to BENCH_N) with a dev bank of BENCH_QUERIES title-keyword questions, 4 workers.
 * Runs it twice: the first builds the BM25 index and caches it under index/beir/, the second
 * loads it. Target: a run < 60 s. Prints each run's wall s, CPU s (GNU time) and peak RSS.
 * Env: RADAR_BENCH_ARXIV (data dir), BENCH_N (default 100000), BENCH_QUERIES (default 300).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRandom } from '../src/rank/prng.ts';
import { loadCorpus, mixedTexts } from './corpus.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const dataDir = resolve(
  process.env.RADAR_BENCH_ARXIV ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv'),
);
const total = Number(process.env.BENCH_N ?? 100_000);
const queryCount = Number(process.env.BENCH_QUERIES ?? 300);
const STOP = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'in', 'on', 'with', 'to', 'via', 'by', 'from']);

function writeCollection(dir: string): void {
  const papers = loadCorpus(dataDir);
  const lines = papers.map((p) => JSON.stringify({ _id: p.id, title: p.title, text: p.abstract }));
  const mixed = mixedTexts(papers, Math.max(0, total - papers.length), 7);
  for (const [i, text] of mixed.entries()) lines.push(JSON.stringify({ _id: `mix-${i}`, title: '', text }));
  writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  const random = createRandom(11);
  const queries: string[] = [];
  const qrels = ['query-id\tcorpus-id\tscore'];
  for (let q = 0; q < queryCount; q++) {
    const paper = papers[Math.floor(random() * papers.length)];
    if (paper === undefined) continue;
    const words = paper.title
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter((w) => w.length > 2 && !STOP.has(w));
    queries.push(JSON.stringify({ _id: `q${q}`, text: words.slice(0, 4).join(' ') }));
    qrels.push(`q${q}\t${paper.id}\t1`);
  }
  writeFileSync(join(dir, 'queries.jsonl'), `${queries.join('\n')}\n`);
  mkdirSync(join(dir, 'qrels'));
  writeFileSync(join(dir, 'qrels', 'test.tsv'), `${qrels.join('\n')}\n`);
}

function radar(state: string, args: string[]): { wall: number; cpu: number; rssMb: number; stdout: string } {
  const started = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %U %S %M',
      process.execPath,
      join(import.meta.dirname, '..', 'bin', 'radar.js'),
      '--state',
      state,
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`radar ${args.join(' ')} failed: ${child.stderr}`);
  const [, user, sys, rss] = child.stderr.match(/TIME (\S+) (\S+) (\d+)/) ?? [];
  return { wall, cpu: Number(user) + Number(sys), rssMb: Number(rss) / 1024, stdout: child.stdout };
}

const root = mkdtempSync(join(tmpdir(), 'search-eval-run-'));
try {
  const beir = join(root, 'beir');
  mkdirSync(beir);
  writeCollection(beir);
  const state = join(root, 'state');
  radar(state, ['eval', 'search', 'bank', 'import', '--beir', beir]);
  out(
    `collection: ${total} documents, ${queryCount} questions, 4 workers (machine shared: wall times inflated)`,
  );
  for (const label of ['first run (builds + caches the index)', 'second run (loads the cached index)']) {
    const r = radar(state, ['eval', 'search', 'run', '--version', 'bm25', '--beir', beir, '--workers', '4']);
    const metrics = r.stdout.match(/P@10 .*/)?.[0] ?? '';
    out(
      `${label}: wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s, peak RSS ${r.rssMb.toFixed(0)} MB  ${r.wall < 60 ? 'PASS' : 'MISS'} (< 60 s)`,
    );
    out(`  ${metrics}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
