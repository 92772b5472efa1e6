/**
 * Runs of the pipeline and of the evals: `runs/<run_id>/manifest.json` (the source of truth:
 * status, options, per-step counts, durations, errors, cost) and `runs/<run_id>/events.jsonl`
 * (what happened, in order).
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../core/errors.ts';
import { writeFileAtomicSync } from './atomic-write.ts';
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

/**
 * Marks a run cancelled at once, synchronously: for a process about to exit (a second Ctrl-C, the
 * shutdown timeout) whose run could not finish its own bookkeeping. A run already settled is left as is.
 */
export function markRunCancelledSync(stateDir: string, runId: string, message: string, now: Date): boolean {
  const dir = statePaths(stateDir).runDir(runId);
  const file = join(dir, 'manifest.json');
  let manifest: RunManifest;
  try {
    const parsed = RunManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return false;
    manifest = parsed.data;
  } catch {
    return false;
  }
  if (manifest.status !== 'running') return false;
  for (const step of manifest.steps) {
    if (step.status === 'running') {
      step.status = 'failed';
      step.errors.push(message);
    } else if (step.status === 'pending') step.status = 'skipped';
  }
  manifest.status = 'cancelled';
  manifest.finishedAt = now.toISOString();
  manifest.durationMs = now.getTime() - Date.parse(manifest.startedAt);
  writeFileAtomicSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const event: RunEvent = { at: now.toISOString(), type: 'run_cancelled', message };
  appendFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(event)}\n`);
  return true;
}

/** Marks cancelled the recent runs still `running` under this pid (a daemon giving up its wait). */
export function markProcessRunsCancelledSync(
  stateDir: string,
  pid: number,
  message: string,
  now: Date,
): string[] {
  const runsDir = statePaths(stateDir).runsDir;
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, 20)
    .filter((runId) => {
      const file = join(runsDir, runId, 'manifest.json');
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      return (
        Number(/"pid":\s*(\d+)/.exec(text)?.[1]) === pid &&
        markRunCancelledSync(stateDir, runId, message, now)
      );
    });
}

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
