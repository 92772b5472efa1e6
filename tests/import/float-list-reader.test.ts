/**
 * The import reader's float-list path (rows as views of decoded pages, no row assembly) gives
 * the same cells as hyparquet's own row assembly, for files with many pages per column chunk,
 * null and empty lists, null elements, and DuckDB's data page v1 (rows may span pages); and a row
 * group bigger than the reader's window is read in windows, page by page, with the same cells.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openImportParquet } from '../../src/store/import-parquet-reader.ts';
import { listOf, text } from './legacy-parquet.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'radar-float-list-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Float-list cells as plain arrays; a null list as null (hyparquet gives undefined, the import treats both alike). */
function plain(cell: unknown): unknown {
  if (cell === undefined) return null;
  return ArrayBuffer.isView(cell) ? Array.from(cell as Float32Array) : cell;
}

/** Every row group read through the import reader, float-list cells as plain arrays; and the batches it came in. */
async function readAll(
  file: string,
  columns: string[],
  windowRows?: number,
): Promise<Record<string, unknown>[] & { batches?: number }> {
  const opened = await openImportParquet(file, windowRows === undefined ? {} : { windowRows });
  try {
    const rows: Record<string, unknown>[] & { batches?: number } = [];
    rows.batches = 0;
    for (const group of opened.rowGroups) {
      for await (const batch of opened.readRows(group, columns)) {
        rows.batches += 1;
        for (const row of batch) rows.push(Object.fromEntries(columns.map((c) => [c, plain(row[c])])));
      }
    }
    return rows;
  } finally {
    await opened.close();
  }
}

async function reference(file: string, columns: string[]): Promise<Record<string, unknown>[]> {
  const bytes = await readFile(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const rows = await parquetReadObjects({ file: buffer, columns });
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c, plain(row[c])])));
}

function cellOf(row: number, dims: number): Array<number | null> | null {
  if (row % 11 === 3) return null;
  if (row % 13 === 5) return [];
  return Array.from({ length: dims }, (_, i) => (row % 17 === 2 && i === 1 ? null : row + i / 8));
}

it('reads float lists of many pages, with null lists, empty lists and null elements, as hyparquet does', async () => {
  const rows = 300;
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({
    writer,
    schema: [
      { name: 'root', num_children: 3 },
      text('id', 'OPTIONAL'),
      ...listOf('opt', { name: 'element', type: 'FLOAT', repetition_type: 'OPTIONAL' }),
      ...listOf('req', { name: 'element', type: 'DOUBLE', repetition_type: 'REQUIRED' }),
    ],
  });
  await parquet.write({
    rowGroupSize: 128,
    // Small pages: every column chunk has many pages.
    pageSize: 512,
    columnData: [
      { name: 'id', data: Array.from({ length: rows }, (_, i) => `2401.${String(i).padStart(5, '0')}`) },
      { name: 'opt', data: Array.from({ length: rows }, (_, i) => cellOf(i, 24)) },
      {
        name: 'req',
        data: Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? [] : [i, i + 0.5, i + 0.25])),
      },
    ],
  });
  await parquet.finish();
  const file = join(dir, 'lists.parquet');
  await writeFile(file, new Uint8Array(writer.getBytes()));

  const columns = ['id', 'opt', 'req'];
  const read = await readAll(file, columns);
  expect(read).toHaveLength(rows);
  const expected = (await reference(file, columns)).map((row) => ({
    ...row,
    // The import treats an empty list as no vector, as it treats null.
    opt: Array.isArray(row.opt) && row.opt.length === 0 ? null : row.opt,
    req: Array.isArray(row.req) && row.req.length === 0 ? null : row.req,
  }));
  expect([...read]).toEqual(expected);
  expect(read[3]?.opt).toBeNull();
  expect(read[2]?.opt).toEqual(cellOf(2, 24));
  // Groups of 128 rows read in windows of 50, page by page: the same cells.
  const windowed = await readAll(file, columns, 50);
  expect(windowed.batches).toBe(3 + 3 + 1);
  expect([...windowed]).toEqual(expected);
});

it('reads long float lists from DuckDB files (data page v1, small pages) as hyparquet does', async () => {
  const file = join(dir, 'duck.parquet');
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(`
    COPY (
      SELECT 'x' || i AS id,
        CASE WHEN i % 9 = 4 THEN NULL ELSE list_transform(range(200), k -> (i * 1000 + k)::FLOAT) END AS v
      FROM range(500) t(i)
    ) TO '${file}' (FORMAT PARQUET, ROW_GROUP_SIZE 200, PARQUET_VERSION v1)`);
  db.closeSync();
  instance.closeSync();

  const columns = ['id', 'v'];
  const read = await readAll(file, columns);
  expect(read).toHaveLength(500);
  expect([...read]).toEqual(await reference(file, columns));
  expect(read[4]?.v).toBeNull();
  expect((read[5]?.v as number[] | undefined)?.[199]).toBe(5199);
  // Windows of 64 rows over groups whose rows span pages.
  const windowed = await readAll(file, columns, 64);
  expect(windowed.batches).toBeGreaterThanOrEqual(Math.ceil(500 / 64));
  expect([...windowed]).toEqual(await reference(file, columns));
});

it('finds a vector column’s dims past null and empty rows, reading pages only until the first vector', async () => {
  const rows = 400;
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({
    writer,
    schema: [
      { name: 'root', num_children: 3 },
      ...listOf('late', { name: 'element', type: 'FLOAT', repetition_type: 'OPTIONAL' }),
      ...listOf('never', { name: 'element', type: 'FLOAT', repetition_type: 'REQUIRED' }),
      ...listOf('first', { name: 'element', type: 'FLOAT', repetition_type: 'REQUIRED' }),
    ],
  });
  await parquet.write({
    rowGroupSize: 100,
    pageSize: 256,
    columnData: [
      // Null or empty until row 250 (the third row group), then 6 values with a null element.
      {
        name: 'late',
        data: Array.from({ length: rows }, (_, i) => (i < 250 ? (i % 2 ? [] : null) : [1, null, 3, 4, 5, 6])),
      },
      { name: 'never', data: Array.from({ length: rows }, () => null) },
      { name: 'first', data: Array.from({ length: rows }, (_, i) => [i, i, i]) },
    ],
  });
  await parquet.finish();
  const file = join(dir, 'sample.parquet');
  await writeFile(file, new Uint8Array(writer.getBytes()));
  const opened = await openImportParquet(file);
  try {
    expect(await opened.sampleVectorDims(['late', 'never', 'first'])).toEqual([
      { name: 'late', dims: 6 },
      { name: 'never', dims: undefined },
      { name: 'first', dims: 3 },
    ]);
  } finally {
    await opened.close();
  }
});

it('reads a file of one big row group in windows, every column of the old layout as hyparquet does', async () => {
  const { encodeLegacyParquet, realPapers } = await import('./legacy-parquet.ts');
  const papers = realPapers();
  const rows = papers.map((p, i) => ({
    id: p.id,
    title: i % 9 === 4 ? null : p.title,
    abstract: p.abstract,
    authors: i % 10 === 7 ? [] : p.authors,
    categories: p.categories.join(' '),
    published: i % 8 === 3 ? null : new Date(p.published),
    updated: i % 6 === 1 ? null : p.published.slice(0, 10),
    license: 'cc-by',
    vectors: { emb: i % 5 === 2 ? null : Array.from({ length: 8 }, (_, k) => i + k / 16) },
  }));
  const file = join(dir, 'one-group.parquet');
  await writeFile(
    file,
    new Uint8Array(
      encodeLegacyParquet(rows, { vectorColumns: [{ name: 'emb' }], rowGroupSize: rows.length }),
    ),
  );
  const columns = [
    'arxiv_id',
    'title',
    'abstract',
    'authors',
    'categories',
    'published',
    'update_date',
    'emb',
  ];
  const expected = (await reference(file, columns)).map((row) => ({
    ...row,
    emb: Array.isArray(row.emb) && row.emb.length === 0 ? null : row.emb,
  }));
  const whole = await readAll(file, columns);
  expect(whole.batches).toBe(1);
  const windowed = await readAll(file, columns, 7);
  expect(windowed.batches).toBe(Math.ceil(rows.length / 7));
  expect([...windowed]).toEqual([...whole]);
  expect([...windowed]).toEqual(expected);
  expect(windowed[4]?.title).toBeNull();
  expect(windowed[3]?.published).toBeNull();
  expect(windowed[0]?.authors).toEqual(papers[0]?.authors);
});
