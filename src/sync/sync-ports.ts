/**
 * What backing the state up needs from the outside: the remote repository (the Hugging Face
 * adapter implements it), the state's files and the sync record (the store implements those).
 */
import type { LocalFile, StateScan } from '../store/sync-files.ts';
import type { SyncedFile, SyncRecord } from '../store/sync-record-schema.ts';

/** One file of the remote tree. */
export interface RemoteEntry {
  path: string;
  size: number;
  /** The git blob id (for an LFS file, the id of its pointer). */
  gitOid: string;
  /** The content's sha256, for files stored with LFS. */
  lfsSha256?: string | undefined;
}

export interface CommitRequest {
  title: string;
  /** The commit the remote branch must still be at; the Hub refuses the commit otherwise. */
  parentCommit: string | undefined;
  files: ReadonlyArray<{ path: string; content: Blob }>;
  /** Called as each file's upload completes. */
  onUploaded?: (path: string) => void;
}

export interface RemoteRepo {
  /** `owner/name`, for messages. */
  readonly name: string;
  readonly branch: string;
  /** The branch's commit, or undefined when the repository has no commit yet. */
  head(): Promise<string | undefined>;
  list(revision: string): Promise<RemoteEntry[]>;
  /** Commits the files in one commit; returns the new commit id. */
  commit(request: CommitRequest): Promise<string>;
  download(path: string, revision: string): Promise<AsyncIterable<Uint8Array>>;
}

export interface ExpectedContent {
  size: number;
  sha256?: string | undefined;
  gitOid?: string | undefined;
}

export interface StateFiles {
  readonly dir: string;
  scan(
    known?: Readonly<Record<string, SyncedFile>>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<StateScan>;
  isSynced(path: string): boolean;
  blob(path: string): Promise<Blob>;
  write(path: string, chunks: AsyncIterable<Uint8Array>, expected: ExpectedContent): Promise<SyncedFile>;
  backup(path: string, stamp: string): Promise<string>;
}

export interface SyncRecordPort {
  read(): Promise<SyncRecord | undefined>;
  write(record: SyncRecord): Promise<void>;
}

export interface SyncProgress {
  update(label: string, done: number, total: number): void;
}

export interface SyncDeps {
  remote: RemoteRepo;
  files: StateFiles;
  record: SyncRecordPort;
  now: () => Date;
  progress?: SyncProgress;
}

export type { LocalFile };
