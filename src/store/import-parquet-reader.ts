/**
 * Reads a parquet file of any layout one row group at a time, for `radar import hf-parquet`.
 * Bytes come through an AsyncBuffer over one open file handle: only the footer and the column
 * chunks of the group being read are in memory, so a file of any size streams.
 *
 * Float-list (vector) columns skip hyparquet's row assembly, which pushes every float into a JS
 * array of its row (the bulk of an import's CPU and heap): their pages are decoded with
 * hyparquet's own page functions, and each row becomes a view into the page's Float32Array.
 */
import { type FileHandle, open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { errorMessage, UsageError } from '../core/errors.ts';
import type { ColumnKind, RowGroupSpan, SourceColumn, VectorColumn } from '../import/source-columns.ts';
import { type FloatListCell, firstListLength, readFloatListChunk } from './import-float-lists.ts';

export interface ImportParquetFile {
  readonly path: string;
  readonly rows: number;
  readonly columns: readonly SourceColumn[];
  readonly rowGroups: readonly RowGroupSpan[];
  /** The vector columns with their dims, from the first rows that hold a value. */
  sampleVectorDims(names: readonly string[]): Promise<VectorColumn[]>;
  /** The rows of one group as objects holding only `columns`. */
  readGroup(group: RowGroupSpan, columns: readonly string[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Rows looked at for the first non-null vector of a column: columns null for many rows are rare. */
const SAMPLE_ROWS = 4096;

function fileBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start, end = size) {
      const length = Math.max(0, end - start);
      const bytes = new Uint8Array(new ArrayBuffer(length));
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(bytes, read, length - read, start + read);
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${start + read}`);
        read += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

/** The element node of a LIST column (three-level or legacy two-level), if it is one. */
function listElement(node: SchemaTree): SchemaTree | undefined {
  const { element } = node;
  const annotated = element.converted_type === 'LIST' || element.logical_type?.type === 'LIST';
  const repeated = node.children[0];
  if (!annotated || node.children.length !== 1 || repeated?.element.repetition_type !== 'REPEATED')
    return undefined;
  if (repeated.children.length === 0) return repeated;
  return repeated.children.length === 1 ? repeated.children[0] : undefined;
}

/** The schema nodes below a LIST column down to its leaf (repeated group, then element, if any). */
function listPath(node: SchemaTree): SchemaTree[] {
  const repeated = node.children[0];
  if (!repeated) return [];
  const element = repeated.children[0];
  return element ? [repeated, element] : [repeated];
}

function isString(node: SchemaTree): boolean {
  const { element } = node;
  const annotated =
    element.converted_type === 'UTF8' ||
    element.logical_type?.type === 'STRING' ||
    element.logical_type?.type === 'JSON' ||
    element.converted_type === 'JSON';
  return node.children.length === 0 && element.type === 'BYTE_ARRAY' && annotated;
}

function primitiveKind(node: SchemaTree): ColumnKind {
  const { element } = node;
  if (node.children.length > 0) return 'other';
  if (isString(node)) return 'string';
  const logical = element.logical_type?.type;
  const converted = element.converted_type ?? '';
  if (logical === 'TIMESTAMP' || converted.startsWith('TIMESTAMP') || element.type === 'INT96')
    return 'timestamp';
  if (logical === 'DATE' || converted === 'DATE') return 'date';
  if (element.type === 'BOOLEAN') return 'boolean';
  if (element.type === 'FLOAT' || element.type === 'DOUBLE') return 'float';
  if (element.type === 'INT32' || element.type === 'INT64') return 'integer';
  // An unannotated BYTE_ARRAY (pyarrow `binary`) decodes as text too; the mapping decides.
  if (element.type === 'BYTE_ARRAY') return 'string';
  return 'other';
}

function typeName(node: SchemaTree): string {
  const item = listElement(node);
  if (item) return `LIST<${typeName(item)}>`;
  if (node.children.length > 0) return 'STRUCT';
  const { element } = node;
  const annotation = element.logical_type?.type ?? element.converted_type;
  return [element.type ?? '?', annotation].filter(Boolean).join(' ');
}

function describe(node: SchemaTree): SourceColumn {
  const item = listElement(node);
  let kind: ColumnKind = primitiveKind(node);
  if (item) {
    const inner = primitiveKind(item);
    kind = inner === 'float' ? 'float-list' : inner === 'string' ? 'string-list' : 'other';
  }
  return { name: node.element.name, kind, type: typeName(node) };
}

function describeColumns(metadata: FileMetaData): SourceColumn[] {
  return parquetSchema(metadata).children.map(describe);
}

function spansOf(metadata: FileMetaData): RowGroupSpan[] {
  let start = 0;
  return metadata.row_groups.map((group, index) => {
    const span = { index, start, end: start + Number(group.num_rows) };
    start = span.end;
    return span;
  });
}

/** Opens a parquet file and reads its footer; a file that is not parquet is a usage error naming it. */
export async function openImportParquet(path: string): Promise<ImportParquetFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UsageError(`${path}: cannot open (${errorMessage(error)})`);
  }
  const { size } = await handle.stat();
  const file = fileBuffer(handle, size);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    await handle.close();
    throw new UsageError(`${path}: not a parquet file (${errorMessage(error)})`);
  }
  const rowGroups = spansOf(metadata);
  const schema = parquetSchema(metadata);
  const floatLists = new Map(
    schema.children.flatMap((node) => {
      const item = listElement(node);
      return item && describe(node).kind === 'float-list'
        ? [[node.element.name, [schema, node, ...listPath(node)]]]
        : [];
    }),
  );
  const chunkOf = (group: RowGroupSpan, name: string) => {
    const chunk = metadata.row_groups[group.index]?.columns.find(
      (c) => c.meta_data?.path_in_schema[0] === name,
    );
    if (!chunk?.meta_data) throw new Error(`no column chunk for "${name}"`);
    return chunk;
  };
  const readFloatList = (group: RowGroupSpan, name: string, path: SchemaTree[]) =>
    readFloatListChunk(file, chunkOf(group, name), path, group.end - group.start);
  const sampleDims = async (name: string, path: SchemaTree[]) => {
    let budget = SAMPLE_ROWS;
    for (const group of rowGroups) {
      if (budget <= 0) return undefined;
      const found = await firstListLength(file, chunkOf(group, name), path, budget);
      if (found !== undefined) return found;
      budget -= group.end - group.start;
    }
    return undefined;
  };
  const read = async (rowStart: number, rowEnd: number, columns: readonly string[]) => {
    let rows: Record<string, unknown>[] = [];
    try {
      await parquetRead({
        file,
        metadata,
        rowStart,
        rowEnd,
        columns: [...columns],
        rowFormat: 'object',
        onComplete: (result: Record<string, unknown>[]) => {
          rows = result;
        },
      });
    } catch (error) {
      throw new UsageError(`${path}: rows ${rowStart}–${rowEnd} cannot be read (${errorMessage(error)})`);
    }
    return rows;
  };
  const rows = Number(metadata.num_rows);
  return {
    path,
    rows,
    columns: describeColumns(metadata),
    rowGroups,
    async readGroup(group, columns) {
      const lists = columns.filter((name) => floatLists.has(name));
      const rows = await read(
        group.start,
        group.end,
        columns.filter((name) => !floatLists.has(name)),
      );
      while (rows.length < group.end - group.start) rows.push({});
      for (const name of lists) {
        let cells: FloatListCell[];
        try {
          cells = await readFloatList(group, name, floatLists.get(name) ?? []);
        } catch (error) {
          throw new UsageError(
            `${path}: column "${name}", rows ${group.start}–${group.end} cannot be read (${errorMessage(error)})`,
          );
        }
        for (const [i, row] of rows.entries()) row[name] = cells[i];
      }
      return rows;
    },
    async sampleVectorDims(names) {
      const sampled: VectorColumn[] = [];
      for (const name of names) {
        const nodes = floatLists.get(name);
        try {
          sampled.push({ name, dims: nodes ? await sampleDims(name, nodes) : undefined });
        } catch (error) {
          throw new UsageError(`${path}: column "${name}" cannot be read (${errorMessage(error)})`);
        }
      }
      return sampled;
    },
    close: () => handle.close(),
  };
}

/** The parquet files named: files as given, directories searched recursively, each sorted. */
export async function findParquetFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (error) {
      throw new UsageError(`${path}: cannot read (${errorMessage(error)})`);
    }
    if (!isDirectory) {
      found.push(path);
      continue;
    }
    const names = (await readdir(path, { recursive: true }))
      .filter((name) => name.endsWith('.parquet') && !basename(name).startsWith('.'))
      .sort();
    if (names.length === 0) throw new UsageError(`${path}: no .parquet files in this directory`);
    found.push(...names.map((name) => join(path, name)));
  }
  return [...new Set(found)];
}
