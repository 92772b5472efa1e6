/**
 * Import benchmark: `radar import hf-parquet` of 100k rows with two vector columns (384 and 768
 * dims, 2% all-zero and 1% NaN vectors) in yearly parquet files of the previous layout, built from
 * the real arXiv papers (titles and authors real, abstracts mixed as bench/corpus.ts does). The
 * first import and a second one (which must write nothing) each run in a fresh child process, so
 * each peak RSS belongs to that import alone.
 *
 *   npx tsx bench/import.ts [size=100000] [--group-rows=N] [--keep] [--reuse=DIR]
 *
 * `--group-rows` sets the rows per row group (default 5000); one group per file (e.g. 100000, as
 * pandas and pyarrow write a year by default) is read in windows of rows.
 * `--keep` leaves the work directory (data files and state) in the temp dir; `--reuse=DIR` runs
 * the imports again over a kept directory's data files (its state is deleted first), skipping the
 * build of the files.
 *
 * Target: 100k rows in < 60 s and < 500 MB peak RSS.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaElement } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { z } from 'zod';
import { runImportHfParquet } from '../src/cli/commands/import-hf-parquet.ts';
import { createContext } from '../src/cli/context.ts';
import { listOf, text } from '../tests/import/legacy-parquet.ts';
import { runChildPhase } from './child-phase.ts';
import { loadCorpus, mixedTexts } from './corpus.ts';
import { peakRssMb } from './peak-rss.ts';
import { ARXIV_DIR, arxivDataExists, benchPapers, benchVectors } from './store-data.ts';

const MODELS = [
  { column: 'emb_minilm', model: 'minilm', dims: 384 },
  { column: 'emb_bge', model: 'bge-base', dims: 768 },
] as const;
const DEFAULT_GROUP_ROWS = 5000;

const Result = z.object({
  phase: z.string(),
  wallMs: z.number(),
  cpuMs: z.number(),
  maxRssMb: z.number(),
  lines: z.array(z.string()),
});
type Result = z.infer<typeof Result>;

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 6 + MODELS.length },
  text('id', 'OPTIONAL'),
  text('title', 'OPTIONAL'),
  text('abstract', 'OPTIONAL'),
  ...listOf('authors', text('element', 'OPTIONAL')),
  ...listOf('categories', text('element', 'OPTIONAL')),
  { name: 'published', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
  ...MODELS.flatMap((m) => listOf(m.column, { name: 'element', type: 'FLOAT', repetition_type: 'REQUIRED' })),
];

/** Row i's vector of one model: 2% all zeros and 1% NaN (rows written before they were embedded). */
function vectorCell(data: Float32Array, row: number, dims: number): number[] {
  if (row % 50 === 7) return new Array<number>(dims).fill(0);
  if (row % 100 === 13) return new Array<number>(dims).fill(Number.NaN);
  return Array.from(data.subarray(row * dims, (row + 1) * dims));
}

/** Writes one parquet file per year of the ids (`2604.…` → 2026), row group by row group. */
async function buildFiles(dataDir: string, size: number, groupRows: number): Promise<void> {
  const papers = await benchPapers(size);
  const abstracts = mixedTexts(loadCorpus(ARXIV_DIR), size, 7);
  const vectors = MODELS.map((m) => benchVectors(size, m.dims));
  const years = new Map<string, number[]>();
  papers.forEach((paper, i) => {
    const year = `20${paper.id.slice(0, 2)}`;
    const rows = years.get(year) ?? [];
    rows.push(i);
    years.set(year, rows);
  });
  for (const [year, rows] of years) {
    const writer = new ByteWriter();
    const parquet = new ParquetWriter({ writer, schema: SCHEMA });
    for (let start = 0; start < rows.length; start += groupRows) {
      const group = rows.slice(start, start + groupRows);
      const at = (i: number) => papers[i] ?? papers[0];
      await parquet.write({
        rowGroupSize: groupRows,
        // pyarrow's default data page size: a column chunk in pages, as real files have it.
        pageSize: 1 << 20,
        columnData: [
          { name: 'id', data: group.map((i) => `${at(i)?.id}v1`) },
          { name: 'title', data: group.map((i) => at(i)?.title ?? '') },
          { name: 'abstract', data: group.map((i) => abstracts[i] ?? '') },
          { name: 'authors', data: group.map((i) => at(i)?.authors ?? []) },
          { name: 'categories', data: group.map((i) => at(i)?.categories ?? []) },
          { name: 'published', data: group.map((i) => new Date(at(i)?.published ?? 0)) },
          ...MODELS.map((m, k) => ({
            name: m.column,
            data: group.map((i) => vectorCell(vectors[k] ?? new Float32Array(), i, m.dims)),
            encoding: 'PLAIN' as const,
          })),
        ],
      });
    }
    await parquet.finish();
    writeFileSync(join(dataDir, `${year}.parquet`), new Uint8Array(writer.getBytes()));
  }
}

async function importOnce(workDir: string, phase: string): Promise<Result> {
  const ctx = createContext(
    { config: join(workDir, 'radar.config.json'), state: join(workDir, 'state') },
    workDir,
  );
  const lines: string[] = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  await runImportHfParquet(
    { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) },
    [join(workDir, 'data')],
    { modelColumn: MODELS.map((m) => `${m.column}=${m.model}`) },
    (line) => lines.push(line),
  );
  const used = process.cpuUsage(cpu);
  return {
    phase,
    wallMs: Math.round(performance.now() - start),
    cpuMs: Math.round((used.user + used.system) / 1000),
    maxRssMb: Math.round(peakRssMb()),
    lines,
  };
}

function spawnImport(workDir: string, phase: string): Promise<Result> {
  return runChildPhase(fileURLToPath(import.meta.url), [workDir, phase], Result, phase);
}

function directoryMb(dir: string): string {
  const bytes = readdirSync(dir, { recursive: true })
    .map((name) => statSync(join(dir, String(name))))
    .filter((s) => s.isFile())
    .reduce((sum, s) => sum + s.size, 0);
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** A new work directory with the config and the yearly data files, or a kept one to reuse. */
async function prepareWorkDir(size: number, groupRows: number, reuse: string | undefined): Promise<string> {
  if (reuse) {
    rmSync(join(reuse, 'state'), { recursive: true, force: true });
    return reuse;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'radar-bench-import-'));
  mkdirSync(join(workDir, 'data'));
  const models = Object.fromEntries(
    MODELS.map((m) => [m.model, { backend: 'openai', model: m.model, dims: m.dims }]),
  );
  writeFileSync(
    join(workDir, 'radar.config.json'),
    JSON.stringify({ embedding: { active: MODELS.map((m) => m.model), models } }),
  );
  const built = performance.now();
  await buildFiles(join(workDir, 'data'), size, groupRows);
  console.log(`  (files built in ${Math.round((performance.now() - built) / 1000)} s)`);
  return workDir;
}

async function runParent(
  size: number,
  groupRows: number,
  keep: boolean,
  reuse: string | undefined,
): Promise<void> {
  if (!arxivDataExists()) {
    console.error(`bench/import: the arXiv sample ${ARXIV_DIR} is missing (set RADAR_BENCH_ARXIV_DIR).`);
    process.exit(1);
  }
  const workDir = await prepareWorkDir(size, groupRows, reuse);
  try {
    console.log(
      `import bench: ${readdirSync(join(workDir, 'data')).length} yearly files (row groups of ${groupRows} rows) of ${MODELS.map((m) => m.dims).join(' + ')} floats a row, ${directoryMb(join(workDir, 'data'))}${reuse ? ` (reused from ${reuse})` : ` (${size} rows)`}`,
    );
    for (const phase of ['first import', 'second import']) {
      const result = await spawnImport(workDir, phase);
      console.log(
        `${phase.padEnd(14)} wall ${(result.wallMs / 1000).toFixed(1)} s  cpu ${(result.cpuMs / 1000).toFixed(1)} s  peak RSS ${result.maxRssMb} MB`,
      );
      for (const line of result.lines) console.log(`    ${line}`);
    }
    console.log(`  state ${directoryMb(join(workDir, 'state'))}  (targets: < 60 s, < 500 MB peak RSS)`);
  } finally {
    if (!keep && !reuse) rmSync(workDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const result = await importOnce(z.string().parse(args[1]), z.string().parse(args[2]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const size = z.coerce
    .number()
    .int()
    .positive()
    .parse(args.find((arg) => !arg.startsWith('--')) ?? 100_000);
  const reuse = args.find((arg) => arg.startsWith('--reuse='))?.slice('--reuse='.length);
  const groupRows = z.coerce
    .number()
    .int()
    .positive()
    .parse(
      args.find((arg) => arg.startsWith('--group-rows='))?.slice('--group-rows='.length) ??
        DEFAULT_GROUP_ROWS,
    );
  await runParent(size, groupRows, args.includes('--keep'), reuse);
}
