/**
 * Crash-safe file writes: the new content goes to a temp file beside the target, is fsynced,
 * renamed over the target, and the directory is fsynced so the rename itself survives a crash.
 * A reader therefore sees the old or the new file, never a torn one.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { redactValues } from '../log/redact.ts';

const TEMP_MARK = '.tmp-';

export function isTempFile(name: string): boolean {
  return name.includes(TEMP_MARK);
}

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Text is written without the configured secret values (see src/log/redact.ts); bytes as they are. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const content = typeof data === 'string' ? redactValues(data) : data;
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

/**
 * The synchronous twin of writeFileAtomic, for the last writes of a process that is exiting now
 * (a second Ctrl-C, a shutdown timeout), when no promise will be waited for.
 */
export function writeFileAtomicSync(path: string, data: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, redactValues(data));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/**
 * Streams chunks into a temp file and commits it atomically: for files too large to build in
 * memory. `check`, when given, runs once everything is written and before the rename: an error it
 * throws (a download that does not match its listing) leaves the target as it was.
 */
export async function writeFileAtomicStream(
  path: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  check?: () => void,
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'w');
  try {
    for await (const chunk of chunks) await handle.write(chunk);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    check?.();
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

/** Removes temp files left by a process that died mid-write (call with the state lock held). */
export function removeStaleTempFiles(dir: string): number {
  let removed = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += removeStaleTempFiles(path);
    else if (isTempFile(entry.name)) {
      unlinkSync(path);
      removed += 1;
    }
  }
  return removed;
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
