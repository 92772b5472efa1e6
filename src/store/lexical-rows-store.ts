/**
 * `index/lexical/<model>/<YYMM>.bin`: the tf-idf rows of a papers shard's papers, so that a rank
 * over a big state reads rows and takes dot products instead of tokenizing every text again.
 * Derived data: a file that is missing, torn, fails its checksum or was written under another
 * vocabulary reads as "none", and the caller transforms the texts and writes it again.
 *
 * Each file, little-endian:
 *
 *   "RRLX" · u32 header length · header JSON (utf-8) · zero padding to 4 bytes ·
 *   u32 textHashes[N] · u32 offsets[N+1] · u32 indices[nnz] · f32 values[nnz]
 *
 * The header holds the format version, the vocabulary stamp, the paper ids, nnz and the CRC-32
 * of everything after the header; a paper's row is `[offsets[i], offsets[i+1])`.
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomicStream } from './atomic-write.ts';
import { statePaths } from './paths.ts';
import type { ReadBuffer } from './read-buffer.ts';

const MAGIC = 'RRLX';
const FORMAT_VERSION = 1;

const Header = z.object({
  version: z.literal(FORMAT_VERSION),
  vocabulary: z.string().min(1),
  ids: z.array(z.string().min(1)),
  nnz: z.int().nonnegative(),
  crc: z.int().nonnegative(),
});

/** The rows of some papers of one shard, as packed arrays. */
export interface StoredRows {
  /** The stamp of the vocabulary the rows were transformed with. */
  vocabulary: string;
  ids: string[];
  /** Per paper, a hash of the text its row was transformed from. */
  textHashes: Uint32Array;
  /** ids.length + 1 entries. */
  offsets: Uint32Array;
  /** Term ids of the vocabulary. */
  indices: Uint32Array;
  values: Float32Array;
}

export interface LexicalRowsStore {
  /**
   * The shard's stored rows; undefined when there are none or the file is damaged. Given
   * `into`, the rows may be views of its bytes (see ReadBuffer); otherwise they are the read's own.
   */
  read(model: string, shard: string, into?: ReadBuffer): Promise<StoredRows | undefined>;
  write(model: string, shard: string, rows: StoredRows): Promise<void>;
}

export function lexicalRowsPath(stateDir: string, model: string, shard: string): string {
  return join(statePaths(stateDir).indexDir, 'lexical', model, `${shard}.bin`);
}

/** Why the rows cannot be stored as given (arrays of the wrong lengths), or undefined. */
export function invalidRows(rows: StoredRows): string | undefined {
  const n = rows.ids.length;
  if (rows.textHashes.length !== n) return 'one text hash per paper is needed';
  if (rows.offsets.length !== n + 1) return 'offsets must have one entry per paper and one more';
  const nnz = rows.offsets[n] ?? 0;
  if (rows.indices.length !== nnz || rows.values.length !== nnz)
    return 'indices and values must hold nnz entries';
  for (let i = 0; i < n; i++)
    if ((rows.offsets[i] ?? 0) > (rows.offsets[i + 1] ?? 0)) return 'offsets must not decrease';
  return undefined;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * The file's bytes as its parts in order (the lead — magic, header, padding — then the four
 * arrays as views of the rows' own memory), so a file store can write them without one more copy.
 */
export function encodeRowsParts(rows: StoredRows): Uint8Array[] {
  const body = [rows.textHashes, rows.offsets, rows.indices, rows.values].map(bytesOf);
  // Empty parts skipped: node's crc32 of no bytes answers 0 whatever the starting value.
  const crc = body.reduce((value, part) => (part.length > 0 ? crc32(part, value) : value), 0);
  const header = Buffer.from(
    JSON.stringify({
      version: FORMAT_VERSION,
      vocabulary: rows.vocabulary,
      ids: rows.ids,
      nnz: rows.indices.length,
      crc,
    }),
    'utf8',
  );
  const lead = new Uint8Array(8 + header.length + ((4 - ((8 + header.length) % 4)) % 4));
  lead.set(Buffer.from(MAGIC, 'ascii'), 0);
  new DataView(lead.buffer).setUint32(4, header.length, true);
  lead.set(header, 8);
  return [lead, ...body];
}

export function encodeRows(rows: StoredRows): Uint8Array {
  const parts = encodeRowsParts(rows);
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The whole file into `into` (grown when too small), or a buffer of its own; undefined when absent. */
async function readWhole(file: string, into?: ReadBuffer): Promise<Uint8Array | undefined> {
  const absent = (error: NodeJS.ErrnoException): undefined => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  };
  if (!into) return readFile(file).catch(absent);
  const handle = await open(file, 'r').catch(absent);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    // A quarter more than asked, so shards that grow day by day do not regrow it each read.
    if (into.bytes.byteLength < size) into.bytes = new Uint8Array(Math.ceil(size * 1.25));
    const bytes = into.bytes.subarray(0, size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file that shrank under the read decodes as torn (its length is checked).
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

/** The rows of a file's bytes, or undefined when they are not a whole, intact rows file. */
export function decodeRows(bytes: Uint8Array): StoredRows | undefined {
  if (bytes.length < 8 || Buffer.from(bytes.subarray(0, 4)).toString('ascii') !== MAGIC) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.subarray(8, 8 + headerLength)).toString('utf8'));
  } catch {
    return undefined;
  }
  const header = Header.safeParse(json);
  if (!header.success) return undefined;
  const { ids, nnz, crc, vocabulary } = header.data;
  const lead = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4);
  const n = ids.length;
  if (bytes.length !== lead + 4 * (n + (n + 1) + 2 * nnz)) return undefined;
  // The typed arrays below are views of the body: of the file's own bytes when they are 4-byte
  // aligned (a whole file read is), else of one aligned copy.
  const at = bytes.byteOffset + lead;
  const body = at % 4 === 0 ? bytes.subarray(lead) : new Uint8Array(bytes.subarray(lead));
  if (crc32(body) !== crc) return undefined;
  const start = body.byteOffset;
  const words = (from: number, count: number) => new Uint32Array(body.buffer, start + 4 * from, count);
  const rows: StoredRows = {
    vocabulary,
    ids,
    textHashes: words(0, n),
    offsets: words(n, n + 1),
    indices: words(2 * n + 1, nnz),
    values: new Float32Array(body.buffer, start + 4 * (2 * n + 1 + nnz), nnz),
  };
  return invalidRows(rows) === undefined ? rows : undefined;
}

export function createLexicalRowsStore(stateDir: string): LexicalRowsStore {
  return {
    async read(model, shard, into) {
      const bytes = await readWhole(lexicalRowsPath(stateDir, model, shard), into);
      return bytes ? decodeRows(bytes) : undefined;
    },
    async write(model, shard, rows) {
      const file = lexicalRowsPath(stateDir, model, shard);
      const problem = invalidRows(rows);
      if (problem) throw new StateFileError(file, problem);
      await writeFileAtomicStream(file, encodeRowsParts(rows));
    },
  };
}
