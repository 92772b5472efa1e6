/**
 * The benchmark radar's files under `benchmarks/`: candidates.jsonl (one row per candidate,
 * sorted by id), scores.jsonl (the score cache, one row per candidate id), merged.jsonl (the
 * merged benchmarks, sorted by id), source-health.json (consecutive failures per source) and
 * arxiv-verdicts.jsonl (the LLM's verdict per paper id + version).
 */
import { join } from 'node:path';
import { VerdictRecord } from '../benchmarks/arxiv-benchmark-source.ts';
import { BenchmarkCandidate } from '../benchmarks/candidate.ts';
import { MergedBenchmark, ScoreRecord, SourceHealth } from '../benchmarks/schemas.ts';
import { readJsonFile, readJsonl, writeJsonFile, writeJsonl } from './jsonl-file.ts';
import { statePaths } from './paths.ts';

export interface CandidateUpsert {
  added: number;
  updated: number;
  unchanged: number;
}

export interface BenchmarksStore {
  readCandidates(): Promise<BenchmarkCandidate[]>;
  /** Adds or replaces candidates by id; a known candidate keeps its firstSeenAt. */
  upsertCandidates(candidates: readonly BenchmarkCandidate[]): Promise<CandidateUpsert>;
  readScores(): Promise<ScoreRecord[]>;
  /** Replaces the cache rows of these ids. */
  writeScores(rows: readonly ScoreRecord[]): Promise<void>;
  readMerged(): Promise<MergedBenchmark[]>;
  writeMerged(rows: readonly MergedBenchmark[]): Promise<void>;
  readHealth(): Promise<SourceHealth>;
  writeHealth(health: SourceHealth): Promise<void>;
  /** The arXiv benchmark verdicts, one row per paper id (its version included). */
  readVerdicts(): Promise<VerdictRecord[]>;
  writeVerdicts(rows: readonly VerdictRecord[]): Promise<void>;
}

export const BENCHMARK_FILES = {
  candidates: 'candidates.jsonl',
  scores: 'scores.jsonl',
  merged: 'merged.jsonl',
  health: 'source-health.json',
  verdicts: 'arxiv-verdicts.jsonl',
} as const;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sameContent(a: BenchmarkCandidate, b: BenchmarkCandidate): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createBenchmarksStore(stateDir: string): BenchmarksStore {
  const dir = statePaths(stateDir).benchmarksDir;
  const file = (name: keyof typeof BENCHMARK_FILES): string => join(dir, BENCHMARK_FILES[name]);
  const readCandidates = () => readJsonl(file('candidates'), BenchmarkCandidate);
  const readScores = () => readJsonl(file('scores'), ScoreRecord);
  const readVerdicts = () => readJsonl(file('verdicts'), VerdictRecord);

  return {
    readCandidates,
    async upsertCandidates(incoming) {
      const current = new Map((await readCandidates()).map((c) => [c.id, c]));
      const counts: CandidateUpsert = { added: 0, updated: 0, unchanged: 0 };
      for (const candidate of incoming) {
        const before = current.get(candidate.id);
        const next = before ? { ...candidate, firstSeenAt: before.firstSeenAt } : candidate;
        if (!before) counts.added += 1;
        else if (sameContent(before, next)) counts.unchanged += 1;
        else counts.updated += 1;
        current.set(candidate.id, next);
      }
      if (counts.added + counts.updated > 0)
        await writeJsonl(file('candidates'), [...current.values()].sort(byId));
      return counts;
    },
    readScores,
    async writeScores(rows) {
      const all = new Map((await readScores()).map((r) => [r.id, r]));
      for (const row of rows) all.set(row.id, row);
      await writeJsonl(file('scores'), [...all.values()].sort(byId));
    },
    readMerged: () => readJsonl(file('merged'), MergedBenchmark),
    writeMerged: (rows) => writeJsonl(file('merged'), [...rows].sort(byId)),
    async readHealth() {
      return (await readJsonFile(file('health'), SourceHealth)) ?? { sources: {} };
    },
    writeHealth: (health) => writeJsonFile(file('health'), health),
    readVerdicts,
    async writeVerdicts(rows) {
      const all = new Map((await readVerdicts()).map((r) => [r.id, r]));
      for (const row of rows) all.set(row.id, row);
      await writeJsonl(file('verdicts'), [...all.values()].sort(byId));
    },
  };
}
