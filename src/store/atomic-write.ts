/**
 * Crash-safe file writes: the new content goes to a temp file beside the target, is fsynced,
 * renamed over the target, and the directory is fsynced so the rename itself survives a crash.
 * A reader therefore sees the old or the new file, never a torn one. Whatever step fails, the
 * temp file is removed and the target keeps its old content. Every write of the state goes
 * through `replaceFileAtomic` (or its synchronous twin, for a process that is exiting now).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { redactValues } from '../log/redact.ts';

const TEMP_MARK = '.tmp-';

export function isTempFile(name: string): boolean {
  return name.includes(TEMP_MARK);
}

function tempPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/** Opened read-write: some systems refuse fsync on a read-only descriptor. */
async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Best effort: some file systems cannot open or sync a directory; the rename has happened. */
async function fsyncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the data is in place; only the rename's durability across a power cut is weaker
  }
}

function fsyncDirectorySync(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // as in fsyncDirectory
  }
}

/**
 * Replaces `path` atomically with what `write` puts in the temp file it is given (a path in the
 * same directory, so the rename cannot cross file systems): write, fsync the file, rename, fsync
 * the directory. An error from `write` (say, a check that the content is what was expected)
 * leaves the target as it was.
 */
export async function replaceFileAtomic(
  path: string,
  write: (temp: string) => Promise<void> | void,
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = tempPathFor(path);
  try {
    await write(temp);
    await fsyncPath(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}

/** Text is written without the configured secret values (see src/log/redact.ts); bytes as they are. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const content = typeof data === 'string' ? redactValues(data) : data;
  await replaceFileAtomic(path, (temp) => writeFile(temp, content));
}

/**
 * The synchronous twin of writeFileAtomic, the same steps, for the last writes of a process that
 * is exiting now (a second Ctrl-C, a shutdown timeout), when no promise will be waited for.
 */
export function writeFileAtomicSync(path: string, data: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, redactValues(data));
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectorySync(dir);
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
  await replaceFileAtomic(path, async (temp) => {
    const handle = await open(temp, 'w');
    try {
      for await (const chunk of chunks) await handle.write(chunk);
    } finally {
      await handle.close();
    }
    check?.();
  });
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
