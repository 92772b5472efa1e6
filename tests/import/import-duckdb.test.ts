/** A file written by another tool: DuckDB's parquet (VARCHAR[], TIMESTAMP, DATE, FLOAT[n], DOUBLE[]). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runImportHfParquet } from '../../src/cli/commands/import-hf-parquet.ts';
import { createContext } from '../../src/cli/context.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';

let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'radar-import-duckdb-'));
  await writeFile(
    join(cwd, 'radar.config.json'),
    JSON.stringify({
      embedding: {
        active: ['small', 'double'],
        models: {
          small: { backend: 'transformers', model: 'small', dims: 4 },
          double: { backend: 'transformers', model: 'double', dims: 3 },
        },
      },
    }),
  );
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

it('imports a parquet file written by DuckDB, row groups of 2', async () => {
  const file = join(cwd, '2024.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`
    COPY (SELECT * FROM (VALUES
      ('2401.00001v3', 'Sparse attention, again', 'We revisit sparse attention.', ['Ada Lovelace', 'Alan Turing'],
        ['cs.LG', 'cs.CL'], TIMESTAMP '2024-01-02 17:59:00', DATE '2024-02-01',
        [1, 2, 3, 4]::FLOAT[4], [0.5, 0.5, 0.5]::DOUBLE[]),
      ('2401.00002', 'Zero vectors are missing', 'Not embedded yet.', ['Grace Hopper'],
        ['cs.CL'], TIMESTAMP '2024-01-03 09:00:00', NULL,
        [0, 0, 0, 0]::FLOAT[4], NULL),
      ('cs/0112017', 'An old-style id', 'From the last century.', ['Edsger Dijkstra'],
        ['cs.DS'], TIMESTAMP '2001-12-10 00:00:00', DATE '2001-12-11',
        ['nan'::FLOAT, 1, 1, 1]::FLOAT[4], [1, 0, 0]::DOUBLE[])
    ) AS t(arxivId, title, abstract, authors, categories, publishedDate, updatedDate, small, "double"))
    TO '${file}' (FORMAT PARQUET, ROW_GROUP_SIZE 2)`);
  db.closeSync();
  instance.closeSync();

  const ctx = createContext({ config: join(cwd, 'radar.config.json') }, cwd);
  const lines: string[] = [];
  const code = await runImportHfParquet(
    { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) },
    [file],
    {},
    (l) => lines.push(l),
  );
  expect(code).toBe(0);
  expect(lines).toContain('  papers: 3 added, 0 updated, 0 unchanged');
  expect(lines).toContain(
    '  small: 1 vectors, 2 missing (1 zero, 1 NaN, 0 empty) — `radar embed` embeds them',
  );
  expect(lines).toContain(
    '  double: 2 vectors, 1 missing (0 zero, 0 NaN, 1 empty) — `radar embed` embeds them',
  );

  const stateDir = join(cwd, 'state');
  const papers = await createPapersStore(stateDir).get(['2401.00001', 'cs/0112017']);
  expect(papers.get('2401.00001')).toMatchObject({
    version: 3,
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.LG', 'cs.CL'],
    primaryCategory: 'cs.LG',
    published: '2024-01-02T17:59:00Z',
    updated: '2024-02-01T00:00:00Z',
  });
  expect(papers.get('cs/0112017')?.published).toBe('2001-12-10T00:00:00Z');
  const small = await createEmbeddingsStore(stateDir, 'small').load();
  expect(small.ids).toEqual(['2401.00001']);
  const norm = Math.sqrt(30);
  expect(Array.from(small.data)).toEqual(Array.from(Float32Array.from([1, 2, 3, 4], (v) => v / norm)));
  expect(isClean(await checkState(stateDir))).toBe(true);
});
