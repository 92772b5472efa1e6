/**
 * Reads and writes eval runs in the shared run layout (src/evals/run-layout): JSON files are
 * written atomically, JSONL files appended (fsynced; a torn last line is dropped on read and
 * cut before the next append), so a crash at any point leaves no torn file. Appends to one file
 * are serialized in this process, since workers finish cases concurrently.
 *
 * Generic: each benchmark passes the schemas of its manifest and case metrics.
 */
import { readdir } from 'node:fs/promises';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import {
  isSafeFileName,
  isSafeRunId,
  type RunLayoutPaths,
  runLayoutPaths,
} from '../evals/run-layout/paths.ts';
import {
  AnyEvalRunManifest,
  CaseError,
  CaseEvent,
  CaseIndexEntry,
  CaseManifest,
  OrchestratorEvent,
} from '../evals/run-layout/schemas.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { appendJsonl, readJsonFile, readJsonl, writeJsonFile } from './jsonl-file.ts';
import { readTextIfExists } from './read-text.ts';

export interface StoredCase<CM> {
  manifest: CaseManifest | undefined;
  metrics: CM | undefined;
  events: CaseEvent[];
  error: CaseError | undefined;
}

export interface StoredRun<M> {
  manifest: M;
  events: OrchestratorEvent[];
  cases: CaseIndexEntry[];
}

/** A run directory in a listing: its manifest, or why it could not be read. */
export type RunListing<M> =
  | { runId: string; ok: true; manifest: M }
  | { runId: string; ok: false; problem: string };

export interface EvalRunStore<M, CM> {
  readonly runsDir: string;
  paths(runId: string): RunLayoutPaths;
  writeManifest(manifest: M & { runId: string }): Promise<void>;
  readManifest(runId: string): Promise<M | undefined>;
  appendEvents(runId: string, events: readonly OrchestratorEvent[]): Promise<void>;
  appendCaseIndex(runId: string, entries: readonly CaseIndexEntry[]): Promise<void>;
  writeCaseManifest(manifest: CaseManifest): Promise<void>;
  writeCaseMetrics(runId: string, caseId: string, metrics: CM): Promise<void>;
  appendCaseEvents(runId: string, caseId: string, events: readonly CaseEvent[]): Promise<void>;
  /** A prompt, an output or a judge answer under the case's io/ (a plain file name). */
  writeCaseIo(runId: string, caseId: string, name: string, content: string): Promise<void>;
  readCaseIo(runId: string, caseId: string, name: string): Promise<string | undefined>;
  writeCaseError(error: CaseError): Promise<void>;
  readCase(runId: string, caseId: string): Promise<StoredCase<CM>>;
  /** The manifest with the orchestrator events and the cases index; undefined when there is no such run. */
  readRun(runId: string): Promise<StoredRun<M> | undefined>;
  /** Run directories, newest first (run ids sort by time); unreadable manifests are listed with the problem. */
  list(limit?: number): Promise<RunListing<M>[]>;
}

export interface EvalRunStoreOptions<M, CM> {
  runsDir: string;
  manifest: z.ZodType<M>;
  caseMetrics: z.ZodType<CM>;
  onTornLine?: (file: string) => void;
}

export function checkedRunId(runId: string): string {
  if (!isSafeRunId(runId)) throw new StateFileError(runId, 'not a valid run id');
  return runId;
}

export function checkedName(name: string): string {
  if (!isSafeFileName(name)) throw new StateFileError(name, 'not a plain file name');
  return name;
}

/** One promise chain per file, so concurrent appends land whole and in call order. */
function createSerializer(): (file: string, task: () => Promise<void>) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  return (file, task) => {
    const run = (tails.get(file) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(file, tail);
    void tail.then(() => {
      if (tails.get(file) === tail) tails.delete(file);
    });
    return run;
  };
}

export function createEvalRunStore<M, CM>(options: EvalRunStoreOptions<M, CM>): EvalRunStore<M, CM> {
  const { runsDir } = options;
  const serial = createSerializer();
  const paths = (runId: string) => runLayoutPaths(runsDir, checkedRunId(runId));
  const caseOf = (runId: string, caseId: string) => paths(runId).case(caseId);
  const append = async (file: string, rows: readonly unknown[]) =>
    serial(file, () => appendJsonl(file, rows));
  const read = <T>(file: string, schema: z.ZodType<T>) => readJsonl(file, schema, options.onTornLine);
  const readManifest = async (runId: string) => readJsonFile(paths(runId).manifest, options.manifest);

  return {
    runsDir,
    paths,
    writeManifest: async (manifest) => writeJsonFile(paths(manifest.runId).manifest, manifest),
    readManifest,
    appendEvents: async (runId, events) => append(paths(runId).orchestratorEvents, events),
    appendCaseIndex: async (runId, entries) => append(paths(runId).casesIndex, entries),
    writeCaseManifest: async (manifest) =>
      writeJsonFile(caseOf(manifest.run_id, manifest.case_id).manifest, manifest),
    writeCaseMetrics: async (runId, caseId, metrics) => writeJsonFile(caseOf(runId, caseId).metrics, metrics),
    appendCaseEvents: async (runId, caseId, events) => append(caseOf(runId, caseId).events, events),
    writeCaseIo: async (runId, caseId, name, content) =>
      writeFileAtomic(caseOf(runId, caseId).io(checkedName(name)), content),
    readCaseIo: async (runId, caseId, name) => readTextIfExists(caseOf(runId, caseId).io(checkedName(name))),
    writeCaseError: async (error) => writeJsonFile(caseOf(error.run_id, error.case_id).error, error),
    async readCase(runId, caseId) {
      const files = caseOf(runId, caseId);
      const [manifest, metrics, events, error] = await Promise.all([
        readJsonFile(files.manifest, CaseManifest),
        readJsonFile(files.metrics, options.caseMetrics),
        read(files.events, CaseEvent),
        readJsonFile(files.error, CaseError),
      ]);
      return { manifest, metrics, events, error };
    },
    async readRun(runId) {
      const manifest = await readManifest(runId);
      if (manifest === undefined) return undefined;
      const [events, cases] = await Promise.all([
        read(paths(runId).orchestratorEvents, OrchestratorEvent),
        read(paths(runId).casesIndex, CaseIndexEntry),
      ]);
      return { manifest, events, cases };
    },
    async list(limit = 50) {
      const names = await runDirectories(runsDir);
      const recent = names.sort().reverse().slice(0, limit);
      return Promise.all(recent.map((runId) => runListing(runId, () => readManifest(runId))));
    },
  };
}

async function runDirectories(runsDir: string): Promise<string[]> {
  try {
    const entries = await readdir(runsDir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && isSafeRunId(e.name)).map((e) => e.name);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

/** A run directory's listing entry: its manifest, or the problem that kept it from being read. */
export async function runListing<M>(
  runId: string,
  load: () => Promise<M | undefined>,
): Promise<RunListing<M>> {
  try {
    const manifest = await load();
    return manifest === undefined
      ? { runId, ok: false, problem: 'no manifest.json' }
      : { runId, ok: true, manifest };
  } catch (error) {
    return { runId, ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** A store that reads any benchmark's runs (options and metrics as plain JSON), e.g. for listings. */
export function createAnyEvalRunStore(runsDir: string): EvalRunStore<AnyEvalRunManifest, unknown> {
  return createEvalRunStore({ runsDir, manifest: AnyEvalRunManifest, caseMetrics: z.json() });
}
