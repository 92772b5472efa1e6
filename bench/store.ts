/**
 * Store benchmark: writes N real papers (metadata) and N × 384 float32 embeddings into a temp
 * state directory, then loads them back. Every phase runs in a fresh child process, so each
 * peak RSS belongs to that phase alone.
 *
 *   npx tsx bench/store.ts [size=100000] [--keep]
 *
 * Target: loading 100k papers + one model's embeddings in < 1 s and < 400 MB RSS. `warm-light-load`
 * reads the light view (id, dates, categories, title: what the daily run's bulk readers use)
 * instead of the full rows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createEmbeddingsStore } from '../src/store/embeddings-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { runChildPhase } from './child-phase.ts';
import { peakRssMb } from './peak-rss.ts';
import { ARXIV_DIR, arxivDataExists, benchPapers, benchVectors } from './store-data.ts';

const MODEL = 'bench-384';
const DIMS = 384;
const Phase = z.enum([
  'write-papers',
  'write-embeddings',
  'cold-load',
  'warm-load',
  'warm-light-load',
  'warm-papers-only',
  'warm-embeddings-only',
]);
type Phase = z.infer<typeof Phase>;

const PhaseResult = z.object({
  phase: Phase,
  totalMs: z.number(),
  /** User + system CPU time of the measured section: steadier than wall time on a shared machine. */
  cpuMs: z.number(),
  papersMs: z.number().optional(),
  embeddingsMs: z.number().optional(),
  papers: z.number().optional(),
  vectors: z.number().optional(),
  maxRssMb: z.number(),
});
type PhaseResult = z.infer<typeof PhaseResult>;

function elapsed(start: number): number {
  return Math.round(performance.now() - start);
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

function maxRssMb(): number {
  return Math.round(peakRssMb());
}

async function writePapers(stateDir: string, size: number): Promise<PhaseResult> {
  const papers = await benchPapers(size);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await createPapersStore(stateDir).upsert(papers);
  const totalMs = elapsed(start);
  return {
    phase: 'write-papers',
    totalMs,
    cpuMs: cpuSince(cpu),
    papers: papers.length,
    maxRssMb: maxRssMb(),
  };
}

async function writeEmbeddings(stateDir: string, idsFile: string): Promise<PhaseResult> {
  const ids = readFileSync(idsFile, 'utf8').split('\n');
  const data = benchVectors(ids.length, DIMS);
  const rows = ids.map((id, row) => ({ id, vector: data.subarray(row * DIMS, (row + 1) * DIMS) }));
  const store = createEmbeddingsStore(stateDir, MODEL);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await store.writeMeta({
    model: MODEL,
    backend: 'bench',
    dims: DIMS,
    normalize: true,
    createdAt: new Date().toISOString(),
  });
  await store.upsert(rows);
  const totalMs = elapsed(start);
  return {
    phase: 'write-embeddings',
    totalMs,
    cpuMs: cpuSince(cpu),
    vectors: rows.length,
    maxRssMb: maxRssMb(),
  };
}

async function loadAll(stateDir: string, phase: Phase): Promise<PhaseResult> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const store = createPapersStore(stateDir);
  const papers =
    phase === 'warm-embeddings-only'
      ? undefined
      : phase === 'warm-light-load'
        ? await store.readHeads()
        : await store.readAll();
  const papersMs = elapsed(start);
  const middle = performance.now();
  const matrix =
    phase === 'warm-papers-only' ? undefined : await createEmbeddingsStore(stateDir, MODEL).load();
  const embeddingsMs = elapsed(middle);
  if (matrix && matrix.data.length !== matrix.ids.length * DIMS)
    throw new Error('matrix size does not match its ids');
  return {
    phase,
    totalMs: elapsed(start),
    cpuMs: cpuSince(cpu),
    ...(papers ? { papersMs, papers: papers.length } : {}),
    ...(matrix ? { embeddingsMs, vectors: matrix.ids.length } : {}),
    maxRssMb: maxRssMb(),
  };
}

/** Runs one phase on `<workDir>/state`; the write phases take their input from the work dir. */
async function runChild(phase: Phase, workDir: string, size: number): Promise<void> {
  const stateDir = join(workDir, 'state');
  const result =
    phase === 'write-papers'
      ? await writePapers(stateDir, size)
      : phase === 'write-embeddings'
        ? await writeEmbeddings(stateDir, join(workDir, 'ids.txt'))
        : await loadAll(stateDir, phase);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function spawnPhase(phase: Phase, workDir: string, size: number): Promise<PhaseResult> {
  const script = fileURLToPath(import.meta.url);
  return runChildPhase(script, [phase, workDir, String(size)], PhaseResult, `phase ${phase}`);
}

function directoryMb(dir: string): string {
  let bytes = 0;
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else bytes += statSync(full).size;
    }
  };
  walk(dir);
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

function formatResult(result: PhaseResult): string {
  const parts = [
    `${result.phase.padEnd(20)} ${String(result.totalMs).padStart(6)} ms (cpu ${result.cpuMs} ms)`,
  ];
  if (result.papersMs !== undefined && result.embeddingsMs !== undefined) {
    parts.push(`(papers ${result.papersMs} ms + embeddings ${result.embeddingsMs} ms)`);
  }
  parts.push(`peak RSS ${result.maxRssMb} MB`);
  if (result.papers !== undefined) parts.push(`papers ${result.papers}`);
  if (result.vectors !== undefined) parts.push(`vectors ${result.vectors}`);
  return parts.join('  ');
}

async function runParent(size: number, keep: boolean): Promise<void> {
  if (!arxivDataExists()) {
    console.error(
      `bench/store: the arXiv sample ${ARXIV_DIR} is missing (set RADAR_BENCH_ARXIV_DIR to use another).`,
    );
    process.exit(1);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'radar-bench-store-'));
  const stateDir = join(workDir, 'state');
  console.log(`store bench: ${size} papers, ${size} × ${DIMS} float32 embeddings, state ${stateDir}`);
  try {
    writeFileSync(join(workDir, 'ids.txt'), (await benchPapers(size)).map((paper) => paper.id).join('\n'));
    for (const phase of Phase.options) {
      if (phase === 'cold-load') rmSync(join(stateDir, 'index'), { recursive: true, force: true });
      console.log(formatResult(await spawnPhase(phase, workDir, size)));
    }
    for (const dir of ['papers', `embeddings/${MODEL}`, `index/${MODEL}`]) {
      console.log(`  ${dir.padEnd(22)} ${directoryMb(join(stateDir, dir))}`);
    }
  } finally {
    if (!keep) rmSync(workDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  await runChild(
    Phase.parse(args[1]),
    z.string().parse(args[2]),
    z.coerce.number().int().positive().parse(args[3]),
  );
} else {
  const size = z.coerce
    .number()
    .int()
    .positive()
    .parse(args.find((arg) => !arg.startsWith('--')) ?? 100_000);
  await runParent(size, args.includes('--keep'));
}
