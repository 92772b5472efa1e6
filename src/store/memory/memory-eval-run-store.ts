/**
 * The in-memory twin of the eval run store (src/store/eval-run-store.ts): the same run layout,
 * its paths under `memory:<runsDir>`, each JSON file kept as text and each JSONL file as lines,
 * parsed with their schemas on read as the file store does.
 */

import type { z } from 'zod';
import { runLayoutPaths } from '../../evals/run-layout/paths.ts';
import {
  CaseError,
  CaseEvent,
  CaseIndexEntry,
  CaseManifest,
  OrchestratorEvent,
} from '../../evals/run-layout/schemas.ts';
import {
  checkedName,
  checkedRunId,
  type EvalRunStore,
  type EvalRunStoreOptions,
  runListing,
} from '../eval-run-store.ts';
import { memoryPath, parseStored } from './json-cell.ts';

export function createMemoryEvalRunStore<M, CM>(
  options: Pick<EvalRunStoreOptions<M, CM>, 'runsDir' | 'manifest' | 'caseMetrics'>,
): EvalRunStore<M, CM> {
  const runsDir = memoryPath(options.runsDir);
  /** File path → its text (JSON files and io/ files) or its lines (JSONL files). */
  const texts = new Map<string, string>();
  const lines = new Map<string, string[]>();
  /** Run ids with any file written: the run directories a listing sees. */
  const runs = new Set<string>();
  const paths = (runId: string) => runLayoutPaths(runsDir, checkedRunId(runId));
  const caseOf = (runId: string, caseId: string) => paths(runId).case(caseId);
  const put = (runId: string, file: string, text: string) => {
    runs.add(runId);
    texts.set(file, text);
  };
  const append = (runId: string, file: string, rows: readonly unknown[]) => {
    runs.add(runId);
    lines.set(file, [...(lines.get(file) ?? []), ...rows.map((row) => JSON.stringify(row))]);
  };
  const readJson = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const text = texts.get(file);
    return text === undefined ? undefined : parseStored(file, text, schema);
  };
  const readRows = <T>(file: string, schema: z.ZodType<T>): T[] =>
    (lines.get(file) ?? []).map((line) => parseStored(file, line, schema));
  const readManifest = async (runId: string) => readJson(paths(runId).manifest, options.manifest);

  return {
    runsDir,
    paths,
    writeManifest: async (manifest) =>
      put(manifest.runId, paths(manifest.runId).manifest, JSON.stringify(manifest)),
    readManifest,
    appendEvents: async (runId, events) => append(runId, paths(runId).orchestratorEvents, events),
    appendCaseIndex: async (runId, entries) => append(runId, paths(runId).casesIndex, entries),
    writeCaseManifest: async (manifest) =>
      put(manifest.run_id, caseOf(manifest.run_id, manifest.case_id).manifest, JSON.stringify(manifest)),
    writeCaseMetrics: async (runId, caseId, metrics) =>
      put(runId, caseOf(runId, caseId).metrics, JSON.stringify(metrics)),
    appendCaseEvents: async (runId, caseId, events) => append(runId, caseOf(runId, caseId).events, events),
    writeCaseIo: async (runId, caseId, name, content) =>
      put(runId, caseOf(runId, caseId).io(checkedName(name)), content),
    readCaseIo: async (runId, caseId, name) => texts.get(caseOf(runId, caseId).io(checkedName(name))),
    writeCaseError: async (error) =>
      put(error.run_id, caseOf(error.run_id, error.case_id).error, JSON.stringify(error)),
    async readCase(runId, caseId) {
      const files = caseOf(runId, caseId);
      return {
        manifest: readJson(files.manifest, CaseManifest),
        metrics: readJson(files.metrics, options.caseMetrics),
        events: readRows(files.events, CaseEvent),
        error: readJson(files.error, CaseError),
      };
    },
    async readRun(runId) {
      const manifest = await readManifest(runId);
      if (manifest === undefined) return undefined;
      return {
        manifest,
        events: readRows(paths(runId).orchestratorEvents, OrchestratorEvent),
        cases: readRows(paths(runId).casesIndex, CaseIndexEntry),
      };
    },
    async list(limit = 50) {
      const recent = [...runs].sort().reverse().slice(0, limit);
      return Promise.all(recent.map((runId) => runListing(runId, () => readManifest(runId))));
    },
  };
}
