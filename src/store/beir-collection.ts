/**
 * BEIR-format test collections: `corpus.jsonl` ({_id, title, text}), `queries.jsonl`
 * ({_id, text}) and `qrels/<split>.tsv` (query-id, corpus-id, score, with a header line).
 * Any search algorithm can run over such a corpus, and the search benchmark imports its
 * judgments. The corpus is streamed line by line, so a large collection is never read whole.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readTextIfExists } from './read-text.ts';

const CorpusRow = z.object({
  _id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().default(''),
  text: z.string().default(''),
});
export type BeirDocument = { id: string; title: string; text: string };

const QueryRow = z.object({
  _id: z.union([z.string(), z.number()]).transform(String),
  text: z.string(),
});
export type BeirQuery = { id: string; text: string };

/** query id → doc id → graded relevance. */
export type Qrels = Map<string, Map<string, number>>;

export interface BeirCollection {
  dir: string;
  /** Streams the corpus; each row validated, a bad line names the file and line. */
  documents(): AsyncGenerator<BeirDocument>;
  queries(): Promise<BeirQuery[]>;
  /** The judgments of one split (`test` by default). */
  qrels(split?: string): Promise<Qrels>;
}

async function* jsonlLines(file: string): AsyncGenerator<{ line: string; number: number }> {
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() !== '') yield { line, number };
  }
}

function parseRow<T>(file: string, number: number, line: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    throw new StateFileError(file, `line ${number} is not JSON`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StateFileError(
      file,
      `line ${number}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/** Parses a BEIR qrels TSV (header optional; columns query-id, corpus-id, score). */
export function parseBeirQrels(file: string, text: string): Qrels {
  const qrels: Qrels = new Map();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const cols = line.split(/\t| +/);
    if (index === 0 && cols[0] === 'query-id') return;
    const [qid, docid, score] = cols;
    const grade = Number(score);
    if (qid === undefined || docid === undefined || score === undefined || !Number.isFinite(grade)) {
      throw new StateFileError(file, `line ${index + 1}: expected "query-id<TAB>corpus-id<TAB>score"`);
    }
    const judged = qrels.get(qid) ?? new Map<string, number>();
    judged.set(docid, grade);
    qrels.set(qid, judged);
  });
  return qrels;
}

export async function openBeirCollection(dir: string): Promise<BeirCollection> {
  const corpusFile = join(dir, 'corpus.jsonl');
  const queriesFile = join(dir, 'queries.jsonl');
  for (const file of [corpusFile, queriesFile]) {
    try {
      await access(file);
    } catch {
      throw new StateFileError(
        file,
        'missing: a BEIR collection has corpus.jsonl, queries.jsonl and qrels/<split>.tsv',
      );
    }
  }
  return {
    dir,
    async *documents() {
      for await (const { line, number } of jsonlLines(corpusFile)) {
        const row = parseRow(corpusFile, number, line, CorpusRow);
        yield { id: row._id, title: row.title, text: row.text };
      }
    },
    async queries() {
      const out: BeirQuery[] = [];
      for await (const { line, number } of jsonlLines(queriesFile)) {
        const row = parseRow(queriesFile, number, line, QueryRow);
        out.push({ id: row._id, text: row.text });
      }
      return out;
    },
    async qrels(split = 'test') {
      const file = join(dir, 'qrels', `${split}.tsv`);
      const text = await readTextIfExists(file);
      if (text === undefined) throw new StateFileError(file, `missing: no qrels for split "${split}"`);
      return parseBeirQrels(file, text);
    },
  };
}

export interface TrecRunLine {
  qid: string;
  docid: string;
  rank: number;
  score: number;
}

/** Writes a TREC run file (`qid Q0 docid rank score tag`), atomically. */
export async function writeTrecRun(file: string, lines: readonly TrecRunLine[], tag: string): Promise<void> {
  const safeTag = tag.replace(/\s+/gu, '_') || 'run';
  const text = lines
    .map((l) => `${l.qid} Q0 ${l.docid} ${l.rank} ${l.score.toFixed(6)} ${safeTag}\n`)
    .join('');
  await writeFileAtomic(file, text);
}

/** Reads the whole corpus into memory (for engines that search it). */
export async function readBeirDocuments(collection: BeirCollection): Promise<BeirDocument[]> {
  const docs: BeirDocument[] = [];
  for await (const doc of collection.documents()) docs.push(doc);
  return docs;
}
