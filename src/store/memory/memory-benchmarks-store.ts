/**
 * The in-memory twin of the benchmarks store (src/store/benchmarks-store.ts): candidates, score
 * cache, merged benchmarks and verdicts keyed and sorted by id, source health as one document.
 */
import { VerdictRecord } from '../../benchmarks/arxiv-benchmark-source.ts';
import { BenchmarkCandidate } from '../../benchmarks/candidate.ts';
import { MergedBenchmark, ScoreRecord, SourceHealth } from '../../benchmarks/schemas.ts';
import { BENCHMARK_FILES, type BenchmarksStore, type CandidateUpsert } from '../benchmarks-store.ts';
import { createJsonCell, createJsonRows } from './json-cell.ts';

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createMemoryBenchmarksStore(): BenchmarksStore {
  const path = (name: keyof typeof BENCHMARK_FILES): string => `benchmarks/${BENCHMARK_FILES[name]}`;
  const candidates = createJsonRows(path('candidates'), BenchmarkCandidate);
  const scores = createJsonRows(path('scores'), ScoreRecord);
  const merged = createJsonRows(path('merged'), MergedBenchmark);
  const verdicts = createJsonRows(path('verdicts'), VerdictRecord);
  const health = createJsonCell(path('health'), SourceHealth);
  return {
    readCandidates: async () => candidates.read(),
    async upsertCandidates(incoming) {
      const current = new Map(candidates.read().map((c) => [c.id, c]));
      const counts: CandidateUpsert = { added: 0, updated: 0, unchanged: 0 };
      for (const candidate of incoming) {
        const before = current.get(candidate.id);
        const next = before ? { ...candidate, firstSeenAt: before.firstSeenAt } : candidate;
        if (!before) counts.added += 1;
        else if (JSON.stringify(before) === JSON.stringify(next)) counts.unchanged += 1;
        else counts.updated += 1;
        current.set(candidate.id, next);
      }
      if (counts.added + counts.updated > 0) candidates.write([...current.values()].sort(byId));
      return counts;
    },
    readScores: async () => scores.read(),
    async writeScores(rows) {
      const all = new Map(scores.read().map((r) => [r.id, r]));
      for (const row of rows) all.set(row.id, row);
      scores.write([...all.values()].sort(byId));
    },
    readMerged: async () => merged.read(),
    writeMerged: async (rows) => merged.write([...rows].sort(byId)),
    readHealth: async () => health.read() ?? { sources: {} },
    writeHealth: async (value) => health.write(value),
    readVerdicts: async () => verdicts.read(),
    async writeVerdicts(rows) {
      const all = new Map(verdicts.read().map((r) => [r.id, r]));
      for (const row of rows) all.set(row.id, row);
      verdicts.write([...all.values()].sort(byId));
    },
  };
}
