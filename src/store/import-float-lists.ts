/**
 * Columns of an imported parquet file read page by page, without hyparquet's row assembly: pages
 * are read from the file one at a time and decoded with hyparquet's own page functions. For
 * float-list (vector) columns that assembly pushed every float into a JS array of its row (the
 * bulk of an import's CPU and heap): here each row becomes a view into its page's Float32Array.
 * Scalar and list columns are split into cells page by page too, so a row group too big to hold
 * can be read in windows of rows (import-parquet-reader.ts).
 */
import type { AsyncBuffer, ColumnChunk, DecodedArray, PageHeader, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, convertWithDictionary, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { getMaxDefinitionLevel, getMaxRepetitionLevel } from 'hyparquet/src/schema.js';

/** A float-list cell: a view of the decoded floats, a list holding nulls, or null (null or empty list). */
export type FloatListCell = Float32Array | Float64Array | Array<number | null> | null;

/** One decoded data page: its levels and values, before any row assembly. */
export interface FlatPage {
  definition: ArrayLike<number> | undefined;
  repetition: ArrayLike<number>;
  values: DecodedArray;
}

interface PageDecoder {
  type: NonNullable<ColumnChunk['meta_data']>['type'];
  codec: NonNullable<ColumnChunk['meta_data']>['codec'];
  schemaPath: SchemaTree[];
  element: SchemaTree['element'];
}

type DataReader = { view: DataView; offset: number };

/** Levels of one page as bytes (levels of a list of floats are tiny numbers), not JS arrays. */
function readLevels(reader: DataReader, max: number, count: number, byteLength?: number): Uint8Array {
  const levels = new Uint8Array(count);
  readRleBitPackedHybrid(reader, 32 - Math.clz32(max), levels, byteLength);
  return levels;
}

function countBelow(levels: Uint8Array | undefined, max: number): number {
  let below = 0;
  if (levels) for (const level of levels) if (level < max) below += 1;
  return below;
}

/**
 * A PLAIN data page (v1 or v2) with its levels decoded into byte arrays. hyparquet's page readers
 * give levels as JS arrays: 8 bytes a value in the V8 heap, twice the floats' own size, which a
 * large import turns into hundreds of MB of garbage. Other encodings go through hyparquet.
 */
function readPlainPage(page: Uint8Array, header: PageHeader, decoder: PageDecoder): FlatPage | undefined {
  const maxRep = getMaxRepetitionLevel(decoder.schemaPath);
  const maxDef = getMaxDefinitionLevel(decoder.schemaPath);
  if (maxRep > 255 || maxDef > 255) return undefined;
  const v1 = header.data_page_header;
  const v2 = header.data_page_header_v2;
  if (header.type === 'DATA_PAGE' && v1?.encoding === 'PLAIN') {
    const raw = decompressPage(page, header.uncompressed_page_size, decoder.codec, undefined);
    const reader = { view: new DataView(raw.buffer, raw.byteOffset, raw.byteLength), offset: 0 };
    const repetition = maxRep > 0 ? readLevels(reader, maxRep, v1.num_values) : new Uint8Array(0);
    const definition = maxDef > 0 ? readLevels(reader, maxDef, v1.num_values) : undefined;
    const count = v1.num_values - countBelow(definition, maxDef);
    const values = readPlain(reader, decoder.type, count, decoder.element.type_length);
    return { definition, repetition, values };
  }
  if (header.type === 'DATA_PAGE_V2' && v2?.encoding === 'PLAIN') {
    const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
    const { num_values: n, repetition_levels_byte_length: repBytes } = v2;
    const repetition = maxRep > 0 ? readLevels(reader, maxRep, n, repBytes) : new Uint8Array(0);
    reader.offset = repBytes;
    const definition =
      maxDef > 0 ? readLevels(reader, maxDef, n, v2.definition_levels_byte_length) : undefined;
    const levelBytes = repBytes + v2.definition_levels_byte_length;
    let data = page.subarray(levelBytes);
    if (v2.is_compressed !== false)
      data = decompressPage(data, header.uncompressed_page_size - levelBytes, decoder.codec, undefined);
    const dataReader = { view: new DataView(data.buffer, data.byteOffset, data.byteLength), offset: 0 };
    const values = readPlain(dataReader, decoder.type, n - v2.num_nulls, decoder.element.type_length);
    return { definition, repetition, values };
  }
  return undefined;
}

/** Bytes read for a page header; a header that does not fit (large statistics) is read again whole. */
const HEADER_READ = 64 * 1024;

/** The pages of one column chunk, read from the file one at a time (never the whole chunk at once). */
async function* chunkPages(
  file: AsyncBuffer,
  start: number,
  end: number,
): AsyncGenerator<{ header: PageHeader; page: Uint8Array }> {
  let offset = start;
  while (offset < end - 1) {
    let window = Math.min(end, offset + HEADER_READ);
    let header: PageHeader | undefined;
    let headerBytes = 0;
    while (!header) {
      const reader = { view: new DataView(await file.slice(offset, window)), offset: 0 };
      try {
        header = parquetHeader(reader);
        headerBytes = reader.offset;
      } catch (error) {
        if (!(error instanceof RangeError) || window >= end) throw error;
        window = end;
      }
    }
    const pageStart = offset + headerBytes;
    const pageEnd = pageStart + header.compressed_page_size;
    if (pageEnd > end) throw new Error(`page at byte ${offset} runs past its column chunk`);
    yield { header, page: new Uint8Array(await file.slice(pageStart, pageEnd)) };
    offset = pageEnd;
  }
}

/** Decodes the data pages of one column chunk one at a time, with hyparquet's page functions. */
export async function* decodeFlatPages(
  file: AsyncBuffer,
  chunk: ColumnChunk,
  schemaPath: SchemaTree[],
): AsyncGenerator<FlatPage> {
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
  const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
  let dictionary: DecodedArray | undefined;
  for await (const { header, page } of chunkPages(file, start, start + Number(meta.total_compressed_size))) {
    if (header.type === 'DICTIONARY_PAGE') {
      const raw = decompressPage(page, header.uncompressed_page_size, meta.codec, undefined);
      const count = header.dictionary_page_header?.num_values ?? 0;
      const view = { view: new DataView(raw.buffer, raw.byteOffset, raw.byteLength), offset: 0 };
      dictionary = convert(readPlain(view, meta.type, count, leaf.element.type_length), decoder);
      continue;
    }
    const plain = readPlainPage(page, header, decoder);
    if (plain) {
      yield { ...plain, values: convert(plain.values, decoder) };
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
 * Definition levels of a list column (`path` from the root to the leaf): the full value, the
 * level at which a list has a slot, and the level at which the list itself is present.
 */
export function listLevels(path: SchemaTree[]): { maxDef: number; listDef: number; emptyDef: number } {
  const maxDef = getMaxDefinitionLevel(path);
  const optional = path.at(-1)?.element.repetition_type === 'OPTIONAL';
  return {
    maxDef,
    listDef: optional ? maxDef - 1 : maxDef,
    emptyDef: getMaxDefinitionLevel(path.slice(0, 2)),
  };
}

/**
 * Splits pages of list levels into one cell per row, yielding the rows each page completes. A
 * row within one page becomes a view of the page's floats (a copy of its values, for a list of
 * strings or other non-float values); a row split across pages (data page v1 allows it) or
 * holding null elements becomes a plain array.
 */
export async function* listCellBatches(
  pages: AsyncIterable<FlatPage>,
  levels: { maxDef: number; listDef: number; emptyDef: number },
  numeric: boolean,
): AsyncGenerator<unknown[]> {
  const { maxDef, listDef, emptyDef } = levels;
  // A list without elements: none for a vector (as a null one), an empty list for other values.
  const emptyOrNull = (rowDef: number): unknown[] | null => (!numeric && rowDef >= emptyDef ? [] : null);
  let cells: unknown[] = [];
  /** The row being read when a page ends (it may continue on the next page), or one with nulls. */
  let open: unknown[] | null | undefined;
  let openDef = 0;
  const close = () => {
    if (open !== undefined) cells.push(open && open.length > 0 ? open : emptyOrNull(openDef));
    open = undefined;
  };
  const elementAt = (values: ArrayLike<unknown>, k: number): unknown =>
    numeric ? Number(values[k]) : values[k];
  for await (const { definition, repetition, values } of pages) {
    const typed = numeric && (values instanceof Float32Array || values instanceof Float64Array);
    const all = values as ArrayLike<unknown>;
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
        if (rowDef < listDef) cells.push(emptyOrNull(rowDef));
        else if (typed) cells.push((values as Float32Array | Float64Array).subarray(start, value));
        else cells.push(Array.from({ length: value - start }, (_, k) => elementAt(all, start + k)));
        continue;
      }
      if (open === undefined) {
        open = rowDef < listDef ? null : [];
        openDef = rowDef;
      }
      let at = start;
      for (let k = first; k < i; k += 1) {
        const def = definition?.[k] ?? maxDef;
        if (def < listDef) continue;
        open ??= [];
        open.push(def === maxDef ? elementAt(all, at++) : null);
      }
    }
    if (cells.length > 0) yield cells;
    cells = [];
  }
  close();
  if (cells.length > 0) yield cells;
}

/**
 * One cell per row of a column without repetition: its value, or null where the definition
 * level says the value is absent. Yields each page's rows.
 */
export async function* scalarCellBatches(
  pages: AsyncIterable<FlatPage>,
  maxDef: number,
): AsyncGenerator<unknown[]> {
  for await (const { definition, values } of pages) {
    const all = values as ArrayLike<unknown>;
    if (!definition || maxDef === 0) {
      yield Array.from(all);
      continue;
    }
    const cells: unknown[] = new Array(definition.length);
    let v = 0;
    for (let i = 0; i < definition.length; i++) cells[i] = definition[i] === maxDef ? all[v++] : null;
    yield cells;
  }
}

/** The cells of one float-list column chunk of `rows` rows; `path` runs from the root to the leaf. */
export async function readFloatListChunk(
  file: AsyncBuffer,
  chunk: ColumnChunk,
  path: SchemaTree[],
  rows: number,
): Promise<FloatListCell[]> {
  const cells: FloatListCell[] = [];
  for await (const batch of listCellBatches(decodeFlatPages(file, chunk, path), listLevels(path), true))
    for (const cell of batch) cells.push(cell as FloatListCell);
  if (cells.length !== rows) throw new Error(`vector column holds ${cells.length} rows, expected ${rows}`);
  return cells;
}

/**
 * The length (nulls included) of the first non-empty list in a column chunk, reading pages only
 * until it ends, or undefined when none of the first `maxRows` rows holds one.
 */
export async function firstListLength(
  file: AsyncBuffer,
  chunk: ColumnChunk,
  path: SchemaTree[],
  maxRows: number,
): Promise<number | undefined> {
  const { listDef } = listLevels(path);
  let rows = 0;
  let length = 0;
  for await (const { definition, repetition } of decodeFlatPages(file, chunk, path)) {
    for (let i = 0; i < repetition.length; i += 1) {
      if (repetition[i] === 0) {
        if (length > 0) return length;
        rows += 1;
        if (rows > maxRows) return undefined;
      }
      if ((definition?.[i] ?? listDef) >= listDef) length += 1;
    }
  }
  return length > 0 ? length : undefined;
}
