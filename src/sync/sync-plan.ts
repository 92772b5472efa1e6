/**
 * What a push uploads: each local file against what the remote holds, known from the record when
 * the remote has not moved since the last sync, else from the remote tree with the record as the
 * common base (a file changed here and on the remote since that base is a conflict).
 */
import type { LocalFile } from '../store/sync-files.ts';
import type { SyncedFile } from '../store/sync-record-schema.ts';
import type { RemoteEntry } from './sync-ports.ts';

export interface Conflict {
  path: string;
  reason: string;
}

export interface PushPlan {
  /** New or changed here. */
  uploads: LocalFile[];
  unchanged: LocalFile[];
  conflicts: Conflict[];
  /** On the remote (or in the record) but not here: kept on the remote. */
  onlyRemote: string[];
}

type Hashes = Pick<SyncedFile, 'sha256' | 'gitOid'>;

export function sameContent(entry: RemoteEntry, file: Hashes): boolean {
  return entry.lfsSha256 !== undefined ? entry.lfsSha256 === file.sha256 : entry.gitOid === file.gitOid;
}

/** The remote is still at the recorded commit: the record says what it holds. */
export function planAgainstRecord(
  local: readonly LocalFile[],
  recorded: Readonly<Record<string, SyncedFile>>,
): PushPlan {
  const uploads: LocalFile[] = [];
  const unchanged: LocalFile[] = [];
  for (const file of local) (recorded[file.path]?.sha256 === file.sha256 ? unchanged : uploads).push(file);
  const here = new Set(local.map((f) => f.path));
  const onlyRemote = Object.keys(recorded)
    .filter((path) => !here.has(path))
    .sort();
  return { uploads, unchanged, conflicts: [], onlyRemote };
}

/** The remote moved, or this state never synced with it: compare with its tree. */
export function planAgainstRemote(
  local: readonly LocalFile[],
  remote: readonly RemoteEntry[],
  base: Readonly<Record<string, SyncedFile>> | undefined,
): PushPlan {
  const byPath = new Map(remote.map((entry) => [entry.path, entry]));
  const plan: PushPlan = { uploads: [], unchanged: [], conflicts: [], onlyRemote: [] };
  for (const file of local) {
    const entry = byPath.get(file.path);
    const before = base?.[file.path];
    if (entry === undefined) plan.uploads.push(file);
    else if (sameContent(entry, file)) plan.unchanged.push(file);
    else if (before !== undefined && sameContent(entry, before)) plan.uploads.push(file);
    else
      plan.conflicts.push({
        path: file.path,
        reason:
          before === undefined
            ? 'differs from the remote copy, which this state never synced'
            : 'changed here and on the remote since the last sync',
      });
  }
  const here = new Set(local.map((f) => f.path));
  plan.onlyRemote = remote
    .map((e) => e.path)
    .filter((path) => !here.has(path))
    .sort();
  return plan;
}

export function bytesOf(files: readonly { size: number }[]): number {
  return files.reduce((sum, f) => sum + f.size, 0);
}
