import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { StateLockedError } from '../core/errors.ts';
import { acquireStateLock } from './state-lock.ts';

const tempDir = useTempDirs();

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('state lock', () => {
  it('refuses a second holder while the first is alive, with a clear message', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({
        pid: process.ppid,
        hostname: hostname(),
        command: 'run --once',
        startedAt: new Date().toISOString(),
      }),
    );
    const attempt = acquireStateLock(dir, 'collect');
    await expect(attempt).rejects.toBeInstanceOf(StateLockedError);
    await expect(acquireStateLock(dir, 'collect')).rejects.toThrow(
      /in use by another radar \(pid \d+, "radar run --once"/,
    );
  });

  it('takes over the lock of a dead process and sweeps its temp files', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({
        pid: deadPid(),
        hostname: hostname(),
        command: 'run',
        startedAt: new Date().toISOString(),
      }),
    );
    writeFileSync(join(dir, '.labels.csv.tmp-123-abcd'), 'half a file');
    const lock = await acquireStateLock(dir, 'collect');
    expect(lock.tookOver).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, '.lock'), 'utf8')).pid).toBe(process.pid);
    expect(existsSync(join(dir, '.labels.csv.tmp-123-abcd'))).toBe(false);
    await lock.release();
    expect(existsSync(join(dir, '.lock'))).toBe(false);
  });

  it('treats an old torn lock file as stale', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lock'), '{"pid": 12');
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(join(dir, '.lock'), minuteAgo, minuteAgo);
    const lock = await acquireStateLock(dir, 'collect');
    expect(lock.tookOver).toBe(true);
    await lock.release();
  });

  it('treats a young empty lock file as held: its creator is still writing it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lock'), '');
    await expect(acquireStateLock(dir, 'collect')).rejects.toThrow(/is being locked by another radar/);
  });

  it('is released and can be taken again, leaving no temp file behind', async () => {
    const dir = tempDir();
    const first = await acquireStateLock(dir, 'a');
    expect(first.tookOver).toBe(false);
    await first.release();
    const second = await acquireStateLock(dir, 'b');
    await second.release();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('state lock within one process', () => {
  it('is not re-entrant: a second acquire in the holding process fails instead of taking it over', async () => {
    const dir = tempDir();
    const lock = await acquireStateLock(dir, 'daemon');
    await expect(acquireStateLock(dir, 'collect')).rejects.toThrow(/this process already holds/);
    await lock.release();
  });

  it('takes over a lock with our pid written before this process started (pid reuse)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '.lock'),
      JSON.stringify({
        pid: process.pid,
        hostname: hostname(),
        command: 'old',
        startedAt: '2020-01-01T00:00:00Z',
      }),
    );
    const lock = await acquireStateLock(dir, 'collect');
    expect(lock.tookOver).toBe(true);
    await lock.release();
  });
});
