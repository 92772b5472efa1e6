/**
 * The portable format of an embeddings shard: parquet with a UTF8 `id` column and a `vector`
 * column that is a three-level LIST of FLOAT, so DuckDB, pyarrow or polars read it as
 * `id VARCHAR, vector FLOAT[]`.
 */
import type { FileMetaData, RowGroup, SchemaElement, SchemaTree } from 'hyparquet';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writeColumn } from 'hyparquet-writer/src/column.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import type { ColumnEncoder } from 'hyparquet-writer/src/types.js';
import { compareIds, parseArxivId } from '../core/arxiv-id.ts';

/** Rows of one shard: `data` holds `ids.length * dims` floats, row-major. */
export interface VectorShard {
  ids: string[];
  dims: number;
  data: Float32Array;
}

export interface DecodedVectors extends VectorShard {
  /** Why rows or the file do not match the format; rows with a problem are left out. */
  problems: string[];
}

const MAX_PROBLEMS = 20;

const VECTOR_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 2 },
  {
    name: 'id',
    type: 'BYTE_ARRAY',
    converted_type: 'UTF8',
    logical_type: { type: 'STRING' },
    repetition_type: 'REQUIRED',
  },
  {
    name: 'vector',
    converted_type: 'LIST',
    logical_type: { type: 'LIST' },
    repetition_type: 'REQUIRED',
    num_children: 1,
  },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'FLOAT', repetition_type: 'REQUIRED' },
];

/**
 * Rows per row group: about 4 MiB of floats (at most 4096 rows). It bounds the memory a reader
 * needs for one group, lets readers split work, and bounds the writer's buffers, which are reused
 * from group to group.
 */
const ROW_GROUP_BYTES = 4 * 2 ** 20;
const MAX_ROW_GROUP_ROWS = 4096;

function rowGroupRows(dims: number): number {
  return Math.max(1, Math.min(MAX_ROW_GROUP_ROWS, Math.floor(ROW_GROUP_BYTES / (4 * Math.max(1, dims)))));
}
const PARQUET_MAGIC = 0x31524150;

function columnEncoder(path: SchemaElement[], codec: 'SNAPPY' | 'UNCOMPRESSED'): ColumnEncoder {
  const element = path.at(-1) ?? path[0];
  if (!element) throw new Error('empty schema path');
  return {
    columnName: path.map((e) => e.name).join('.'),
    element,
    schemaPath: [VECTOR_SCHEMA[0] as SchemaElement, ...path],
    codec,
    compressors: { SNAPPY: snappyCompress },
    stats: false,
    // One page per column chunk: a row group is at most ROW_GROUP_ROWS vectors.
    pageSize: 0,
    columnIndex: false,
    offsetIndex: false,
    encoding: 'PLAIN',
  };
}

const ID_COLUMN = [VECTOR_SCHEMA[1]] as SchemaElement[];
const VECTOR_COLUMN = VECTOR_SCHEMA.slice(2) as SchemaElement[];

/**
 * The levels of `rows` non-empty lists of `dims` values: definition 1 everywhere, repetition 0 at
 * each row's first value. Built directly instead of through the writer's generic Dremel shredding,
 * which visits every float as a JS value and cost most of an import's CPU and heap.
 */
function listLevels(rows: number, dims: number): { definition: Uint8Array; repetition: Uint8Array } {
  const definition = new Uint8Array(rows * dims).fill(1);
  const repetition = new Uint8Array(rows * dims).fill(1);
  for (let row = 0; row < rows; row += 1) repetition[row * dims] = 0;
  return { definition, repetition };
}

/**
 * Encodes a shard one row group at a time, yielding the file's bytes group by group (then the
 * footer), so a shard of any size is written through one group-sized buffer. Each chunk is a view
 * of that buffer, valid until the next one is asked for: write it (or copy it) before going on.
 *
 * The file is assembled here from hyparquet-writer's column and footer writers, with the vector
 * column handed over as its flat Float32Array and precomputed levels; the vector column is stored
 * uncompressed (snappy finds nothing to squeeze in float32 noise and costs CPU). The format
 * (schema, types) is unchanged: readers see the same `id VARCHAR, vector FLOAT[]` file.
 */
export function* encodeVectorParquetChunks(
  shard: VectorShard,
  keyValues: Record<string, string> = {},
): Generator<Uint8Array> {
  const rows = shard.ids.length;
  const { dims } = shard;
  const groupRows = rowGroupRows(dims);
  const writer = new ByteWriter(4096 + Math.min(rows, groupRows) * (dims * 4 + 64));
  /** The bytes since the last chunk; the writer's offsets stay those of the whole file. */
  const flush = (): Uint8Array => {
    const chunk = new Uint8Array(writer.buffer, 0, writer.index);
    writer.index = 0;
    return chunk;
  };
  writer.appendUint32(PARQUET_MAGIC);
  const idEncoder = columnEncoder(ID_COLUMN, 'SNAPPY');
  const vectorEncoder = columnEncoder(VECTOR_COLUMN, 'UNCOMPRESSED');
  const rowGroups: RowGroup[] = [];
  let levels: ReturnType<typeof listLevels> | undefined;
  for (let start = 0; start < rows; start += groupRows) {
    const end = Math.min(rows, start + groupRows);
    const groupStart = writer.offset;
    if (levels?.definition.length !== (end - start) * dims) levels = listLevels(end - start, dims);
    const id = writeColumn({
      writer,
      column: idEncoder,
      pageData: {
        values: shard.ids.slice(start, end),
        definitionLevels: [],
        repetitionLevels: [],
        maxDefinitionLevel: 0,
      },
    });
    const vector = writeColumn({
      writer,
      column: vectorEncoder,
      pageData: {
        values: shard.data.subarray(start * dims, end * dims),
        // The writer only indexes and slices the levels, so typed arrays serve as well as number[].
        definitionLevels: levels.definition as unknown as number[],
        repetitionLevels: levels.repetition as unknown as number[],
        maxDefinitionLevel: 1,
      },
    });
    const columns = [id.chunk, vector.chunk];
    rowGroups.push({
      columns,
      total_byte_size: columns.reduce((sum, c) => sum + (c.meta_data?.total_uncompressed_size ?? 0n), 0n),
      num_rows: BigInt(end - start),
      total_compressed_size: BigInt(writer.offset - groupStart),
    });
    yield flush();
  }
  writeMetadata(writer, {
    version: 2,
    created_by: 'research-radar',
    schema: VECTOR_SCHEMA,
    num_rows: BigInt(rows),
    row_groups: rowGroups,
    key_value_metadata: Object.entries(keyValues).map(([key, value]) => ({ key, value })),
  } as FileMetaData);
  writer.appendUint32(PARQUET_MAGIC);
  writer.finish();
  yield flush();
}

/** The whole shard file in one buffer (see encodeVectorParquetChunks). */
export async function encodeVectorParquet(
  shard: VectorShard,
  keyValues: Record<string, string> = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (const chunk of encodeVectorParquetChunks(shard, keyValues)) chunks.push(chunk.slice());
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function isStringColumn(node: SchemaTree): boolean {
  const { element } = node;
  const utf8 = element.converted_type === 'UTF8' || element.logical_type?.type === 'STRING';
  return node.children.length === 0 && element.type === 'BYTE_ARRAY' && utf8;
}

function isFloatList(node: SchemaTree): boolean {
  const { element } = node;
  const list = node.children[0];
  const item = list?.children[0];
  const listAnnotated = element.converted_type === 'LIST' || element.logical_type?.type === 'LIST';
  return (
    listAnnotated &&
    node.children.length === 1 &&
    list?.element.repetition_type === 'REPEATED' &&
    list.children.length === 1 &&
    item?.children.length === 0 &&
    item.element.type === 'FLOAT'
  );
}

export function checkVectorSchema(metadata: FileMetaData): string[] {
  const columns = parquetSchema(metadata).children;
  const problems = columns
    .filter((column) => column.element.name !== 'id' && column.element.name !== 'vector')
    .map((column) => `unexpected column "${column.element.name}"`);
  const id = columns.find((column) => column.element.name === 'id');
  const vector = columns.find((column) => column.element.name === 'vector');
  if (!id) problems.push('missing column "id"');
  else if (!isStringColumn(id)) problems.push('column "id" is not a UTF8 string');
  if (!vector) problems.push('missing column "vector"');
  else if (!isFloatList(vector)) problems.push('column "vector" is not a three-level LIST of FLOAT');
  return problems;
}

async function readRows(file: ArrayBuffer, metadata: FileMetaData): Promise<unknown[][]> {
  let rows: unknown[][] = [];
  await parquetRead({
    file,
    metadata,
    columns: ['id', 'vector'],
    onComplete: (result: unknown[][]) => {
      rows = result;
    },
  });
  return rows;
}

function asArrayLike(value: unknown): ArrayLike<unknown> | undefined {
  if (Array.isArray(value)) return value;
  if (value instanceof Float32Array || value instanceof Float64Array) return value;
  return undefined;
}

/** Copies one row's vector into `target` at `offset`; returns why it cannot, if so. */
function copyVector(vector: unknown, dims: number, target: Float32Array, offset: number): string | undefined {
  const values = asArrayLike(vector);
  if (!values) return 'vector is not a list';
  if (values.length !== dims) return `vector has ${values.length} values, expected ${dims}`;
  for (let i = 0; i < dims; i += 1) {
    const value = values[i];
    if (typeof value !== 'number') return `vector value ${i} is not a number`;
    target[offset + i] = value;
  }
  return undefined;
}

function firstLength(rows: unknown[][]): number {
  for (const row of rows) {
    const values = asArrayLike(row[1]);
    if (values) return values.length;
  }
  return 0;
}

function collectRows(rows: unknown[][], expectedDims: number | undefined, problems: string[]): VectorShard {
  const dims = expectedDims ?? firstLength(rows);
  const ids: string[] = [];
  const data = new Float32Array(rows.length * dims);
  for (const [row, [id, vector]] of rows.entries()) {
    if (typeof id !== 'string') {
      problems.push(`row ${row}: id is not a string`);
      continue;
    }
    const reason = copyVector(vector, dims, data, ids.length * dims);
    if (reason) problems.push(`row ${row} (${id}): ${reason}`);
    else ids.push(id);
  }
  return { ids, dims, data: data.subarray(0, ids.length * dims) };
}

/** Ids must be versionless arXiv ids of the shard, sorted and unique. */
export function checkShardIds(ids: readonly string[], shard: string | undefined): string[] {
  const problems: string[] = [];
  for (const [row, id] of ids.entries()) {
    const parsed = parseArxivId(id);
    if (parsed?.id !== id) problems.push(`row ${row}: "${id}" is not a versionless arXiv id`);
    else if (shard !== undefined && parsed.yymm !== shard)
      problems.push(`row ${row}: ${id} belongs to shard ${parsed.yymm}`);
    const previous = ids[row - 1];
    if (previous === undefined) continue;
    const order = compareIds(previous, id);
    if (order === 0) problems.push(`row ${row}: duplicate id ${id}`);
    else if (order > 0) problems.push(`row ${row}: ${id} comes after ${previous} (ids must be sorted)`);
  }
  return problems;
}

function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${problems.length - MAX_PROBLEMS} more`];
}

/**
 * Decodes a shard file. Throws only when the bytes are not parquet at all; every other mismatch
 * (columns, dims, ids) is listed in `problems`.
 */
export async function decodeVectorParquet(
  bytes: ArrayBuffer,
  options: { dims?: number | undefined; shard?: string | undefined } = {},
): Promise<DecodedVectors> {
  const metadata = parquetMetadata(bytes);
  const schemaProblems = checkVectorSchema(metadata);
  if (schemaProblems.length > 0) {
    return { ids: [], dims: options.dims ?? 0, data: new Float32Array(0), problems: schemaProblems };
  }
  const problems: string[] = [];
  const shard = collectRows(await readRows(bytes, metadata), options.dims, problems);
  problems.push(...checkShardIds(shard.ids, options.shard));
  return { ...shard, problems: capProblems(problems) };
}
