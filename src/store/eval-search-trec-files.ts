/**
 * TREC qrels and run files on disk. Both are read as bytes (latin1) so docnos keep their exact
 * bytes; the run file is streamed in 1 MiB chunks into the compact parser, never read whole.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../core/errors.ts';
import { formatQrels, parseQrels, type Qrels } from '../evals/search/metrics/trec-qrels.ts';
import { createRunParser, type TrecRun } from '../evals/search/metrics/trec-run-parser.ts';
import { writeFileAtomic } from './atomic-write.ts';

function missing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR');
}

export async function readQrelsFile(file: string): Promise<Qrels> {
  let text: string;
  try {
    text = await readFile(file, 'latin1');
  } catch (error) {
    if (missing(error)) throw new UsageError(`qrels file not found: ${file}`);
    throw error;
  }
  return parseQrels(text, file);
}

export async function readRunFile(file: string): Promise<TrecRun> {
  const parser = createRunParser(file);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      if (chunk instanceof Uint8Array) parser.feed(chunk);
    }
  } catch (error) {
    if (missing(error)) throw new UsageError(`run file not found: ${file}`);
    throw error;
  }
  return parser.end();
}

export async function writeQrelsFile(file: string, qrels: Qrels): Promise<void> {
  await writeFileAtomic(file, Buffer.from(formatQrels(qrels), 'latin1'));
}

export interface RunLine {
  qid: string;
  docno: string;
  score: number;
}

/** Writes `qid Q0 docno rank score run_id` lines, ranks from 1 in the order given per query. */
export async function writeRunFile(file: string, runId: string, lines: readonly RunLine[]): Promise<void> {
  const ranks = new Map<string, number>();
  const text = lines
    .map((line) => {
      const rank = (ranks.get(line.qid) ?? 0) + 1;
      ranks.set(line.qid, rank);
      return `${line.qid} Q0 ${line.docno} ${rank} ${line.score} ${runId}`;
    })
    .join('\n');
  await writeFileAtomic(file, Buffer.from(text === '' ? '' : `${text}\n`, 'latin1'));
}
