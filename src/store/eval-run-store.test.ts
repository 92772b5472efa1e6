import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { caseDirName, manifestPaths, newEvalRunId } from '../evals/run-layout/paths.ts';
import { evalRunManifestSchema, RUN_LAYOUT_SCHEMA_VERSION } from '../evals/run-layout/schemas.ts';
import { createAnyEvalRunStore, createEvalRunStore } from './eval-run-store.ts';

const tempDir = useTempDirs();

const Manifest = evalRunManifestSchema(z.object({ k: z.int() }), z.object({ score: z.number() }));
type Manifest = z.infer<typeof Manifest>;
const Metrics = z.object({ recall: z.number() });

function manifest(runId: string, status: Manifest['status'] = 'running'): Manifest {
  return {
    schemaVersion: RUN_LAYOUT_SCHEMA_VERSION,
    runId,
    task: 'search',
    status,
    startedAt: '2026-12-02T01:00:00.000Z',
    codeVersion: 'abc',
    options: { k: 10 },
    counts: { total: 2, finished: 0, failed: 0, excluded: 0 },
    metrics: { score: 0 },
    paths: manifestPaths(),
  };
}

function store(runsDir: string) {
  return createEvalRunStore({ runsDir, manifest: Manifest, caseMetrics: Metrics });
}

describe('eval run store', () => {
  it('writes a run in the layout and reads it back', async () => {
    const runs = store(tempDir());
    const runId = newEvalRunId(new Date('2026-12-02T01:02:03.456Z'), 'search', () => 0.5);
    expect(runId).toMatch(/^20261202T010203456Z-search-[0-9a-z]{6}$/);
    await runs.writeManifest(manifest(runId));
    await runs.appendEvents(runId, [{ type: 'run_start', run_id: runId, recorded_ms: 1 }]);
    await runs.writeCaseManifest({
      schemaVersion: 5,
      run_id: runId,
      case_id: 'q1',
      status: 'ok',
      started_ms: 1,
      ended_ms: 2,
      inputs: { query: 'x' },
      io: ['answer.txt'],
    });
    await runs.writeCaseMetrics(runId, 'q1', { recall: 0.5 });
    await runs.appendCaseEvents(runId, 'q1', [
      {
        run_id: runId,
        case_id: 'q1',
        stage: 'load_case',
        status: 'ok',
        started_ms: 1,
        ended_ms: 2,
        recorded_ms: 2,
      },
    ]);
    await runs.writeCaseIo(runId, 'q1', 'answer.txt', 'hello');
    await runs.appendCaseIndex(runId, [
      { case_id: 'q1', status: 'ok', dir: 'cases/q1', ended_ms: 2, summary: {} },
    ]);
    await runs.writeManifest({ ...manifest(runId, 'completed'), metrics: { score: 0.7 } });

    const run = await runs.readRun(runId);
    expect(run?.manifest.status).toBe('completed');
    expect(run?.manifest.metrics.score).toBe(0.7);
    expect(run?.events.map((e) => e.type)).toEqual(['run_start']);
    expect(run?.cases.map((c) => c.case_id)).toEqual(['q1']);
    const stored = await runs.readCase(runId, 'q1');
    expect(stored.metrics).toEqual({ recall: 0.5 });
    expect(stored.events).toHaveLength(1);
    expect(stored.error).toBeUndefined();
    expect(await runs.readCaseIo(runId, 'q1', 'answer.txt')).toBe('hello');
    expect(readdirSync(join(runs.runsDir, runId)).sort()).toEqual([
      'cases',
      'cases_index.jsonl',
      'manifest.json',
      'orchestrator_events.jsonl',
    ]);
  });

  it('keeps every concurrent append whole and one per line', async () => {
    const runs = store(tempDir());
    const runId = 'run-a';
    await runs.writeManifest(manifest(runId));
    const events = Array.from({ length: 200 }, (_, i) => ({
      type: 'case_finished' as const,
      run_id: runId,
      case_id: `c${i}`,
      recorded_ms: i,
      message: 'x'.repeat(i * 10),
    }));
    await Promise.all(events.map((e) => runs.appendEvents(runId, [e])));
    const run = await runs.readRun(runId);
    expect(run?.events.map((e) => e.case_id).sort()).toEqual(events.map((e) => e.case_id).sort());
  });

  it('drops a torn last line on read and appends after it cleanly', async () => {
    const torn: string[] = [];
    const runsDir = tempDir();
    const runs = createEvalRunStore({
      runsDir,
      manifest: Manifest,
      caseMetrics: Metrics,
      onTornLine: (f) => torn.push(f),
    });
    await runs.writeManifest(manifest('run-b'));
    await runs.appendEvents('run-b', [{ type: 'run_start', run_id: 'run-b', recorded_ms: 1 }]);
    appendFileSync(runs.paths('run-b').orchestratorEvents, '{"type":"case_que');
    expect((await runs.readRun('run-b'))?.events).toHaveLength(1);
    expect(torn).toHaveLength(1);
    await runs.appendEvents('run-b', [{ type: 'run_completed', run_id: 'run-b', recorded_ms: 2 }]);
    expect((await runs.readRun('run-b'))?.events.map((e) => e.type)).toEqual(['run_start', 'run_completed']);
  });

  it('lists runs newest first and names an unreadable manifest instead of failing', async () => {
    const runsDir = tempDir();
    const runs = store(runsDir);
    await runs.writeManifest(manifest('20261201T000000Z-search-aaaaaa'));
    await runs.writeManifest(manifest('20261202T000000Z-search-bbbbbb', 'completed'));
    mkdirSync(join(runsDir, '20261203T000000Z-search-cccccc'));
    writeFileSync(join(runsDir, '20261203T000000Z-search-cccccc', 'manifest.json'), '{"schemaVersion": 4}');
    const listed = await runs.list();
    expect(listed.map((l) => l.runId)).toEqual([
      '20261203T000000Z-search-cccccc',
      '20261202T000000Z-search-bbbbbb',
      '20261201T000000Z-search-aaaaaa',
    ]);
    expect(listed[0]?.ok).toBe(false);
    expect(listed[1]?.ok && listed[1].manifest.status).toBe('completed');
    const any = await createAnyEvalRunStore(runsDir).list();
    expect(any.filter((l) => l.ok)).toHaveLength(2);
    expect(await store(join(runsDir, 'nothing-here')).list()).toEqual([]);
  });

  it('maps unsafe case ids to distinct directories and refuses file names that leave the case', async () => {
    expect(caseDirName('2511.01234')).toBe('2511.01234');
    const a = caseDirName('hep-th/9901001');
    const b = caseDirName('hep-th_9901001');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^hep-th_9901001-[0-9a-f]{8}$/);
    expect(caseDirName('../../etc')).not.toContain('/');
    const runs = store(tempDir());
    await expect(runs.writeCaseIo('run-c', 'x', '../escape.txt', 'no')).rejects.toThrow(/plain file name/);
    await expect(runs.readManifest('../other')).rejects.toThrow(/run id/);
  });

  it('writes the error artifact only when asked and reads it back', async () => {
    const runs = store(tempDir());
    await runs.writeCaseError({
      run_id: 'run-d',
      case_id: 'c',
      stage: 'judge',
      message: 'bad',
      recorded_ms: 3,
    });
    const stored = await runs.readCase('run-d', 'c');
    expect(stored.error?.stage).toBe('judge');
    expect(stored.manifest).toBeUndefined();
  });
});
