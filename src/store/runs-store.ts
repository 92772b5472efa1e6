/**
 * Runs of the pipeline and of the evals: `runs/<run_id>/manifest.json` (the source of truth:
 * status, options, per-step counts, durations, errors, cost) and `runs/<run_id>/events.jsonl`
 * (what happened, in order).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../core/errors.ts';
import { appendJsonl, readJsonFile, readJsonl, writeJsonFile } from './jsonl-file.ts';
import { listDir } from './list-dir.ts';
import { statePaths } from './paths.ts';

const isoDateTime = z.iso.datetime({ offset: true });

export const StepRecord = z.object({
  name: z.string(),
  status: z.enum(['pending', 'running', 'ok', 'failed', 'skipped']),
  startedAt: isoDateTime.optional(),
  finishedAt: isoDateTime.optional(),
  durationMs: z.number().optional(),
  counts: z.record(z.string(), z.number()).default({}),
  errors: z.array(z.string()).default([]),
  note: z.string().optional(),
});
export type StepRecord = z.infer<typeof StepRecord>;

export const RunManifest = z.object({
  runId: z.string(),
  kind: z.enum(['pipeline', 'benchmarks', 'eval-search', 'eval-generation']),
  status: z.enum(['running', 'completed', 'partial', 'failed', 'cancelled']),
  options: z.record(z.string(), z.unknown()),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
  durationMs: z.number().optional(),
  steps: z.array(StepRecord),
  costUsd: z.number().default(0),
  pid: z.int().optional(),
  outputs: z.record(z.string(), z.string()).default({}),
});
export type RunManifest = z.infer<typeof RunManifest>;

export const RunEvent = z.object({
  at: isoDateTime,
  type: z.enum([
    'run_start',
    'step_started',
    'step_finished',
    'step_failed',
    'step_skipped',
    'item_failed',
    'run_completed',
    'run_failed',
    'run_cancelled',
  ]),
  step: z.string().optional(),
  item: z.string().optional(),
  message: z.string().optional(),
  counts: z.record(z.string(), z.number()).optional(),
});
export type RunEvent = z.infer<typeof RunEvent>;

export interface RunsStore {
  write(manifest: RunManifest): Promise<void>;
  read(runId: string): Promise<RunManifest | undefined>;
  events(runId: string): Promise<RunEvent[]>;
  appendEvents(runId: string, events: readonly RunEvent[]): Promise<void>;
  /** Most recent first; runs whose manifest cannot be read are left out (see listEntries). */
  list(limit?: number): Promise<RunManifest[]>;
  /** Most recent first, with the runs whose manifest is missing or corrupt and why. */
  listEntries(limit?: number): Promise<RunListEntry[]>;
}

export type RunListEntry =
  | { runId: string; manifest: RunManifest; problem?: undefined }
  | { runId: string; manifest?: undefined; problem: string };

export function newRunId(now: Date, kind = 'run'): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${kind}-${Math.random().toString(36).slice(2, 6)}`;
}

export function createRunsStore(stateDir: string): RunsStore {
  const paths = statePaths(stateDir);
  const manifestFile = (runId: string): string => join(paths.runDir(runId), 'manifest.json');
  const eventsFile = (runId: string): string => join(paths.runDir(runId), 'events.jsonl');
  const read = (runId: string): Promise<RunManifest | undefined> =>
    readJsonFile(manifestFile(runId), RunManifest);
  const listEntries = async (limit = 20): Promise<RunListEntry[]> => {
    const names = (await listDir(paths.runsDir)).filter((name) => !name.startsWith('.'));
    const recent = names.sort().reverse().slice(0, limit);
    return Promise.all(
      recent.map(async (runId): Promise<RunListEntry> => {
        try {
          const manifest = await read(runId);
          return manifest ? { runId, manifest } : { runId, problem: 'no manifest.json' };
        } catch (error) {
          return { runId, problem: errorMessage(error) };
        }
      }),
    );
  };
  return {
    read,
    write: (manifest) => writeJsonFile(manifestFile(manifest.runId), manifest),
    events: (runId) => readJsonl(eventsFile(runId), RunEvent),
    appendEvents: (runId, events) => appendJsonl(eventsFile(runId), events),
    async list(limit = 20) {
      const entries = await listEntries(limit);
      return entries.flatMap((e) => (e.manifest ? [e.manifest] : []));
    },
    listEntries,
  };
}
