/**
 * `radar state check`: every file of the state directory is matched to its schema and
 * validated. Reports corrupt, unsorted and unknown files; derived data (indexes, caches,
 * rendered output) is skipped, and temp files left by a killed writer are noted, not errors.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { BenchmarkCandidate } from '../benchmarks/candidate.ts';
import { MergedBenchmark, ScoreRecord, SourceHealth } from '../benchmarks/schemas.ts';
import { shardOf } from '../core/arxiv-id.ts';
import { errorMessage } from '../core/errors.ts';
import { StoredSummary } from '../core/summary.ts';
import { BoardSnapshot, BoardState, ChangeEvent } from '../leaderboards/snapshot.ts';
import { isTempFile } from './atomic-write.ts';
import { StoredClassifier, StoredMetrics } from './classifier-store.ts';
import { parseCsv } from './csv-file.ts';
import { createEmbeddingsStore } from './embeddings-store.ts';
import { IdfFile } from './idf-file.ts';
import { StoredProfile, StoredTrendReport } from './insights-store.ts';
import { parseJsonl, readJsonFile } from './jsonl-file.ts';
import { decodeVocabulary } from './lexical-vocabulary-store.ts';
import { listDirEntries } from './list-dir.ts';
import { MessageMapRecord } from './message-map-store.ts';
import { ModelAliases } from './model-aliases-store.ts';
import { labelCodec, paperCodec } from './paper-codec.ts';
import { PendingLabelChange } from './pending-labels-store.ts';
import { PickRecord, RankedRecord } from './picks-store.ts';
import { PollerRecord } from './poller-record-store.ts';
import { readTextIfExists } from './read-text.ts';
import { KeyValues, LedgerEntry, NotionMap, PaperLink, TagVocabulary } from './schemas.ts';
import { VCS_DIRECTORIES, VCS_FILES } from './state-vcs.ts';
import { SyncRecord } from './sync-record-schema.ts';

export type FileStatus = 'ok' | 'corrupt' | 'unsorted' | 'unknown' | 'skipped' | 'temp';

export interface FileReport {
  file: string;
  status: FileStatus;
  problems: string[];
}

interface Rule {
  pattern: RegExp;
  check: (path: string, match: RegExpExecArray, stateDir: string) => Promise<Omit<FileReport, 'file'>>;
}

const ok = { status: 'ok' as const, problems: [] };

function orderProblems(ids: readonly string[], shard?: string): Omit<FileReport, 'file'> {
  const problems: string[] = [];
  let status: FileStatus = 'ok';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] ?? '';
    if (shard !== undefined && shardOf(id) !== shard) {
      problems.push(`${id} belongs to shard ${shardOf(id)}`);
      status = 'corrupt';
    }
    const previous = ids[i - 1];
    if (previous !== undefined && previous >= id) {
      problems.push(previous === id ? `duplicate id ${id}` : `${id} comes after ${previous}`);
      if (status === 'ok') status = 'unsorted';
    }
  }
  return { status, problems: problems.slice(0, 5) };
}

async function checked(fn: () => Promise<Omit<FileReport, 'file'>>): Promise<Omit<FileReport, 'file'>> {
  try {
    return await fn();
  } catch (error) {
    return { status: 'corrupt', problems: [errorMessage(error)] };
  }
}

const csvRule =
  <T extends { id: string }>(codec: Parameters<typeof parseCsv<T>>[2], sharded: boolean): Rule['check'] =>
  (path, match) =>
    checked(async () => {
      const rows = parseCsv(path, (await readTextIfExists(path)) ?? '', codec);
      return orderProblems(
        rows.map((r) => r.id),
        sharded ? match[1] : undefined,
      );
    });

const jsonlRule =
  <T>(schema: z.ZodType<T>, ids?: (rows: T[]) => string[], sharded = false): Rule['check'] =>
  (path, match) =>
    checked(async () => {
      const parsed = parseJsonl(path, (await readTextIfExists(path)) ?? '', schema);
      if (parsed.tornTail) return { status: 'corrupt', problems: ['torn last line (dropped on read)'] };
      return ids ? orderProblems(ids(parsed.rows), sharded ? match[1] : undefined) : ok;
    });

const jsonRule =
  <T>(schema: z.ZodType<T>): Rule['check'] =>
  (path) =>
    checked(async () => {
      await readJsonFile(path, schema);
      return ok;
    });

const skip: Rule['check'] = async () => ({ status: 'skipped', problems: [] });

const RULES: Rule[] = [
  { pattern: /^papers\/(\d{4})\.csv$/, check: csvRule(paperCodec, true) },
  { pattern: /^labels\.csv$/, check: csvRule(labelCodec, false) },
  {
    pattern: /^summaries\/(\d{4})\.jsonl$/,
    check: jsonlRule(StoredSummary, (rows) => rows.map((r) => r.id), true),
  },
  { pattern: /^ledger\/\d{4}\.jsonl$/, check: jsonlRule(LedgerEntry) },
  { pattern: /^links\.jsonl$/, check: jsonlRule(PaperLink) },
  { pattern: /^chat\/messages\.jsonl$/, check: jsonlRule(MessageMapRecord) },
  { pattern: /^chat\/pending-labels\.jsonl$/, check: jsonlRule(PendingLabelChange) },
  { pattern: /^chat\/[a-z]+-poller\.json$/, check: jsonRule(PollerRecord) },
  { pattern: /^tags\.json$/, check: jsonRule(TagVocabulary) },
  { pattern: /^notion\.json$/, check: jsonRule(NotionMap) },
  { pattern: /^cursors\.json$/, check: jsonRule(KeyValues) },
  {
    pattern: /^embeddings\/([^/]+)\/model\.json$/,
    check: (_path, match, stateDir) =>
      checked(async () => {
        await createEmbeddingsStore(stateDir, match[1] ?? '').readMeta();
        return ok;
      }),
  },
  { pattern: /^embeddings\/[^/]+\/idf\.json$/, check: jsonRule(IdfFile) },
  {
    pattern: /^embeddings\/([^/]+)\/\d{4}\.parquet$/,
    check: (path, match, stateDir) =>
      checked(async () => {
        const problems = await createEmbeddingsStore(stateDir, match[1] ?? '').checkShard(path);
        return problems.length > 0 ? { status: 'corrupt', problems } : ok;
      }),
  },
  { pattern: /^runs\/[^/]+\/.+\.jsonl$/, check: jsonlRule(jsonValue()) },
  { pattern: /^runs\/[^/]+\/.+\.json$/, check: jsonRule(jsonValue()) },
  // Eval runs (src/evals/run-layout): JSON and JSONL checked here, prompts, outputs and reports skipped.
  { pattern: /^evals\/[^/]+\/runs\/[^/]+\/.+\.jsonl$/, check: jsonlRule(jsonValue()) },
  { pattern: /^evals\/[^/]+\/runs\/[^/]+\/.+\.json$/, check: jsonRule(jsonValue()) },
  { pattern: /^evals\/[^/]+\/runs\/[^/]+\/.+\.(txt|html)$/, check: skip },
  { pattern: /^evals\/generation\/(candidates|integrity)\/[^/]+\.json$/, check: jsonRule(jsonValue()) },
  { pattern: /^evals\/generation\/(cases|cache)\//, check: skip },
  { pattern: /^classifiers\/[^/]+\/classifier\.json$/, check: jsonRule(StoredClassifier) },
  { pattern: /^classifiers\/[^/]+\/metrics\.json$/, check: jsonRule(StoredMetrics) },
  {
    pattern: /^classifiers\/[^/]+\/vocabulary\.bin$/,
    check: (path) =>
      checked(async () => {
        decodeVocabulary(await readFile(path), path);
        return ok;
      }),
  },
  { pattern: /^picks\/\d{4}\.jsonl$/, check: jsonlRule(PickRecord) },
  { pattern: /^picks\/ranked\.jsonl$/, check: jsonlRule(RankedRecord) },
  { pattern: /^profiles\/\d{4}-\d{2}-\d{2}\.json$/, check: jsonRule(StoredProfile) },
  { pattern: /^trends\/\d{4}-\d{2}-\d{2}\.json$/, check: jsonRule(StoredTrendReport) },
  { pattern: /^classifiers\/[^/]+\/.+\.json$/, check: jsonRule(jsonValue()) },
  {
    pattern: /^benchmarks\/candidates\.jsonl$/,
    check: jsonlRule(BenchmarkCandidate, (rows) => rows.map((r) => r.id)),
  },
  { pattern: /^benchmarks\/scores\.jsonl$/, check: jsonlRule(ScoreRecord, (rows) => rows.map((r) => r.id)) },
  {
    pattern: /^benchmarks\/merged\.jsonl$/,
    check: jsonlRule(MergedBenchmark, (rows) => rows.map((r) => r.id)),
  },
  { pattern: /^benchmarks\/source-health\.json$/, check: jsonRule(SourceHealth) },
  { pattern: /^benchmarks\/reports\/\d{4}-\d{2}-\d{2}\.md$/, check: skip },
  { pattern: /^sync\/hf\.json$/, check: jsonRule(SyncRecord) },
  { pattern: /^leaderboards\/[a-z]+\/snapshots\/\d{4}-\d{2}-\d{2}\.json$/, check: jsonRule(BoardSnapshot) },
  { pattern: /^leaderboards\/[a-z]+\/state\.json$/, check: jsonRule(BoardState) },
  {
    pattern: /^leaderboards\/[a-z]+\/changes\.jsonl$/,
    check: jsonlRule(ChangeEvent, (rows) => rows.map((r) => `${r.day}\u0000${r.key}`)),
  },
  { pattern: /^leaderboards\/health\.json$/, check: jsonRule(SourceHealth) },
  { pattern: /^leaderboards\/model-aliases\.json$/, check: jsonRule(ModelAliases) },
  { pattern: /^sync\/backup\//, check: skip },
  { pattern: /^(index|out|fulltext|cache)\//, check: skip },
  { pattern: /^\.lock(\.break|\.new-.*)?$/, check: skip },
  { pattern: VCS_FILES, check: skip },
];

/** Any JSON value: those files are validated in depth by the features that own them. */
function jsonValue(): z.ZodType<unknown> {
  return z.json();
}

/** Every file under `dir`; a repository's own files (.git/ at the top) are not the state's. */
async function listFiles(dir: string, top = true): Promise<string[]> {
  const entries = (await listDirEntries(dir)).filter((e) => !(top && VCS_DIRECTORIES.has(e.name)));
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listFiles(join(dir, e.name), false) : Promise.resolve([join(dir, e.name)]),
    ),
  );
  return nested.flat();
}

export async function checkState(stateDir: string): Promise<FileReport[]> {
  const files = (await listFiles(stateDir)).sort();
  return Promise.all(
    files.map(async (path): Promise<FileReport> => {
      const file = relative(stateDir, path).split(sep).join('/');
      const name = file.split('/').at(-1) ?? file;
      if (isTempFile(name))
        return {
          file,
          status: 'temp',
          problems: ['left by an interrupted write; removed when the lock is next taken over'],
        };
      for (const rule of RULES) {
        const match = rule.pattern.exec(file);
        if (match) return { file, ...(await rule.check(path, match, stateDir)) };
      }
      return { file, status: 'unknown', problems: ['not a file radar writes'] };
    }),
  );
}

/** Whether radar writes a file at this path (relative, `/`-separated): what a backup restores. */
export function isStateFile(file: string): boolean {
  return RULES.some((rule) => rule.pattern.test(file));
}

export function isClean(reports: readonly FileReport[]): boolean {
  return reports.every((r) => r.status === 'ok' || r.status === 'skipped' || r.status === 'temp');
}
