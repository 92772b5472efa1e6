/**
 * A streaming parser of TREC run files (`qid Q0 docno rank score run_id`): fed byte chunks,
 * it groups documents by query into compact rankings without making a string per line.
 * The rank column is checked for presence only; trec_eval ignores it and so do we.
 */
import { QueryRanking } from './query-ranking.ts';
import { TrecFormatError } from './trec-errors.ts';

export interface TrecRun {
  /** query id → its retrieved documents in file order. */
  readonly byQuery: Map<string, QueryRanking>;
  /** The run id of the first line ('' for an empty file). */
  readonly runId: string;
}

export interface RunParser {
  feed(chunk: Uint8Array): void;
  end(): TrecRun;
}

const NEWLINE = 10;
const FIELDS = 6;

function isSpace(byte: number): boolean {
  return byte === 32 || byte === 9 || byte === 13 || byte === 11 || byte === 12;
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Decimal text → double. Plain decimals with ≤ 15 digits take Clinger's fast path (an exact
 * integer divided by an exact power of ten is correctly rounded, as strtod is); anything else
 * goes through Number().
 */
export function parseScore(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (bytes[i] === 45 || bytes[i] === 43) {
    negative = bytes[i] === 45;
    i += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte >= 48 && byte <= 57) {
      mantissa = mantissa * 10 + (byte - 48);
      digits += 1;
      if (fraction >= 0) fraction += 1;
    } else if (byte === 46 && fraction < 0) fraction = 0;
    else break;
  }
  if (i === end && digits > 0 && digits <= 15) {
    const value = fraction > 0 ? mantissa / (POW10[fraction] ?? 1) : mantissa;
    return negative ? -value : value;
  }
  return Number(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
}

export function createRunParser(source = 'run'): RunParser {
  const byQuery = new Map<string, QueryRanking>();
  let carry: Buffer | undefined;
  let lineNumber = 0;
  let runId: string | undefined;
  let currentQid = '';
  let currentBytes = Buffer.alloc(0);
  let current: QueryRanking | undefined;
  const starts = new Int32Array(FIELDS);
  const ends = new Int32Array(FIELDS);

  function rankingFor(line: Buffer, start: number, end: number): QueryRanking {
    if (
      current !== undefined &&
      end - start === currentBytes.length &&
      line.compare(currentBytes, 0, currentBytes.length, start, end) === 0
    )
      return current;
    currentQid = line.toString('latin1', start, end);
    currentBytes = Buffer.from(line.subarray(start, end));
    let ranking = byQuery.get(currentQid);
    if (ranking === undefined) {
      ranking = new QueryRanking();
      byQuery.set(currentQid, ranking);
    }
    current = ranking;
    return ranking;
  }

  function parseLine(buffer: Buffer, lineStart: number, lineEnd: number): void {
    lineNumber += 1;
    let fields = 0;
    let i = lineStart;
    while (i < lineEnd) {
      while (i < lineEnd && isSpace(buffer[i] ?? 0)) i += 1;
      if (i >= lineEnd) break;
      if (fields === FIELDS) break; // trec_eval ignores whatever follows the run id
      starts[fields] = i;
      while (i < lineEnd && !isSpace(buffer[i] ?? 0)) i += 1;
      ends[fields] = i;
      fields += 1;
    }
    if (fields === 0) return;
    if (fields < FIELDS)
      throw new TrecFormatError(
        source,
        lineNumber,
        `expected 6 fields "qid Q0 docno rank score run_id", got ${fields}`,
      );
    const score = parseScore(buffer, starts[4] ?? 0, ends[4] ?? 0);
    if (!Number.isFinite(score))
      throw new TrecFormatError(
        source,
        lineNumber,
        `score "${buffer.toString('latin1', starts[4], ends[4])}" is not a number`,
      );
    runId ??= buffer.toString('latin1', starts[5], ends[5]);
    rankingFor(buffer, starts[0] ?? 0, ends[0] ?? 0).addBytes(buffer, starts[2] ?? 0, ends[2] ?? 0, score);
  }

  function parseLines(buffer: Buffer, limit: number): void {
    let start = 0;
    while (start < limit) {
      let end = buffer.indexOf(NEWLINE, start);
      if (end < 0 || end > limit) end = limit;
      parseLine(buffer, start, end);
      start = end + 1;
    }
  }

  return {
    feed(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const buffer = carry === undefined ? bytes : Buffer.concat([carry, bytes]);
      const last = buffer.lastIndexOf(NEWLINE);
      if (last < 0) {
        carry = Buffer.from(buffer);
        return;
      }
      parseLines(buffer, last);
      carry = last + 1 < buffer.length ? Buffer.from(buffer.subarray(last + 1)) : undefined;
    },
    end() {
      if (carry !== undefined) parseLines(carry, carry.length);
      carry = undefined;
      return { byQuery, runId: runId ?? '' };
    },
  };
}

/** Parses a whole run given as text (tests, small files). */
export function parseRun(text: string, source = 'run'): TrecRun {
  const parser = createRunParser(source);
  parser.feed(Buffer.from(text, 'latin1'));
  return parser.end();
}
