import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportHfParquet } from '../../src/cli/commands/import-hf-parquet.ts';
import { createContext } from '../../src/cli/context.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createMemoryStores } from '../../src/store/memory/memory-stores.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { type LegacyRow, realPapers, vectorOf, writeLegacyParquet } from './legacy-parquet.ts';
import { hashTree } from './state-hash.ts';

let cwd: string;
let stateDir: string;
let dataDir: string;

const CONFIG = {
  embedding: {
    active: ['minilm', 'bge'],
    models: {
      minilm: { backend: 'transformers', model: 'minilm', dims: 8 },
      bge: { backend: 'openai', model: 'bge-small', dims: 12 },
    },
  },
};

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'radar-import-'));
  stateDir = join(cwd, 'state');
  dataDir = join(cwd, 'hf', 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(cwd, 'radar.config.json'), JSON.stringify(CONFIG));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function context() {
  const ctx = createContext({ config: join(cwd, 'radar.config.json') }, cwd);
  return { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) };
}

async function runImport(paths: string[], modelColumn: string[] = ['emb_minilm=minilm']) {
  const lines: string[] = [];
  const code = await runImportHfParquet(context(), paths, { modelColumn }, (l) => lines.push(l));
  return { code, lines };
}

const papers = realPapers();
const VECTOR_COLUMNS = [{ name: 'emb_minilm' }, { name: 'bge' }];

/** Rows of the real papers with vectors; some rows carry the faults the old layout has. */
function legacyRows(): LegacyRow[] {
  return papers.map((p, i) => ({
    id: i === 3 ? `${p.id}v2` : p.id,
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    categories: p.categories.join(' '),
    published: new Date(`${p.published}T00:00:00Z`),
    updated: i === 5 ? '2026-08-01' : null,
    license: 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/',
    vectors: {
      emb_minilm: i === 7 ? new Array(8).fill(0) : i === 8 ? new Array(8).fill(Number.NaN) : vectorOf(i, 8),
      bge: i === 9 ? null : i === 10 ? vectorOf(i, 5) : vectorOf(i + 1000, 12),
    },
  }));
}

function writeYearlyFiles(rows: LegacyRow[]): void {
  // Two files, row groups of 10: boundaries fall inside shards and between them.
  writeLegacyParquet(join(dataDir, '2026-a.parquet'), rows.slice(0, 25), {
    vectorColumns: VECTOR_COLUMNS,
    rowGroupSize: 10,
  });
  writeLegacyParquet(join(dataDir, '2026-b.parquet'), rows.slice(25), {
    vectorColumns: VECTOR_COLUMNS,
    rowGroupSize: 10,
  });
}

/** The file holds float32 values; the stored vector is that, L2-normalized. */
function normalized(raw: number[]): Float32Array {
  const values = raw.map(Math.fround);
  const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0));
  return Float32Array.from(values, (v) => v / norm);
}

describe('radar import hf-parquet', () => {
  it('imports papers and both vector columns, zero/NaN/empty vectors left to embed', async () => {
    const rows = legacyRows();
    writeYearlyFiles(rows);
    const { code, lines } = await runImport([join(cwd, 'hf')]);
    expect(code).toBe(0);
    const n = papers.length;
    expect(lines[0]).toBe(`imported ${n} rows from 2 files`);
    expect(lines[1]).toBe(`  papers: ${n} added, 0 updated, 0 unchanged`);
    expect(lines).toContain(
      `  bge: ${n - 2} vectors, 1 missing (0 zero, 0 NaN, 1 empty) — \`radar embed\` embeds them, 1 unreadable (5 values, expected 12)`,
    );
    expect(lines).toContain(
      `  minilm: ${n - 2} vectors, 2 missing (1 zero, 1 NaN, 0 empty) — \`radar embed\` embeds them`,
    );
    expect(lines).toContain('  columns not imported:');
    expect(lines.some((l) => l.startsWith('    license (BYTE_ARRAY STRING): no field of ours'))).toBe(true);

    const stored = await createPapersStore(stateDir).readAll();
    expect(stored).toHaveLength(n);
    const first = stored.find((p) => p.id === papers[0]?.id);
    expect(first).toMatchObject({
      version: 1,
      title: papers[0]?.title,
      authors: papers[0]?.authors,
      categories: papers[0]?.categories,
      primaryCategory: papers[0]?.categories[0],
      published: `${papers[0]?.published}T00:00:00Z`,
      absUrl: `https://arxiv.org/abs/${papers[0]?.id}`,
    });
    expect(stored.find((p) => p.id === papers[3]?.id)?.version).toBe(2);
    expect(stored.find((p) => p.id === papers[5]?.id)?.updated).toBe('2026-08-01T00:00:00Z');

    const minilm = await createEmbeddingsStore(stateDir, 'minilm').load();
    expect(minilm.dims).toBe(8);
    expect(new Set(minilm.ids)).toEqual(
      new Set(papers.filter((_, i) => i !== 7 && i !== 8).map((p) => p.id)),
    );
    const row = minilm.ids.indexOf(papers[0]?.id ?? '');
    const expected = normalized(vectorOf(0, 8));
    expect(Array.from(minilm.data.subarray(row * 8, row * 8 + 8))).toEqual(Array.from(expected));
    const bge = await createEmbeddingsStore(stateDir, 'bge').ids();
    expect(bge.has(papers[9]?.id ?? '')).toBe(false);
    expect(bge.has(papers[10]?.id ?? '')).toBe(false);
    expect(bge.size).toBe(n - 2);
    expect(await createEmbeddingsStore(stateDir, 'bge').readMeta()).toMatchObject({
      model: 'bge',
      backend: 'openai',
      dims: 12,
    });
    expect(isClean(await checkState(stateDir))).toBe(true);
  });

  it('a second import of the same files changes no file of the state', async () => {
    writeYearlyFiles(legacyRows());
    expect((await runImport([dataDir])).code).toBe(0);
    const before = await hashTree(stateDir);
    expect([...before.keys()].some((k) => k.startsWith('embeddings/minilm/'))).toBe(true);
    const again = await runImport([join(dataDir, '2026-b.parquet'), join(dataDir, '2026-a.parquet')]);
    expect(again.lines[1]).toBe(`  papers: 0 added, 0 updated, ${papers.length} unchanged`);
    expect(await hashTree(stateDir)).toEqual(before);
  });

  it('a file in reverse id order with odd row groups imports the same papers and vectors', async () => {
    const rows = legacyRows();
    const shuffled = [...rows].reverse();
    writeLegacyParquet(join(dataDir, 'reversed.parquet'), shuffled, {
      vectorColumns: VECTOR_COLUMNS,
      rowGroupSize: 7,
    });
    expect((await runImport([dataDir])).code).toBe(0);
    const ids = await createEmbeddingsStore(stateDir, 'minilm').ids();
    expect(ids.size).toBe(papers.length - 2);
    expect((await createPapersStore(stateDir).readAll()).map((p) => p.id).sort()).toEqual(
      papers.map((p) => p.id).sort(),
    );
  });

  it('writes through the stores of its context, not files of its own over the state directory', async () => {
    writeYearlyFiles(legacyRows());
    const stores = createMemoryStores();
    const lines: string[] = [];
    const code = await runImportHfParquet(
      { ...context(), stores },
      [dataDir],
      { modelColumn: ['emb_minilm=minilm'] },
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines[1]).toBe(`  papers: ${papers.length} added, 0 updated, 0 unchanged`);
    expect(await stores.papers.readAll()).toHaveLength(papers.length);
    expect((await stores.vectors('minilm').ids()).size).toBe(papers.length - 2);
    expect(await stores.vectors('minilm').readMeta()).toMatchObject({ model: 'minilm', dims: 8 });
    const written = [...(await hashTree(stateDir)).keys()];
    expect(written.filter((k) => k.startsWith('papers/') || k.startsWith('embeddings/'))).toEqual([]);
  });

  it('skips rows it cannot read, with the reason and the first such row', async () => {
    const rows = legacyRows().slice(0, 12);
    const bad = [
      { ...rows[0], id: 'not-an-id' },
      { ...rows[1], id: '2604.99991', title: null },
      { ...rows[2], id: '2604.99992', published: null, updated: 'next tuesday' },
    ] as LegacyRow[];
    writeLegacyParquet(join(dataDir, 'x.parquet'), [...rows, ...bad], { vectorColumns: VECTOR_COLUMNS });
    const { code, lines } = await runImport([dataDir]);
    expect(code).toBe(0);
    expect(lines).toContain('  skipped 3 rows:');
    expect(
      lines.some((l) => /1 × id is not an arXiv id \(first: .*x\.parquet row 13, "not-an-id"\)/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /1 × no title \(first: .*row 14\)/.test(l))).toBe(true);
    expect(lines.some((l) => /1 × updated is not a date \(first: .*row 15, "next tuesday"\)/.test(l))).toBe(
      true,
    );
    expect(await createPapersStore(stateDir).readAll()).toHaveLength(12);
  });
});
