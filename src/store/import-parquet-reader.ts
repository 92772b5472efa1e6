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
import type { AsyncBuffer, ColumnChunk, DecodedArray, FileMetaData, SchemaTree } from 'hyparquet';
import { parquetMetadataAsync, parquetRead, parquetSchema } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, convertWithDictionary, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel } from 'hyparquet/src/schema.js';
import { errorMessage, UsageError } from '../core/errors.ts';
import type { ColumnKind, RowGroupSpan, SourceColumn, VectorColumn } from '../import/source-columns.ts';

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

/** Rows read per step when looking for the first non-null vector of a column. */
const SAMPLE_ROWS = 256;

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

/** A float-list cell: a view of the decoded floats, a list holding nulls, or null (null or empty list). */
type FloatListCell = Float32Array | Float64Array | Array<number | null> | null;

/** One decoded data page: its levels and values, before any row assembly. */
interface FlatPage {
  definition: readonly number[] | undefined;
  repetition: readonly number[];
  values: DecodedArray;
}

/** Decodes the pages of one column chunk one at a time, with hyparquet's page functions. */
function* decodeFlatPages(
  bytes: ArrayBuffer,
  chunk: ColumnChunk,
  schemaPath: SchemaTree[],
): Generator<FlatPage> {
  const meta = chunk.meta_data;
  const leaf = schemaPath.at(-1);
  if (!meta || !leaf) throw new Error('column chunk without metadata');
  const decoder = {
    pathInSchema: meta.path_in_schema,
    type: meta.type,
    element: leaf.element,
    schemaPath,
    codec: meta.codec,
    parsers: DEFAULT_PARSERS,
  };
  const reader = { view: new DataView(bytes), offset: 0 };
  let dictionary: DecodedArray | undefined;
  while (reader.offset < bytes.byteLength - 1) {
    const header = parquetHeader(reader);
    const page = new Uint8Array(bytes, reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const raw = decompressPage(page, header.uncompressed_page_size, meta.codec, undefined);
      const count = header.dictionary_page_header?.num_values ?? 0;
      const view = { view: new DataView(raw.buffer, raw.byteOffset, raw.byteLength), offset: 0 };
      dictionary = convert(readPlain(view, meta.type, count, leaf.element.type_length), decoder);
      continue;
    }
    let decoded: ReturnType<typeof readDataPage>;
    let encoding: Parameters<typeof convertWithDictionary>[2];
    if (header.type === 'DATA_PAGE' && header.data_page_header) {
      const raw = decompressPage(page, header.uncompressed_page_size, meta.codec, undefined);
      decoded = readDataPage(raw, header.data_page_header, decoder);
      encoding = header.data_page_header.encoding;
    } else if (header.type === 'DATA_PAGE_V2' && header.data_page_header_v2) {
      decoded = readDataPageV2(page, header, decoder);
      encoding = header.data_page_header_v2.encoding;
    } else {
      throw new Error(`unsupported page type ${header.type}`);
    }
    yield {
      definition: decoded.definitionLevels,
      repetition: decoded.repetitionLevels,
      values: convertWithDictionary(decoded.dataPage, dictionary, encoding, decoder),
    };
  }
}

/**
 * Splits pages of list levels into one cell per row; `listDef` is the definition level at which a
 * list has a slot. A row within one page becomes a view of the page's floats; a row split across
 * pages (data page v1 allows it) or holding null elements becomes a plain array.
 */
function splitListRows(
  pages: Iterable<FlatPage>,
  maxDef: number,
  listDef: number,
  rows: number,
): FloatListCell[] {
  const cells: FloatListCell[] = [];
  /** The row being read when a page ends (it may continue on the next page), or one with nulls. */
  let open: Array<number | null> | null | undefined;
  const close = () => {
    if (open !== undefined) cells.push(open && open.length > 0 ? open : null);
    open = undefined;
  };
  for (const { definition, repetition, values } of pages) {
    const typed = values instanceof Float32Array || values instanceof Float64Array;
    const numbers = values as ArrayLike<number>;
    let value = 0;
    let i = 0;
    while (i < repetition.length) {
      const continues = repetition[i] !== 0;
      if (!continues) close();
      const start = value;
      const first = i;
      let simple = !continues;
      do {
        const def = definition?.[i] ?? maxDef;
        if (def === maxDef) value += 1;
        else if (def >= listDef || i > first) simple = false;
        i += 1;
      } while (i < repetition.length && repetition[i] !== 0);
      const rowDef = definition?.[first] ?? maxDef;
      if (simple && i === repetition.length) simple = false; // it may continue on the next page
      if (simple) {
        if (rowDef < listDef) cells.push(null);
        else if (typed) cells.push((values as Float32Array | Float64Array).subarray(start, value));
        else cells.push(Array.from({ length: value - start }, (_, k) => Number(numbers[start + k])));
        continue;
      }
      if (open === undefined) open = rowDef < listDef ? null : [];
      let at = start;
      for (let k = first; k < i; k += 1) {
        const def = definition?.[k] ?? maxDef;
        if (def < listDef) continue;
        open ??= [];
        open.push(def === maxDef ? Number(numbers[at++]) : null);
      }
    }
  }
  close();
  if (cells.length !== rows) throw new Error(`vector column holds ${cells.length} rows, expected ${rows}`);
  return cells;
}

function lengthOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (ArrayBuffer.isView(value) && 'length' in value && typeof value.length === 'number') return value.length;
  return undefined;
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
  const readFloatList = async (group: RowGroupSpan, name: string, path: SchemaTree[]) => {
    const chunk = metadata.row_groups[group.index]?.columns.find(
      (c) => c.meta_data?.path_in_schema[0] === name,
    );
    const meta = chunk?.meta_data;
    if (!chunk || !meta) throw new Error(`no column chunk for "${name}"`);
    const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
    const bytes = await file.slice(start, start + Number(meta.total_compressed_size));
    const leaf = path.at(-1);
    const maxDef = getMaxDefinitionLevel(path);
    const listDef = leaf?.element.repetition_type === 'OPTIONAL' ? maxDef - 1 : maxDef;
    return splitListRows(decodeFlatPages(bytes, chunk, path), maxDef, listDef, group.end - group.start);
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
      const found = new Map<string, number>();
      for (let start = 0; start < rows && found.size < names.length; start += SAMPLE_ROWS) {
        const pending = names.filter((name) => !found.has(name));
        for (const row of await read(start, Math.min(rows, start + SAMPLE_ROWS), pending)) {
          for (const name of pending) {
            const length = lengthOf(row[name]);
            if (length !== undefined && length > 0 && !found.has(name)) found.set(name, length);
          }
        }
        // Columns that are null for many rows are rare; do not scan a whole file for them.
        if (start >= SAMPLE_ROWS * 16) break;
      }
      return names.map((name) => ({ name, dims: found.get(name) }));
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
