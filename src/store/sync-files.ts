/**
 * The state's files as a backup sees them: a scan that hashes each file (sha256 and its git blob
 * id, in one streaming pass; a file whose size and mtime match the record keeps its hashes), file
 * blobs read lazily for the upload, and downloads written atomically only once they verify.
 */
import { createHash } from 'node:crypto';
import { createReadStream, openAsBlob } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { StateFileError } from '../core/errors.ts';
import type { ExpectedContent } from '../sync/sync-ports.ts';
import { writeFileAtomicStream } from './atomic-write.ts';
import { listDirEntries } from './list-dir.ts';
import { isSyncedPath, isUnknownPath } from './sync-paths.ts';
import type { SyncedFile } from './sync-record-schema.ts';

export interface LocalFile extends SyncedFile {
  path: string;
}

export interface StateScan {
  files: LocalFile[];
  /** Files radar does not write (not backed up): `radar state check` names them. */
  unknown: string[];
}

async function walk(root: string, dir: string): Promise<string[]> {
  const entries = await listDirEntries(dir);
  const nested = await Promise.all(
    entries.map((e) => {
      const full = join(dir, e.name);
      return e.isDirectory()
        ? walk(root, full)
        : Promise.resolve([relative(root, full).split(sep).join('/')]);
    }),
  );
  return nested.flat();
}

/** Hashes as git and LFS name content: sha256 of the bytes, sha1 of `blob <size>\0` + the bytes. */
function contentHasher(size: number): {
  update(chunk: Uint8Array): void;
  digest(): { sha256: string; gitOid: string };
} {
  const sha256 = createHash('sha256');
  const sha1 = createHash('sha1').update(`blob ${size}\0`);
  return {
    update(chunk) {
      sha256.update(chunk);
      sha1.update(chunk);
    },
    digest: () => ({ sha256: sha256.digest('hex'), gitOid: sha1.digest('hex') }),
  };
}

async function hashFile(path: string, size: number): Promise<{ sha256: string; gitOid: string }> {
  const hasher = contentHasher(size);
  for await (const chunk of createReadStream(path)) hasher.update(chunk as Buffer);
  return hasher.digest();
}

interface ScanOptions {
  /** Hashes of the last sync, reused for files whose size and mtime are unchanged. */
  known?: Readonly<Record<string, SyncedFile>>;
  onProgress?: (done: number, total: number) => void;
}

export async function scanStateFiles(stateDir: string, options: ScanOptions = {}): Promise<StateScan> {
  const paths = (await walk(stateDir, stateDir)).sort();
  const synced = paths.filter(isSyncedPath);
  const unknown = paths.filter(isUnknownPath);
  const files: LocalFile[] = [];
  for (const [index, path] of synced.entries()) {
    const full = join(stateDir, path);
    const info = await stat(full);
    const known = options.known?.[path];
    const reuse = known !== undefined && known.size === info.size && known.mtimeMs === info.mtimeMs;
    const hashes = reuse ? known : await hashFile(full, info.size);
    files.push({
      path,
      sha256: hashes.sha256,
      gitOid: hashes.gitOid,
      size: info.size,
      mtimeMs: info.mtimeMs,
    });
    options.onProgress?.(index + 1, synced.length);
  }
  return { files, unknown };
}

/** The file's content, read lazily when the upload needs it. */
export function stateFileBlob(stateDir: string, path: string): Promise<Blob> {
  return openAsBlob(join(stateDir, path));
}

/**
 * Streams a download into a temp file beside the target and renames it into place only when its
 * size and hashes are the ones the remote listed; otherwise the target is left as it was.
 */
export async function writeVerifiedFile(
  stateDir: string,
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  expected: ExpectedContent,
): Promise<SyncedFile> {
  const target = join(stateDir, path);
  const hasher = contentHasher(expected.size);
  let size = 0;
  async function* hashed(): AsyncIterable<Uint8Array> {
    for await (const chunk of chunks) {
      hasher.update(chunk);
      size += chunk.byteLength;
      yield chunk;
    }
  }
  let hashes = { sha256: '', gitOid: '' };
  await writeFileAtomicStream(target, hashed(), () => {
    const digest = hasher.digest();
    hashes = digest;
    const mismatch =
      size !== expected.size
        ? `${size} bytes instead of ${expected.size}`
        : expected.sha256 !== undefined && expected.sha256 !== digest.sha256
          ? `sha256 ${digest.sha256} instead of ${expected.sha256}`
          : expected.gitOid !== undefined && expected.gitOid !== digest.gitOid
            ? `git blob ${digest.gitOid} instead of ${expected.gitOid}`
            : undefined;
    if (mismatch !== undefined)
      throw new StateFileError(
        path,
        `the download does not match the remote listing (${mismatch}); nothing was written`,
      );
  });
  const info = await stat(target);
  return { ...hashes, size, mtimeMs: info.mtimeMs };
}

/** Keeps a copy of a local file before a forced pull replaces it: `sync/backup/<stamp>/<path>`. */
export async function backupStateFile(stateDir: string, path: string, stamp: string): Promise<string> {
  const backup = join('sync', 'backup', stamp, path).split(sep).join('/');
  const target = join(stateDir, backup);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(join(stateDir, path), target);
  return backup;
}
