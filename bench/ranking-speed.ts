/**
 * `npx tsx bench/ranking-speed.ts`: the lexical model at 100k papers (BENCH_N) — vocabulary fit,
 * the rows cache, training on 10k labels with the k-fold choice of C and max_df, and scoring
 * every paper from the cache. The corpus has 20k real papers, so the 100k are mixed abstracts
 * (first half of one paper's sentences, second half of another's; bench/corpus.ts). They are
 * written once to a text file (one per line, kept in the temp dir), and each phase — fitting the
 * vocabulary (stored as the rank job stores it), a first rank that transforms every paper and
 * stores its rows, and a rank that trains on 10k labels and scores every paper from the stored
 * rows — runs in its own process reading that file one shard at a time, each text decoded when
 * the rows cache asks for it: its peak RSS is that phase's model (counter, vocabulary, rows
 * cache, classifier), not the bench corpus. The rows cache is the rank
 * job's own (src/rank/lexical/rows-cache.ts over the file store, 10 papers shards). CPU seconds
 * and peak RSS are given beside wall time: the machine is shared.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEXICAL_TRAINING, trainLexicalClassifier } from '../src/rank/lexical/lexical-classifier.ts';
import { type RowsCacheDeps, visitRows, vocabularyStamp } from '../src/rank/lexical/rows-cache.ts';
import { type CsrMatrix, createRowBlocks } from '../src/rank/lexical/sparse-matrix.ts';
import { RADAR_TFIDF } from '../src/rank/lexical/text-rankers.ts';
import { createTfidfCounter, createTfidfTransform, type TfidfTransform } from '../src/rank/lexical/tfidf.ts';
import { LEXICAL_MODEL, settingsOf, transformVocabularyOf } from '../src/rank/lexical/vocabulary-state.ts';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';
import { createLexicalRowsStore } from '../src/store/lexical-rows-store.ts';
import { createVocabularyStore, type StoredVocabulary } from '../src/store/lexical-vocabulary-store.ts';
import { createReadBuffer } from '../src/store/read-buffer.ts';
import { loadCorpus, textOf } from './corpus.ts';
import { peakRssMb } from './peak-rss.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const n = Number(process.env.BENCH_N ?? 100_000);
const SHARDS = 10;
const peakMb = (): string => `${peakRssMb().toFixed(0)} MB peak RSS`;

/** Mixed abstract i, as `mixedTexts(corpus, n, 7)[i]`, written one per line. */
function writeTexts(file: string): void {
  const split = loadCorpus(resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv')).map((p) =>
    textOf(p)
      .replace(/\s+/g, ' ')
      .split(/(?<=[.!?])\s+/)
      .filter((x) => x.length > 0),
  );
  const random = createRandom(7);
  const pairs = Uint32Array.from({ length: 2 * n }, () => Math.floor(random() * split.length));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = split[pairs[2 * i] ?? 0] ?? [];
    const b = split[pairs[2 * i + 1] ?? 0] ?? [];
    lines.push([...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.ceil(b.length / 2))].join(' '));
  }
  writeFileSync(`${file}.part`, `${lines.join('\n')}\n`);
  renameSync(`${file}.part`, file);
}

function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  return fn().then((value) => {
    const used = process.cpuUsage(cpu);
    const wall = ((performance.now() - start) / 1000).toFixed(2);
    out(`${label}: ${wall} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; ${peakMb()}`);
    return value;
  });
}

/** A bench paper: its id and where its line lies in the bytes it is read from. */
interface BenchPaper {
  id: string;
  from: number;
  to: number;
}

const perShard = Math.ceil(n / SHARDS);
/** Paper i's id: consecutive papers share a shard (2601, 2602, …), as a month's papers do. */
const idOf = (i: number): string =>
  `26${String(1 + Math.floor(i / perShard)).padStart(2, '0')}.${String(i % perShard).padStart(5, '0')}`;

/** The byte offset where each line starts, and one past the last line's newline (n + 1 entries). */
async function lineStarts(file: string): Promise<Float64Array> {
  const starts = new Float64Array(n + 1);
  let line = 1;
  let at = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i >= 0 && line <= n; i = chunk.indexOf(10, i + 1))
      starts[line++] = at + i + 1;
    at += chunk.length;
  }
  return starts;
}

/**
 * The papers one shard at a time, with their texts decoded from the shard's bytes as asked: the
 * texts are the store's, not the model's, and as strings held across the cache's reads they were
 * a shard's worth of old-generation garbage each, which is what the phases' peaks then showed.
 */
async function forEachShard(
  file: string,
  visit: (batch: BenchPaper[], textOf: (paper: BenchPaper) => string) => Promise<void>,
): Promise<void> {
  const starts = await lineStarts(file);
  const handle = await open(file);
  let bytes = Buffer.alloc(0);
  try {
    for (let first = 0; first < n; first += perShard) {
      const last = Math.min(n, first + perShard);
      const base = starts[first] ?? 0;
      const length = (starts[last] ?? 0) - base;
      if (bytes.length < length) bytes = Buffer.alloc(length);
      await handle.read(bytes, 0, length, base);
      const batch: BenchPaper[] = [];
      for (let i = first; i < last; i++)
        batch.push({ id: idOf(i), from: (starts[i] ?? 0) - base, to: (starts[i + 1] ?? 0) - 1 - base });
      const shard = bytes;
      await visit(batch, (paper) => shard.toString('utf8', paper.from, paper.to));
    }
  } finally {
    await handle.close();
  }
}

/** The 10k labeled papers' rows, read from the cache, and their proxy-user labels. */
async function labeledRows(file: string, cache: RowsCacheDeps): Promise<{ rows: CsrMatrix; y: Uint8Array }> {
  const starts = await lineStarts(file);
  const picked = sampleIndices(n, 10_000, createRandom(3)).sort((a, b) => a - b);
  const fd = openSync(file, 'r');
  try {
    const papers = picked.map((i) => ({ id: idOf(i), from: starts[i] ?? 0, to: (starts[i + 1] ?? 0) - 1 }));
    const line = Buffer.alloc(1 << 16);
    const textOf = (paper: BenchPaper): string => {
      const length = readSync(fd, line, 0, paper.to - paper.from, paper.from);
      return line.toString('utf8', 0, length);
    };
    const rule = /retriev|RAG\b|rerank/i;
    const y = Uint8Array.from(papers, (paper) => (rule.test(textOf(paper)) ? 1 : 0));
    // Packed in label order as the rank job packs them.
    const blocks = createRowBlocks();
    const blockOf = new Uint32Array(papers.length);
    await timed('read the 10k labeled papers’ rows from the cache', () =>
      visitRows(cache, papers, textOf, (k, row) => {
        blockOf[k] = blocks.add(row);
      }),
    );
    return { rows: blocks.toCsr(blockOf), y };
  } finally {
    closeSync(fd);
  }
}

/** The vocabulary the fit phase stored, and the rank job's transform and rows cache over it. */
async function storedModel(stateDir: string) {
  const stored = await createVocabularyStore(stateDir).read(LEXICAL_MODEL);
  if (!stored) throw new Error('no vocabulary: the fit phase did not run');
  // Built on first use, as the rank job does: a rank over cached rows never tokenizes.
  let built: TfidfTransform | undefined;
  const transform: TfidfTransform = (text) => {
    if (!built) built = createTfidfTransform(transformVocabularyOf(stored), RADAR_TFIDF);
    return built(text);
  };
  // One read buffer for the phase's successive calls, as one rank's single call over all its
  // candidates has (the bench calls once per shard's batch).
  const cache = {
    store: createLexicalRowsStore(stateDir),
    model: LEXICAL_MODEL,
    vocabulary: vocabularyStamp(stored),
    transform,
    readBuffer: createReadBuffer(),
  };
  return { stored, cache };
}

async function fitPhase(file: string, stateDir: string): Promise<void> {
  const terms = await timed('fit the vocabulary (streamed counter) and store it', async () => {
    const counter = createTfidfCounter(RADAR_TFIDF);
    await forEachShard(file, async (batch, textOf) => {
      for (const paper of batch) counter.add(textOf(paper));
    });
    const vocabulary = counter.finish();
    await createVocabularyStore(stateDir).write({
      version: 1,
      model: LEXICAL_MODEL,
      fittedAt: new Date().toISOString(),
      docCount: vocabulary.docCount,
      settings: settingsOf(RADAR_TFIDF),
      terms: vocabulary.terms,
      df: vocabulary.df,
    });
    return vocabulary.terms.length;
  });
  out(`  ${terms} terms`);
}

async function firstRankPhase(file: string, stateDir: string): Promise<void> {
  const { cache } = await storedModel(stateDir);
  const stats = await timed(`first rank: transform all ${n} papers and store their rows`, async () => {
    const total = { transformed: 0, nnz: 0 };
    await forEachShard(file, async (batch, textOf) => {
      const s = await visitRows(cache, batch, textOf, (_, row) => {
        total.nnz += row.indices.length;
      });
      total.transformed += s.transformed;
    });
    return total;
  });
  out(
    `  ${stats.transformed} transformed, ${stats.nnz} non-zeros (${((stats.nnz * 8) / 2 ** 20).toFixed(0)} MB on disk)`,
  );
}

/** Training as the rank job trains: the labeled rows are dropped once the classifier is fitted. */
async function trainPhase(file: string, stored: StoredVocabulary, cache: RowsCacheDeps) {
  const { rows, y } = await labeledRows(file, cache);
  const { maxDfCaps, ...training } = LEXICAL_TRAINING;
  const shares = Float64Array.from(stored.df, (df) => df / stored.docCount);
  const trained = await timed(
    `train on 10k labels as radar rank does (5-fold: the C grid at the loosest of ${maxDfCaps?.length ?? 1} max_df bounds, the best C's neighbours at the others; then the final fit)`,
    async () =>
      trainLexicalClassifier(rows, y, stored.termCount, {
        ...training,
        ...(maxDfCaps ? { maxDfGrid: { shares, caps: maxDfCaps } } : {}),
        seed: 1,
      }),
  );
  out(
    `  chose C ${trained.choice.c}, max_df ${trained.choice.maxDf ?? RADAR_TFIDF.maxDf}; AUC at that max_df ${trained.choice.grid.map((g) => `${g.c}: ${g.auc.toFixed(3)}`).join(', ')}`,
  );
  return trained;
}

async function rankPhase(file: string, stateDir: string): Promise<void> {
  const { stored, cache } = await storedModel(stateDir);
  const trained = await trainPhase(file, stored, cache);
  // Only the cache reads and the dot products are timed: the rank job holds its candidates already.
  const scores = new Float64Array(n);
  const cpu = { used: 0, wall: 0 };
  let k = 0;
  await forEachShard(file, async (batch, textOf) => {
    const base = k;
    const start = performance.now();
    const before = process.cpuUsage();
    const s = await visitRows(cache, batch, textOf, (j, row) => {
      scores[base + j] = trained.score(row);
    });
    const used = process.cpuUsage(before);
    cpu.used += used.user + used.system;
    cpu.wall += performance.now() - start;
    if (s.transformed > 0) throw new Error(`the cache missed ${s.transformed} rows`);
    k += batch.length;
  });
  out(
    `score all ${n} papers from the rows cache (read, check, dot products): ${(cpu.wall / 1000).toFixed(2)} s wall, ${(cpu.used / 1e6).toFixed(2)} s CPU; ${peakMb()}`,
  );
}

const PHASES = { fit: fitPhase, 'first-rank': firstRankPhase, rank: rankPhase };

const phase = PHASES[process.argv[3] as keyof typeof PHASES];
if (process.argv[2] === '--child' && phase) await phase(process.argv[4] ?? '', process.argv[5] ?? '');
else {
  const file = join(tmpdir(), `radar-ranking-speed-${n}.txt`);
  if (!existsSync(file)) writeTexts(file);
  out(`${n} mixed abstracts in ${file}; each phase runs in its own process, streaming them`);
  const script = fileURLToPath(import.meta.url);
  const stateDir = mkdtempSync(join(tmpdir(), 'radar-ranking-speed-'));
  try {
    for (const name of Object.keys(PHASES)) {
      out(`[${name}]`);
      const result = spawnSync(
        process.execPath,
        [...process.execArgv, script, '--child', name, file, stateDir],
        {
          stdio: 'inherit',
        },
      );
      if (result.status !== 0) {
        process.exitCode = 1;
        break;
      }
    }
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}
