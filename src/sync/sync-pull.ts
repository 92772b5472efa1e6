/**
 * `radar sync pull`: restores the state from the remote branch's latest commit. Into a state that
 * already holds files it refuses unless forced; forced, a local file that differs from the remote
 * is copied to `sync/backup/<time>/` before it is replaced, and local files the remote lacks are
 * kept. Each download is verified against the remote listing before it replaces anything.
 */
import { RadarError, UsageError } from '../core/errors.ts';
import { mapConcurrent } from '../store/map-concurrent.ts';
import type { SyncRecord } from '../store/sync-record-schema.ts';
import { bytesOf, sameContent } from './sync-plan.ts';
import type { RemoteEntry, SyncDeps } from './sync-ports.ts';

interface PullOptions {
  force?: boolean;
  /** Downloads in flight at once (default 4). */
  concurrency?: number;
}

interface PullResult {
  commit: string;
  downloaded: RemoteEntry[];
  /** Already identical here. */
  unchanged: number;
  /** Local files replaced, with where their copy was kept. */
  replaced: Array<{ path: string; backup: string }>;
  /** Remote files that are not radar state (a dataset card, older data): left on the remote. */
  foreign: string[];
  /** Local files the remote lacks: kept. */
  keptLocal: string[];
}

/** `2026-12-02T04:05:06.789Z` → `20261202T040506Z`: a folder name that sorts by time. */
function stampOf(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function pullState(deps: SyncDeps, options: PullOptions = {}): Promise<PullResult> {
  const scan = await deps.files.scan(undefined, (done, total) =>
    deps.progress?.update('hashing the state', done, total),
  );
  if (scan.files.length > 0 && !options.force)
    throw new UsageError(
      `the state directory ${deps.files.dir} already holds ${scan.files.length} state file(s): pull restores into an empty one; --force replaces the files that differ (keeping a copy of each under sync/backup/)`,
    );
  const head = await deps.remote.head();
  if (head === undefined) throw new RadarError(`${deps.remote.name} has no commit yet: nothing to pull`);
  const tree = await deps.remote.list(head);
  const entries = tree.filter((e) => deps.files.isSynced(e.path));
  const foreign = tree.filter((e) => !deps.files.isSynced(e.path)).map((e) => e.path);
  const local = new Map(scan.files.map((f) => [f.path, f]));
  const stamp = stampOf(deps.now());
  const files: SyncRecord['files'] = {};
  const replaced: PullResult['replaced'] = [];
  const downloaded: RemoteEntry[] = [];
  const total = bytesOf(entries);
  let done = 0;
  deps.progress?.update('downloading', 0, total);
  await mapConcurrent(entries, options.concurrency ?? 4, async (entry) => {
    const here = local.get(entry.path);
    if (here !== undefined && sameContent(entry, here)) {
      const { path: _path, ...hashes } = here;
      files[entry.path] = hashes;
    } else {
      if (here !== undefined)
        replaced.push({ path: entry.path, backup: await deps.files.backup(entry.path, stamp) });
      const chunks = await deps.remote.download(entry.path, head);
      files[entry.path] = await deps.files.write(entry.path, chunks, {
        size: entry.size,
        sha256: entry.lfsSha256,
        gitOid: entry.lfsSha256 === undefined ? entry.gitOid : undefined,
      });
      downloaded.push(entry);
    }
    done += entry.size;
    deps.progress?.update('downloading', done, total);
  });
  await deps.record.write({
    version: 1,
    repo: deps.remote.name,
    branch: deps.remote.branch,
    commit: head,
    action: 'pull',
    at: deps.now().toISOString(),
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))),
  });
  const remotePaths = new Set(entries.map((e) => e.path));
  return {
    commit: head,
    downloaded: downloaded.sort((a, b) => (a.path < b.path ? -1 : 1)),
    unchanged: entries.length - downloaded.length,
    replaced: replaced.sort((a, b) => (a.path < b.path ? -1 : 1)),
    foreign,
    keptLocal: scan.files.map((f) => f.path).filter((p) => !remotePaths.has(p)),
  };
}
