/**
 * One process at a time per state directory: `.lock` holds the holder's pid, and is created
 * with that content in one step (temp file + link). A second radar that needs the state fails
 * with a clear message; a lock whose process is gone (a crash, a kill -9) is taken over, and the
 * temp files that process left are swept.
 *
 * Written here rather than with proper-lockfile because that library decides staleness by
 * mtime, while a pid check is exact on one machine and needs no heartbeat.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
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

/**
 * The lock's own temp files are not named like the store's (`.tmp-`): the sweep after a takeover
 * would delete a live contender's file between its write and its link.
 */
const NEW_MARK = '.new-';

/** Removes lock temp files left by dead processes (a crash between write and link). */
async function sweepLockTemps(stateDir: string, lockName: string): Promise<void> {
  const prefix = `${lockName}${NEW_MARK}`;
  for (const name of await readdir(stateDir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && !isProcessAlive(pid))
      await unlink(join(stateDir, name)).catch(() => undefined);
  }
}

/** A lock file this young that is empty or unreadable is being written by its creator: held, not torn. */
const YOUNG_LOCK_MS = 5_000;

interface Holder {
  text: string;
  info: LockInfo | undefined;
  ageMs: number;
}

async function readHolder(file: string): Promise<Holder | undefined> {
  let text: string;
  let ageMs: number;
  try {
    [text, ageMs] = await Promise.all([
      readFile(file, 'utf8'),
      stat(file).then((s) => Date.now() - s.mtimeMs),
    ]);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    const parsed = LockInfo.safeParse(JSON.parse(text));
    return { text, info: parsed.success ? parsed.data : undefined, ageMs };
  } catch {
    return { text, info: undefined, ageMs };
  }
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/**
 * Creates `file` with its content in one step: the content goes to a temp file, which is then
 * hard-linked to the lock name (link fails if the name exists). A contender never sees it empty.
 */
async function tryCreate(file: string, info: LockInfo): Promise<boolean> {
  const temp = `${file}${NEW_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(JSON.stringify(info));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** A holder that is gone: dead on this host, or a lock file torn long enough ago. */
function isStale(holder: Holder): boolean {
  if (!holder.info) return holder.ageMs > YOUNG_LOCK_MS;
  return holder.info.hostname === hostname() && !isProcessAlive(holder.info.pid);
}

/**
 * Removes a stale lock whose content is still `staleText`. Breakers take `<lock>.break` first, so
 * two processes that both saw the same dead holder cannot both delete: the second one would delete
 * the first one's fresh lock.
 */
async function breakStaleLock(file: string, staleText: string, info: LockInfo): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await tryCreate(breaker, info))) {
    const other = await readHolder(breaker);
    // A breaker that died mid-break leaves its file behind; it is removed like a stale lock.
    if (other && isStale(other) && (await readHolder(breaker))?.text === other.text)
      await unlink(breaker).catch(() => undefined);
    return;
  }
  try {
    const again = await readHolder(file);
    if (again?.text === staleText) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

function refuseLiveHolder(stateDir: string, file: string, holder: Holder): void {
  const held = holder.info;
  if (!held) {
    if (!isStale(holder))
      throw new StateLockedError(
        `the state directory ${stateDir} is being locked by another radar; try again`,
      );
    return;
  }
  if (
    held.pid === process.pid &&
    held.hostname === hostname() &&
    Date.parse(held.startedAt) >= PROCESS_START
  ) {
    throw new StateLockedError(
      `this process already holds the state lock of ${stateDir} ("radar ${held.command}")`,
    );
  }
  if (held.hostname !== hostname()) {
    throw new StateLockedError(
      `the state directory ${stateDir} is locked by radar on host ${held.hostname} (pid ${held.pid}); if that process is gone, delete ${file}`,
    );
  }
  if (held.pid !== process.pid && isProcessAlive(held.pid)) {
    throw new StateLockedError(
      `the state directory ${stateDir} is in use by another radar (pid ${held.pid}, "radar ${held.command}", since ${held.startedAt}); wait for it to finish or stop it`,
    );
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
  for (let attempt = 0; attempt < 5 && !acquired; attempt++) {
    acquired = await tryCreate(file, info);
    if (acquired) break;
    const holder = await readHolder(file);
    if (holder === undefined) continue; // released between our two calls
    refuseLiveHolder(stateDir, file, holder);
    // The holder is dead, or its lock file was torn by a crash long ago: take it over.
    await breakStaleLock(file, holder.text, info);
    tookOver = true;
  }
  if (!acquired) throw new StateLockedError(`could not take the lock ${file}; try again`);
  if (tookOver) {
    removeStaleTempFiles(stateDir);
    await sweepLockTemps(stateDir, basename(file));
  }

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
