/**
 * The benchmark key of a run: task, dataset path + hash, candidate(s), runtime options hash,
 * evaluator version and code version. A run whose key already has a completed run is skipped
 * unless forced; changing any part (a case's full text, a template, the judge model, the
 * judge prompts, the code) makes a new key.
 */
import { createHash } from 'node:crypto';
import type { BenchmarkKeyRecord } from '../run-layout/schemas.ts';

/** Bumped when judging, parsing or aggregation changes meaning. */
export const EVALUATOR_VERSION = 'pairwise-judge-v1';

export interface BenchmarkKeyParts {
  task: string;
  datasetPath: string;
  datasetHash: string;
  /** For a pairwise run: both candidates, in order (`a-id+b-id`). */
  candidateId: string;
  /** sha256 of the runtime options that change results (models, prompt hashes, judge, options). */
  runtimeOptionsHash: string;
  evaluatorVersion: string;
  codeVersion: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A stable hash of a JSON value (object keys sorted at every depth). */
export function stableHash(value: unknown): string {
  return sha256(stableJson(value));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function benchmarkKey(parts: BenchmarkKeyParts): BenchmarkKeyRecord {
  const record: Record<string, string> = { ...parts };
  return { hash: stableHash(record), parts: record };
}
