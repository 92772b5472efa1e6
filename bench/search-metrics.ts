/**
 * Metric computation speed and memory: 10k queries × 1,000 docs scored by `radar eval search
 * score` and, when it is built (TREC_EVAL=path, default /tmp/trec_eval/trec_eval), by trec_eval
 * itself on the same files; prints CPU seconds and peak RSS of each (GNU time) and checks
 * that the two agree on the mean values. Target: ≤ 2× trec_eval's CPU and under its memory.
 * Usage: npm run bench search-metrics [-- --queries 10000 --docs 1000]
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../src/rank/prng.ts';

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function write(file: string, lines: (emit: (line: string) => void) => void): Promise<void> {
  const stream = createWriteStream(file);
  let buffer: string[] = [];
  lines((line) => {
    buffer.push(line);
    if (buffer.length >= 10_000) {
      stream.write(`${buffer.join('\n')}\n`);
      buffer = [];
    }
  });
  if (buffer.length > 0) stream.write(`${buffer.join('\n')}\n`);
  stream.end();
  await once(stream, 'finish');
}

async function makeFiles(
  dir: string,
  queries: number,
  docs: number,
): Promise<{ qrels: string; run: string }> {
  const random = createRandom(42);
  const qrels = join(dir, 'bench.qrels');
  const run = join(dir, 'bench.run');
  await write(qrels, (emit) => {
    for (let q = 0; q < queries; q += 1) {
      const judged = new Set<number>();
      while (judged.size < 60) judged.add(Math.floor(random() * docs * 2));
      for (const d of judged) emit(`${q} 0 doc${d}-${q % 97} ${Math.floor(random() * 4)}`);
    }
  });
  await write(run, (emit) => {
    for (let q = 0; q < queries; q += 1) {
      const seen = new Set<number>();
      let score = 100;
      while (seen.size < docs) {
        const d = Math.floor(random() * docs * 2);
        if (seen.has(d)) continue;
        seen.add(d);
        score -= random() < 0.1 ? 0 : random() * 0.05; // some ties
        emit(`${q} Q0 doc${d}-${q % 97} ${seen.size} ${score.toFixed(6)} bench`);
      }
    }
  });
  return { qrels, run };
}

interface Measured {
  cpuSeconds: number;
  maxRssMb: number;
  stdout: string;
}

function measure(command: string, args: string[]): Measured {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.slice(-500)}`);
  const [user, system, rssKb] = result.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  return { cpuSeconds: (user ?? 0) + (system ?? 0), maxRssMb: (rssKb ?? 0) / 1024, stdout: result.stdout };
}

function means(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [name, qid, value] = line.split('\t').map((s) => s.trim());
    if (qid === 'all' && name !== undefined && value !== undefined && name !== 'runid')
      values.set(name, Number(value));
  }
  return values;
}

const queries = arg('queries', 10_000);
const docs = arg('docs', 1000);
const dir = mkdtempSync(join(tmpdir(), 'search-metrics-'));
try {
  const { qrels, run } = await makeFiles(dir, queries, docs);
  const ours = measure(process.execPath, [
    '--import',
    'tsx',
    join(import.meta.dirname, '..', 'src', 'cli', 'main.ts'),
    'eval',
    'search',
    'score',
    '--qrels',
    qrels,
    '--run',
    run,
  ]);
  console.log(
    `radar eval search score: ${queries} queries × ${docs} docs: CPU ${ours.cpuSeconds.toFixed(1)} s, peak RSS ${ours.maxRssMb.toFixed(0)} MB`,
  );
  const trecEval = process.env.TREC_EVAL ?? '/tmp/trec_eval/trec_eval';
  if (existsSync(trecEval)) {
    const measures = [
      'num_ret',
      'num_rel',
      'num_rel_ret',
      'map',
      'recip_rank',
      'P.5,10',
      'recall.5,10',
      'ndcg',
      'ndcg_cut.5,10',
      'set_P',
      'set_recall',
      'set_F',
    ];
    const theirs = measure(trecEval, [...measures.flatMap((m) => ['-m', m]), qrels, run]);
    console.log(
      `trec_eval:               CPU ${theirs.cpuSeconds.toFixed(1)} s, peak RSS ${theirs.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `ratio: CPU ${(ours.cpuSeconds / theirs.cpuSeconds).toFixed(2)}× (target ≤ 2×), memory ${(ours.maxRssMb / theirs.maxRssMb).toFixed(2)}× (target < 1×)`,
    );
    const a = means(ours.stdout);
    const b = means(theirs.stdout);
    const differ = [...b].filter(([name, value]) => Math.abs((a.get(name) ?? Number.NaN) - value) > 1e-4);
    console.log(
      differ.length === 0 ? `means agree on ${b.size} measures` : `means DIFFER: ${JSON.stringify(differ)}`,
    );
  } else console.log(`trec_eval not found at ${trecEval} (set TREC_EVAL): only our figures`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
