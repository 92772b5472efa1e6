/** The port every benchmark collector implements; the job knows nothing else about them. */
import type { BenchmarkCandidate, BenchmarkSourceName } from './candidate.ts';

export interface SourceCollection {
  candidates: BenchmarkCandidate[];
  /** HTTP requests or LLM calls made, items looked at, items dropped by the source's filters. */
  counts: Record<string, number>;
}

export interface BenchmarkSource {
  readonly name: BenchmarkSourceName;
  collect(signal?: AbortSignal): Promise<SourceCollection>;
}
