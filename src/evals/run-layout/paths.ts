/** Where each file of the eval run layout lives (pure: path arithmetic only). */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RunPaths } from './schemas.ts';

export const RUN_FILES = {
  manifest: 'manifest.json',
  orchestratorEvents: 'orchestrator_events.jsonl',
  casesIndex: 'cases_index.jsonl',
  casesDir: 'cases',
} as const;

export const CASE_FILES = {
  manifest: 'manifest.json',
  metrics: 'metrics.json',
  events: 'events.jsonl',
  ioDir: 'io',
  error: join('artifacts', 'error.json'),
} as const;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/**
 * A case id as a directory name: itself when it is a safe file name, else its safe characters
 * plus a short hash of the id (so `hep-th/9901001` and `hep-th_9901001` never collide).
 */
export function caseDirName(caseId: string): string {
  if (SAFE_NAME.test(caseId)) return caseId;
  const safe = caseId
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 80);
  const hash = createHash('sha256').update(caseId).digest('hex').slice(0, 8);
  return `${safe === '' ? 'case' : safe}-${hash}`;
}

/** An io/ or artifact file name: a plain name, never a path out of the case directory. */
export function isSafeFileName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes('..');
}

/** A run id as a directory name; run ids are made by `newEvalRunId` and must stay plain. */
export function isSafeRunId(runId: string): boolean {
  return isSafeFileName(runId);
}

export interface CaseLayoutPaths {
  dir: string;
  /** The case directory relative to the run directory, as written in cases_index.jsonl. */
  relativeDir: string;
  manifest: string;
  metrics: string;
  events: string;
  ioDir: string;
  io(name: string): string;
  error: string;
}

export interface RunLayoutPaths {
  dir: string;
  manifest: string;
  orchestratorEvents: string;
  casesIndex: string;
  casesDir: string;
  case(caseId: string): CaseLayoutPaths;
}

export function runLayoutPaths(runsDir: string, runId: string): RunLayoutPaths {
  const dir = join(runsDir, runId);
  const casesDir = join(dir, RUN_FILES.casesDir);
  return {
    dir,
    manifest: join(dir, RUN_FILES.manifest),
    orchestratorEvents: join(dir, RUN_FILES.orchestratorEvents),
    casesIndex: join(dir, RUN_FILES.casesIndex),
    casesDir,
    case(caseId) {
      const name = caseDirName(caseId);
      const caseDir = join(casesDir, name);
      const ioDir = join(caseDir, CASE_FILES.ioDir);
      return {
        dir: caseDir,
        relativeDir: `${RUN_FILES.casesDir}/${name}`,
        manifest: join(caseDir, CASE_FILES.manifest),
        metrics: join(caseDir, CASE_FILES.metrics),
        events: join(caseDir, CASE_FILES.events),
        ioDir,
        io: (file) => join(ioDir, file),
        error: join(caseDir, CASE_FILES.error),
      };
    },
  };
}

/** The `paths` block of a manifest (relative to the run directory). */
export function manifestPaths(): RunPaths {
  return { ...RUN_FILES };
}

/**
 * A sortable run id: UTC stamp, the task, a random suffix (`20261202T010203456Z-generation-k3x9a0`).
 * `random` is passed in so tests can pin it.
 */
export function newEvalRunId(now: Date, task: string, random: () => number = Math.random): string {
  // Milliseconds kept so that runs started within one second still sort by start time.
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const suffix = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
  return `${stamp}-${task.replace(/[^a-z0-9-]/gi, '')}-${suffix}`;
}
