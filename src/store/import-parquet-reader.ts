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
import { getMaxDefinitionLevel } from 'hyparquet/src/schema.js';
import { errorMessage, UsageError } from '../core/errors.ts';
import type { ColumnKind, RowGroupSpan, SourceColumn, VectorColumn } from '../import/source-columns.ts';
import {
  decodeFlatPages,
  type FloatListCell,
  firstListLength,
  listCellBatches,
  listLevels,
  readFloatListChunk,
  scalarCellBatches,
} from './import-float-lists.ts';

export interface ImportParquetFile {
  readonly path: string;
  readonly rows: number;
  readonly columns: readonly SourceColumn[];
  readonly rowGroups: readonly RowGroupSpan[];
  /** The vector columns with their dims, from the first rows that hold a value. */
  sampleVectorDims(names: readonly string[]): Promise<VectorColumn[]>;
  /**
   * The rows of one group as objects holding only `columns`, in batches: the whole group at
   * once, or windows of `windowRows` rows read page by page when the group is bigger.
   */
  readRows(group: RowGroupSpan, columns: readonly string[]): AsyncIterable<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Rows looked at for the first non-null vector of a column: columns null for many rows are rare. */
const SAMPLE_ROWS = 4096;

/**
 * Rows per window of a bigger row group. A writer's group can hold a whole file (pandas and
 * pyarrow default to a million rows a group): read whole, a year of papers with vectors is
 * hundreds of MB of decoded values.
 */
const WINDOW_ROWS = 8192;

export interface ImportParquetOptions {
  /** Rows per window of a bigger row group (default 8192). */
  windowRows?: number;
}

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
export async function openImportParquet(
  path: string,
  options: ImportParquetOptions = {},
): Promise<ImportParquetFile> {
  const windowRows = Math.max(1, options.windowRows ?? WINDOW_ROWS);
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
  const readGroup = async (group: RowGroupSpan, columns: readonly string[]) => {
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
  };
  /** A column's cells page by page, or undefined for a column of another shape (read whole). */
  const cellBatches = (group: RowGroupSpan, name: string): AsyncIterable<unknown[]> | undefined => {
    const node = schema.children.find((n) => n.element.name === name);
    if (!node) return undefined;
    const item = listElement(node);
    if (item && item.children.length > 0) return undefined;
    const path = item ? [schema, node, ...listPath(node)] : [schema, node];
    if (!item && node.children.length > 0) return undefined;
    const pages = decodeFlatPages(file, chunkOf(group, name), path);
    if (!item) return scalarCellBatches(pages, getMaxDefinitionLevel(path));
    return listCellBatches(pages, listLevels(path), floatLists.has(name));
  };
  async function* windowsOf(
    group: RowGroupSpan,
    streams: { name: string; cells: AsyncIterator<unknown[]> }[],
  ): AsyncGenerator<Record<string, unknown>[]> {
    const total = group.end - group.start;
    const held = streams.map(() => ({ batch: [] as unknown[], at: 0 }));
    for (let done = 0; done < total; ) {
      const count = Math.min(windowRows, total - done);
      const rows = Array.from({ length: count }, () => ({}) as Record<string, unknown>);
      for (const [c, stream] of streams.entries()) {
        const slot = held[c] as { batch: unknown[]; at: number };
        for (let i = 0; i < count; ) {
          if (slot.at < slot.batch.length) {
            (rows[i++] as Record<string, unknown>)[stream.name] = slot.batch[slot.at++];
            continue;
          }
          const next = await stream.cells.next();
          if (next.done) throw new Error(`column "${stream.name}" holds ${done + i} rows, expected ${total}`);
          slot.batch = next.value;
          slot.at = 0;
        }
      }
      done += count;
      yield rows;
    }
    for (const [c, stream] of streams.entries()) {
      const slot = held[c] as { batch: unknown[]; at: number };
      let extra = slot.batch.length - slot.at;
      for (let next = await stream.cells.next(); !next.done; next = await stream.cells.next())
        extra += next.value.length;
      if (extra > 0)
        throw new Error(`column "${stream.name}" holds ${total + extra} rows, expected ${total}`);
    }
  }
  const rows = Number(metadata.num_rows);
  return {
    path,
    rows,
    columns: describeColumns(metadata),
    rowGroups,
    async *readRows(group, columns) {
      // Only a group bigger than a window looks at its columns' shapes.
      const streamed =
        group.end - group.start > windowRows
          ? columns.map((name) => ({ name, batches: cellBatches(group, name) }))
          : undefined;
      if (!streamed || streamed.some((s) => !s.batches)) {
        yield await readGroup(group, columns);
        return;
      }
      const streams = streamed.map(({ name, batches }) => ({
        name,
        cells: (batches as AsyncIterable<unknown[]>)[Symbol.asyncIterator](),
      }));
      try {
        yield* windowsOf(group, streams);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(
          `${path}: rows ${group.start}–${group.end} cannot be read (${errorMessage(error)})`,
        );
      }
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
