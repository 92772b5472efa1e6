/** What every RunsStore does, file or memory: run by file-and-memory.test.ts against both. */
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunManifest, RunsStore } from '../../../src/store/runs-store.ts';

type Make<T> = () => Promise<T> | T;

const manifest = (runId: string, overrides: Partial<RunManifest> = {}): RunManifest => ({
  runId,
  kind: 'pipeline',
  status: 'running',
  options: { days: 1 },
  startedAt: '2026-11-20T08:00:00Z',
  steps: [{ name: 'collect', status: 'pending', counts: {}, errors: [] }],
  costUsd: 0,
  outputs: {},
  ...overrides,
});

const event = (type: RunEvent['type'], step?: string): RunEvent => ({
  at: '2026-11-20T08:00:01Z',
  type,
  ...(step ? { step } : {}),
});

export function describeRunsStoreContract(name: string, make: Make<RunsStore>): void {
  describe(`RunsStore contract: ${name}`, () => {
    it('reads back the last manifest written for a run, and nothing for an unknown run', async () => {
      const store = await make();
      expect(await store.read('20261120T080000Z-run-aaaa')).toBeUndefined();
      expect(await store.events('20261120T080000Z-run-aaaa')).toEqual([]);
      await store.write(manifest('20261120T080000Z-run-aaaa'));
      await store.write(manifest('20261120T080000Z-run-aaaa', { status: 'completed', costUsd: 0.5 }));
      expect(await store.read('20261120T080000Z-run-aaaa')).toEqual(
        manifest('20261120T080000Z-run-aaaa', { status: 'completed', costUsd: 0.5 }),
      );
    });

    it('fills a manifest’s defaults on read', async () => {
      const store = await make();
      const bare = { ...manifest('20261120T080000Z-run-aaaa') } as Partial<RunManifest>;
      delete bare.costUsd;
      delete bare.outputs;
      await store.write(bare as RunManifest);
      const read = await store.read('20261120T080000Z-run-aaaa');
      expect(read?.costUsd).toBe(0);
      expect(read?.outputs).toEqual({});
    });

    it('appends events in order', async () => {
      const store = await make();
      const id = '20261120T080000Z-run-aaaa';
      await store.appendEvents(id, [event('run_start'), event('step_started', 'collect')]);
      await store.appendEvents(id, [event('step_finished', 'collect')]);
      expect((await store.events(id)).map((e) => e.type)).toEqual([
        'run_start',
        'step_started',
        'step_finished',
      ]);
    });

    it('lists runs most recent first, up to the limit, naming runs without a readable manifest', async () => {
      const store = await make();
      await store.write(manifest('20261120T080000Z-run-aaaa'));
      await store.write(manifest('20261122T080000Z-run-cccc'));
      await store.appendEvents('20261121T080000Z-run-bbbb', [event('run_start')]);
      await store.write({
        ...manifest('20261123T080000Z-run-dddd'),
        status: 'lost',
      } as unknown as RunManifest);
      const entries = await store.listEntries();
      expect(entries.map((e) => e.runId)).toEqual([
        '20261123T080000Z-run-dddd',
        '20261122T080000Z-run-cccc',
        '20261121T080000Z-run-bbbb',
        '20261120T080000Z-run-aaaa',
      ]);
      expect(entries[0]?.problem).toMatch(/status/);
      expect(entries[2]?.problem).toBe('no manifest.json');
      expect((await store.list()).map((m) => m.runId)).toEqual([
        '20261122T080000Z-run-cccc',
        '20261120T080000Z-run-aaaa',
      ]);
      expect((await store.list(2)).map((m) => m.runId)).toEqual(['20261122T080000Z-run-cccc']);
    });
  });
}
