import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import { checkState, isClean } from '../store/state-check.ts';
import { acquireStateLock } from '../store/state-lock.ts';
import { createFileStores, type Stores } from '../store/stores.ts';
import { createLockedLabelSink } from './locked-label-sink.ts';

// On files: the sink's point is the state lock and the pending file beside a process holding it.
let dir: string;
let stores: Stores;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'radar-sink-'));
  stores = createFileStores(dir);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const set = (id: string, label: 1 | -1, at: string) => ({
  kind: 'set' as const,
  label: { id, label, source: 'telegram' as const, user: '7', at },
});

describe('locked label sink', () => {
  it('writes labels under the lock and releases it', async () => {
    const sink = createLockedLabelSink({ stores, stateDir: dir, logger: silentLogger() });
    expect(await sink.apply([set('2511.00001', 1, '2026-11-21T09:00:00Z')])).toBe(1);
    expect(await stores.labels.readAll()).toHaveLength(1);
    const lock = await acquireStateLock(dir, 'test');
    await lock.release();
  });

  it('queues changes while another process holds the lock and applies them, last change winning, once free', async () => {
    const sink = createLockedLabelSink({ stores, stateDir: dir, logger: silentLogger() });
    // Another live radar process (our parent) holds the lock: a lock of our own pid would be taken over.
    const lockFile = join(dir, '.lock');
    const info = {
      pid: process.ppid,
      hostname: hostname(),
      command: 'run',
      startedAt: '2026-11-21T08:00:00Z',
    };
    await writeFile(lockFile, JSON.stringify(info));
    expect(await sink.apply([set('2511.00001', 1, '2026-11-21T09:00:00Z')])).toBe(0);
    expect(await sink.apply([{ kind: 'remove', id: '2511.00001', at: '2026-11-21T09:00:05Z' }])).toBe(0);
    expect(await sink.apply([set('2511.00002', -1, '2026-11-21T09:00:06Z')])).toBe(0);
    expect(await stores.labels.readAll()).toEqual([]);
    expect(await stores.pendingLabels.readAll()).toHaveLength(3);
    expect(isClean(await checkState(dir))).toBe(true);
    await unlink(lockFile);
    await sink.drain();
    expect((await stores.labels.readAll()).map((l) => [l.id, l.label])).toEqual([['2511.00002', -1]]);
    expect(await stores.pendingLabels.readAll()).toEqual([]);
  });
});
