/**
 * What an eval run store does, file or memory: the run layout written and read back, appends
 * kept whole and in order, listings newest first, and unsafe ids and names refused. Crash and
 * torn-line behaviour is the file store's own (src/store/eval-run-store.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manifestPaths } from '../../../src/evals/run-layout/paths.ts';
import { evalRunManifestSchema, RUN_LAYOUT_SCHEMA_VERSION } from '../../../src/evals/run-layout/schemas.ts';
import type { EvalRunStore } from '../../../src/store/eval-run-store.ts';

export const ContractManifest = evalRunManifestSchema(
  z.object({ k: z.int() }),
  z.object({ score: z.number() }),
);
type ContractManifest = z.infer<typeof ContractManifest>;
export const ContractMetrics = z.object({ recall: z.number() });
type ContractMetrics = z.infer<typeof ContractMetrics>;

type Make = () => EvalRunStore<ContractManifest, ContractMetrics>;

function manifest(runId: string, status: ContractManifest['status'] = 'running'): ContractManifest {
  return {
    schemaVersion: RUN_LAYOUT_SCHEMA_VERSION,
    runId,
    task: 'search',
    status,
    startedAt: '2026-12-02T01:00:00.000Z',
    codeVersion: 'abc',
    options: { k: 10 },
    counts: { total: 1, finished: 0, failed: 0, excluded: 0 },
    metrics: { score: 0 },
    paths: manifestPaths(),
  };
}

export function describeEvalRunStoreContract(name: string, make: Make): void {
  describe(`EvalRunStore contract: ${name}`, () => {
    it('writes a run and its cases and reads them back', async () => {
      const runs = make();
      const runId = '20261202T010203456Z-search-abcdef';
      expect(await runs.readRun(runId)).toBeUndefined();
      await runs.writeManifest(manifest(runId));
      await runs.appendEvents(runId, [{ type: 'run_start', run_id: runId, recorded_ms: 1 }]);
      await runs.writeCaseManifest({
        schemaVersion: 5,
        run_id: runId,
        case_id: 'hep-th/9901001',
        status: 'ok',
        started_ms: 1,
        ended_ms: 2,
        inputs: { query: 'x' },
        io: ['answer.txt'],
      });
      await runs.writeCaseMetrics(runId, 'hep-th/9901001', { recall: 0.5 });
      await runs.appendCaseEvents(runId, 'hep-th/9901001', [
        {
          run_id: runId,
          case_id: 'hep-th/9901001',
          stage: 'load_case',
          status: 'ok',
          started_ms: 1,
          ended_ms: 2,
          recorded_ms: 2,
        },
      ]);
      await runs.writeCaseIo(runId, 'hep-th/9901001', 'answer.txt', 'hello');
      const dir = runs.paths(runId).case('hep-th/9901001').relativeDir;
      await runs.appendCaseIndex(runId, [
        { case_id: 'hep-th/9901001', status: 'ok', dir, ended_ms: 2, summary: {} },
      ]);
      await runs.writeManifest({ ...manifest(runId, 'completed'), metrics: { score: 0.7 } });

      const run = await runs.readRun(runId);
      expect(run?.manifest).toMatchObject({ status: 'completed', metrics: { score: 0.7 } });
      expect(run?.events.map((e) => e.type)).toEqual(['run_start']);
      expect(run?.cases.map((c) => c.case_id)).toEqual(['hep-th/9901001']);
      expect((await runs.readManifest(runId))?.status).toBe('completed');
      const stored = await runs.readCase(runId, 'hep-th/9901001');
      expect(stored.manifest?.io).toEqual(['answer.txt']);
      expect(stored.metrics).toEqual({ recall: 0.5 });
      expect(stored.events.map((e) => e.stage)).toEqual(['load_case']);
      expect(stored.error).toBeUndefined();
      expect(await runs.readCaseIo(runId, 'hep-th/9901001', 'answer.txt')).toBe('hello');
      expect(await runs.readCaseIo(runId, 'hep-th/9901001', 'other.txt')).toBeUndefined();
      expect(runs.paths(runId).dir.startsWith(runs.runsDir)).toBe(true);
    });

    it('keeps concurrent appends whole, in call order', async () => {
      const runs = make();
      const runId = 'run-a';
      await runs.writeManifest(manifest(runId));
      const events = Array.from({ length: 50 }, (_, i) => ({
        type: 'case_finished' as const,
        run_id: runId,
        case_id: `c${i}`,
        recorded_ms: i,
        message: 'x'.repeat(i * 10),
      }));
      await Promise.all(events.map((e) => runs.appendEvents(runId, [e])));
      const run = await runs.readRun(runId);
      expect(run?.events.map((e) => e.case_id)).toEqual(events.map((e) => e.case_id));
    });

    it('lists runs newest first, up to a limit, naming a run it cannot read instead of failing', async () => {
      const runs = make();
      expect(await runs.list()).toEqual([]);
      await runs.writeManifest(manifest('20261201T000000Z-search-aaaaaa'));
      await runs.writeManifest(manifest('20261202T000000Z-search-bbbbbb', 'completed'));
      // A case written before its run's manifest: the run is there, without a manifest yet.
      await runs.writeCaseError({
        run_id: '20261203T000000Z-search-cccccc',
        case_id: 'c',
        stage: 'judge',
        message: 'bad',
        recorded_ms: 3,
      });
      const listed = await runs.list();
      expect(listed.map((l) => l.runId)).toEqual([
        '20261203T000000Z-search-cccccc',
        '20261202T000000Z-search-bbbbbb',
        '20261201T000000Z-search-aaaaaa',
      ]);
      expect(listed[0]).toEqual({
        runId: '20261203T000000Z-search-cccccc',
        ok: false,
        problem: 'no manifest.json',
      });
      expect(listed[1]?.ok && listed[1].manifest.status).toBe('completed');
      expect((await runs.list(1)).map((l) => l.runId)).toEqual(['20261203T000000Z-search-cccccc']);
      const failed = await runs.readCase('20261203T000000Z-search-cccccc', 'c');
      expect(failed.error?.stage).toBe('judge');
      expect(failed.manifest).toBeUndefined();
    });

    it('refuses run ids and file names that would leave the run', async () => {
      const runs = make();
      await expect(runs.writeCaseIo('run-c', 'x', '../escape.txt', 'no')).rejects.toThrow(/plain file name/);
      await expect(runs.readManifest('../other')).rejects.toThrow(/run id/);
      await expect(runs.writeManifest(manifest('../other'))).rejects.toThrow(/run id/);
      expect(await runs.list()).toEqual([]);
    });
  });
}
