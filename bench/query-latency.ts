/** Warm per-query latency of a search engine, CPU and wall, for the search benches. */
import type { SearchEngine } from '../src/search/search-port.ts';

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export interface QueryLatency {
  cpuP50: number;
  cpuP95: number;
  wallP50: number;
  wallP95: number;
}

/** Warms up on the first 20 queries, then times each query (k 10, snippets on) in milliseconds. */
export async function queryLatency(engine: SearchEngine, queries: readonly string[]): Promise<QueryLatency> {
  for (const q of queries.slice(0, 20)) await engine.search(q, { k: 10 });
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await engine.search(q, { k: 10 });
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    wallMs.push(performance.now() - start);
  }
  return {
    cpuP50: percentile(cpuMs, 50),
    cpuP95: percentile(cpuMs, 95),
    wallP50: percentile(wallMs, 50),
    wallP95: percentile(wallMs, 95),
  };
}
