/**
 * The child of the run-layout crash test: writes cases of one run in the eval layout, case after
 * case (manifest rewrites, event and index appends, io files), printing a line after each case,
 * until it is killed.
 */
import { z } from 'zod';
import { manifestPaths } from '../../../src/evals/run-layout/paths.ts';
import { evalRunManifestSchema } from '../../../src/evals/run-layout/schemas.ts';
import { createEvalRunStore } from '../../../src/store/eval-run-store.ts';

const runsDir = process.argv[2];
const runId = process.argv[3];
if (!runsDir || !runId) throw new Error('usage: run-store-crash-writer <runs-dir> <run-id>');

const Manifest = evalRunManifestSchema(z.object({}), z.object({ done: z.int() }));
const store = createEvalRunStore({ runsDir, manifest: Manifest, caseMetrics: z.object({ n: z.int() }) });
const existing = await store.readRun(runId);
let done = existing?.cases.length ?? 0;
const base = {
  schemaVersion: 5 as const,
  runId,
  task: 'crash',
  status: 'running' as const,
  startedAt: new Date().toISOString(),
  codeVersion: 'test',
  options: {},
  paths: manifestPaths(),
};
for (;;) {
  const caseId = `case-${done}`;
  const now = Date.now();
  await Promise.all([
    store.appendEvents(runId, [{ type: 'case_started', run_id: runId, case_id: caseId, recorded_ms: now }]),
    store.writeCaseIo(runId, caseId, 'output.txt', `output ${done} `.repeat(2000)),
    store.appendCaseEvents(runId, caseId, [
      {
        run_id: runId,
        case_id: caseId,
        stage: 'load_case',
        status: 'ok',
        started_ms: now,
        ended_ms: now,
        recorded_ms: now,
        message: 'm'.repeat(3000),
      },
    ]),
    store.writeCaseMetrics(runId, caseId, { n: done }),
  ]);
  await store.writeCaseManifest({
    schemaVersion: 5,
    run_id: runId,
    case_id: caseId,
    status: 'ok',
    started_ms: now,
    ended_ms: now,
    inputs: {},
    io: ['output.txt'],
  });
  await store.appendCaseIndex(runId, [
    { case_id: caseId, status: 'ok', dir: `cases/${caseId}`, ended_ms: now, summary: { n: done } },
  ]);
  done += 1;
  await store.writeManifest({
    ...base,
    counts: { total: done, finished: done, failed: 0, excluded: 0 },
    metrics: { done },
  });
  process.stdout.write(`${done}\n`);
}
