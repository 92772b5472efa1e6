/**
 * `classifiers/<model>/vocabulary.bin`: the terms and document frequencies a lexical (tf-idf)
 * ranking model fitted on the state's papers, with the settings they were fitted under; refitted
 * when the corpus grows. At 100k papers there are ~760k terms, so the file is binary and read as
 * typed arrays: a rank over stored rows needs only the term count and the frequencies, and the
 * terms' strings are decoded only when a paper must be tokenized (`terms()`).
 *
 * The file, little-endian:
 *
 *   "RRVC" · u32 header length · header JSON (utf-8) · zero padding to 4 bytes ·
 *   u32 df[N] · the N terms in utf-8, joined by "\n"
 *
 * The header holds the format, the model's fields (version, model, fittedAt, docCount, settings),
 * N, the terms' byte length and the CRC-32 of everything after the header. A vocabulary stored
 * by earlier versions as `vocabulary.json` is read and rewritten in this format on first read.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomicStream } from './atomic-write.ts';
import { readJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';

export const VocabularySettings = z.object({
  ngramMax: z.int().min(1).max(3),
  minDf: z.int().min(1),
  maxDf: z.number().gt(0).max(1),
  maxFeatures: z.int().positive().optional(),
  stemming: z.enum(['porter', 'none']),
  stopWords: z.literal('english'),
  sublinearTf: z.boolean(),
});
export type VocabularySettings = z.infer<typeof VocabularySettings>;

const VocabularyFields = z.object({
  version: z.literal(1),
  model: z.string().min(1),
  fittedAt: z.iso.datetime({ offset: true }),
  docCount: z.int().min(0),
  settings: VocabularySettings,
});

/** A fitted vocabulary as the fit produces it (what `write` takes). */
export interface VocabularyInput extends z.infer<typeof VocabularyFields> {
  terms: readonly string[];
  /** One document frequency per term. */
  df: ArrayLike<number>;
}

/** A stored vocabulary: frequencies as a typed array, the terms decoded on first use. */
export interface StoredVocabulary extends z.infer<typeof VocabularyFields> {
  termCount: number;
  df: Uint32Array;
  /**
   * The terms in term id order, decoded from the file as they are iterated (each call starts
   * over): ~760k strings at 100k papers, which no caller needs all at once.
   */
  terms(): Iterable<string>;
}

export interface VocabularyStore {
  read(model: string): Promise<StoredVocabulary | undefined>;
  write(vocabulary: VocabularyInput): Promise<void>;
}

/** The JSON file earlier versions wrote (read once, then rewritten as `vocabulary.bin`). */
const LegacyVocabulary = VocabularyFields.extend({
  terms: z.array(z.string()),
  df: z.array(z.int()),
});

const MAGIC = 'RRVC';
const FORMAT = 2;
const Header = VocabularyFields.extend({
  format: z.literal(FORMAT),
  terms: z.int().nonnegative(),
  termBytes: z.int().nonnegative(),
  crc: z.int().nonnegative(),
});

export function vocabularyPath(stateDir: string, model: string): string {
  return join(statePaths(stateDir).classifiersDir, model, 'vocabulary.bin');
}

function legacyVocabularyPath(stateDir: string, model: string): string {
  return join(statePaths(stateDir).classifiersDir, model, 'vocabulary.json');
}

/** Why the vocabulary cannot be stored as given, or undefined. */
export function invalidVocabulary(v: VocabularyInput): string | undefined {
  const fields = VocabularyFields.safeParse(v);
  if (!fields.success) {
    const issue = fields.error.issues[0];
    return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
  }
  if (v.df.length !== v.terms.length) return 'df must have one entry per term';
  for (let i = 0; i < v.df.length; i++) {
    const df = v.df[i] ?? 0;
    if (!Number.isInteger(df) || df < 1) return `df[${i}] must be a whole number of at least 1`;
    if (df > v.docCount) return 'a document frequency exceeds docCount';
  }
  for (const [i, term] of v.terms.entries())
    if (term.length === 0 || term.includes('\n')) return `term ${i} must be non-empty and on one line`;
  return undefined;
}

/** A stored vocabulary over the given arrays (validated as `write` does). */
export function storedVocabularyOf(v: VocabularyInput, where: string): StoredVocabulary {
  const problem = invalidVocabulary(v);
  if (problem) throw new StateFileError(where, problem);
  const terms = v.terms;
  return { ...fieldsOf(v), termCount: terms.length, df: Uint32Array.from(v.df), terms: () => terms };
}

function fieldsOf(v: z.infer<typeof VocabularyFields>): z.infer<typeof VocabularyFields> {
  return {
    version: v.version,
    model: v.model,
    fittedAt: v.fittedAt,
    docCount: v.docCount,
    settings: v.settings,
  };
}

/** Terms per encoded chunk: the terms' bytes are never held whole (~10 MB at 100k papers). */
const TERM_CHUNK = 8192;

/** The terms' UTF-8, "\n"-joined, in chunks of TERM_CHUNK terms. */
function* termChunks(terms: readonly string[]): Generator<Buffer> {
  for (let i = 0; i < terms.length; i += TERM_CHUNK) {
    const last = i + TERM_CHUNK >= terms.length;
    yield Buffer.from(`${terms.slice(i, i + TERM_CHUNK).join('\n')}${last ? '' : '\n'}`, 'utf8');
  }
}

/**
 * The file's bytes as parts in order (lead, df, then the terms chunk by chunk), for a streamed
 * write. The header needs the terms' byte length and checksum first, so they are encoded twice:
 * tens of milliseconds at 100k papers, against holding the file's bytes a second time.
 */
export function* encodeVocabularyParts(v: VocabularyInput): Generator<Uint8Array> {
  const df = Uint32Array.from(v.df);
  const dfBytes = new Uint8Array(df.buffer, df.byteOffset, df.byteLength);
  let crc = dfBytes.length > 0 ? crc32(dfBytes) : 0;
  let termBytes = 0;
  for (const chunk of termChunks(v.terms)) {
    if (chunk.length > 0) crc = crc32(chunk, crc);
    termBytes += chunk.length;
  }
  const header = Buffer.from(
    JSON.stringify({ format: FORMAT, ...fieldsOf(v), terms: v.terms.length, termBytes, crc }),
    'utf8',
  );
  const lead = new Uint8Array(8 + header.length + ((4 - ((8 + header.length) % 4)) % 4));
  lead.set(Buffer.from(MAGIC, 'ascii'), 0);
  new DataView(lead.buffer).setUint32(4, header.length, true);
  lead.set(header, 8);
  yield lead;
  yield dfBytes;
  yield* termChunks(v.terms);
}

/** The file's bytes in one array (the memory store's twin of the file). */
export function encodeVocabulary(v: VocabularyInput): Uint8Array {
  return Buffer.concat([...encodeVocabularyParts(v)]);
}

/** The vocabulary of a file's bytes; a damaged file throws a StateFileError naming `where` and what is wrong. */
export function decodeVocabulary(bytes: Uint8Array, where: string): StoredVocabulary {
  const fail = (why: string): never => {
    throw new StateFileError(where, why);
  };
  if (bytes.length < 8 || Buffer.from(bytes.subarray(0, 4)).toString('ascii') !== MAGIC)
    fail('not a vocabulary file');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (8 + headerLength > bytes.length) fail('truncated header');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes.subarray(8, 8 + headerLength)).toString('utf8'));
  } catch {
    fail('header is not valid JSON');
  }
  const parsed = Header.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`header ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const header = parsed.data;
  const lead = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4);
  const n = header.terms;
  if (bytes.length !== lead + 4 * n + header.termBytes) fail('truncated or overlong body');
  const body =
    (bytes.byteOffset + lead) % 4 === 0 ? bytes.subarray(lead) : new Uint8Array(bytes.subarray(lead));
  if (crc32(body) !== header.crc) fail('checksum mismatch');
  const df = new Uint32Array(body.buffer, body.byteOffset, n);
  for (let i = 0; i < n; i++) {
    const d = df[i] ?? 0;
    if (d < 1 || d > header.docCount) fail(`df[${i}] is outside 1..docCount`);
  }
  const termBytes = body.subarray(4 * n);
  // One line per term: n - 1 separators, no empty line.
  let lines = termBytes.length > 0 ? 1 : 0;
  for (let i = 0; i < termBytes.length; i++) {
    if (termBytes[i] !== 10) continue;
    if (i === 0 || termBytes[i - 1] === 10 || i === termBytes.length - 1) fail('an empty term');
    lines += 1;
  }
  if (lines !== n) fail(`${lines} terms for a header of ${n}`);
  return {
    ...fieldsOf(header),
    termCount: n,
    df,
    terms: () => (n === 0 ? [] : linesOf(termBytes)),
  };
}

/** The "\n"-separated lines of UTF-8 bytes, one string at a time (one decoded text, cut as iterated). */
function* linesOf(bytes: Uint8Array): Generator<string> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  for (let from = 0; from <= text.length; ) {
    const end = text.indexOf('\n', from);
    const to = end < 0 ? text.length : end;
    yield text.slice(from, to);
    from = to + 1;
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

export function createVocabularyStore(stateDir: string): VocabularyStore {
  const write = async (vocabulary: VocabularyInput): Promise<void> => {
    const file = vocabularyPath(stateDir, vocabulary.model);
    const problem = invalidVocabulary(vocabulary);
    if (problem) throw new StateFileError(file, problem);
    await writeFileAtomicStream(file, encodeVocabularyParts(vocabulary));
  };
  return {
    async read(model) {
      const file = vocabularyPath(stateDir, model);
      const bytes = await readIfExists(file);
      if (bytes) return decodeVocabulary(bytes, file);
      const legacyFile = legacyVocabularyPath(stateDir, model);
      const legacy = await readJsonFile(legacyFile, LegacyVocabulary);
      if (!legacy) return undefined;
      const problem = invalidVocabulary(legacy);
      if (problem) throw new StateFileError(legacyFile, problem);
      // Rewritten in the binary format before the JSON file goes: a crash between keeps both.
      await write(legacy);
      await rm(legacyFile, { force: true });
      return storedVocabularyOf(legacy, file);
    },
    write,
  };
}
