/**
 * One process at a time per state directory: `.lock` holds the holder's pid. A second radar
 * that needs the state fails with a clear message; a lock whose process is gone (a crash, a
 * kill -9) is taken over, and the temp files that process left are swept.
 *
 * Written here rather than with proper-lockfile because that library decides staleness by
 * mtime, while a pid check is exact on one machine and needs no heartbeat.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StateLockedError } from '../core/errors.ts';
import { removeStaleTempFiles } from './atomic-write.ts';
import { statePaths } from './paths.ts';
import { LockInfo } from './schemas.ts';

/** When this process started: a lock with our pid but an older date was left by an earlier process. */
const PROCESS_START = Date.now() - process.uptime() * 1000 - 1000;

export interface StateLock {
  readonly file: string;
  /** True when the previous holder had died and its lock was taken over. */
  readonly tookOver: boolean;
  release(): Promise<void>;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<{ text: string; info: LockInfo | undefined } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = LockInfo.safeParse(JSON.parse(text));
    return { text, info: parsed.success ? parsed.data : undefined };
  } catch {
    return { text, info: undefined };
  }
}

async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
    await handle.close();
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw error;
  }
}

export async function acquireStateLock(stateDir: string, command: string): Promise<StateLock> {
  const file = statePaths(stateDir).lock;
  await mkdir(stateDir, { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: new Date().toISOString(),
  };
  let tookOver = false;
  let acquired = false;
  for (let attempt = 0; attempt < 3 && !acquired; attempt++) {
    acquired = await tryCreate(file, info);
    if (acquired) break;
    const holder = await readHolder(file);
    if (holder === undefined) continue; // released between our two calls
    const held = holder.info;
    if (
      held &&
      held.pid === process.pid &&
      held.hostname === hostname() &&
      Date.parse(held.startedAt) >= PROCESS_START
    ) {
      throw new StateLockedError(
        `this process already holds the state lock of ${stateDir} ("radar ${held.command}")`,
      );
    }
    if (held && held.pid !== process.pid && held.hostname === hostname() && isProcessAlive(held.pid)) {
      throw new StateLockedError(
        `the state directory ${stateDir} is in use by another radar (pid ${held.pid}, "radar ${held.command}", since ${held.startedAt}); wait for it to finish or stop it`,
      );
    }
    if (held && held.hostname !== hostname()) {
      throw new StateLockedError(
        `the state directory ${stateDir} is locked by radar on host ${held.hostname} (pid ${held.pid}); if that process is gone, delete ${file}`,
      );
    }
    // The holder is dead (or its lock file was torn by a crash): take it over, unless another
    // process took it over first (its content changed).
    const again = await readHolder(file);
    if (again?.text === holder.text) await unlink(file).catch(() => undefined);
    tookOver = true;
  }
  if (!acquired) throw new StateLockedError(`could not take the lock ${file}; try again`);
  if (tookOver) removeStaleTempFiles(stateDir);

  let released = false;
  const releaseSync = (): void => {
    if (released) return;
    released = true;
    try {
      const current = LockInfo.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (current.success && current.data.pid === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once('exit', releaseSync);
  return {
    file,
    tookOver,
    async release() {
      process.removeListener('exit', releaseSync);
      releaseSync();
    },
  };
}
