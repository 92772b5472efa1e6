/**
 * `radar sync push`: uploads the files whose content changed since the last sync, in one commit
 * whose parent is the commit the push looked at (so a push racing another one is refused, not
 * merged blindly). The record is written only after the commit succeeded: a failed push leaves
 * the state and the record as they were, and the next push uploads the same files again.
 */
import type { SyncRecord } from '../store/sync-record-schema.ts';
import { SyncConflictError } from './sync-errors.ts';
import { bytesOf, type PushPlan, planAgainstRecord, planAgainstRemote } from './sync-plan.ts';
import type { LocalFile, SyncDeps } from './sync-ports.ts';

interface PushOptions {
  /** Replace remote copies that changed on both sides. */
  force?: boolean;
}

interface PushResult {
  /** The new commit, or undefined when there was nothing to upload. */
  commit: string | undefined;
  /** The commit the remote was at before. */
  parent: string | undefined;
  uploaded: LocalFile[];
  unchanged: number;
  /** Files of the record or the remote that are not here: kept on the remote. */
  onlyRemote: string[];
  /** Files radar does not write, left out. */
  unknown: string[];
  /** Whether the remote had moved since this state's last sync. */
  remoteMoved: boolean;
}

/** The record, when it is about this repository and branch. */
function recordFor(record: SyncRecord | undefined, deps: SyncDeps): SyncRecord | undefined {
  return record?.repo === deps.remote.name && record.branch === deps.remote.branch ? record : undefined;
}

interface PushState {
  record: SyncRecord | undefined;
  head: string | undefined;
  plan: PushPlan;
  unknown: string[];
  local: LocalFile[];
}

/** What a push would do now: read by `push` and `status`. */
export async function planPush(deps: SyncDeps): Promise<PushState> {
  const record = recordFor(await deps.record.read(), deps);
  const head = await deps.remote.head();
  const scan = await deps.files.scan(record?.files, (done, total) =>
    deps.progress?.update('hashing the state', done, total),
  );
  let plan: PushPlan;
  if (record !== undefined && head === record.commit) plan = planAgainstRecord(scan.files, record.files);
  else {
    const tree = head === undefined ? [] : await deps.remote.list(head);
    const synced = tree.filter((entry) => deps.files.isSynced(entry.path));
    plan = planAgainstRemote(scan.files, synced, record?.files);
  }
  return { record, head, plan, unknown: scan.unknown, local: scan.files };
}

function nextRecord(
  deps: SyncDeps,
  state: PushState,
  commit: string,
  kept: readonly LocalFile[],
): SyncRecord {
  const files: SyncRecord['files'] = {};
  // Still on the remote and unchanged there: what the record knew of files no longer here.
  if (state.record !== undefined && state.head === state.record.commit)
    for (const path of state.plan.onlyRemote) {
      const known = state.record.files[path];
      if (known !== undefined) files[path] = known;
    }
  for (const { path, ...hashes } of kept) files[path] = hashes;
  return {
    version: 1,
    repo: deps.remote.name,
    branch: deps.remote.branch,
    commit,
    action: 'push',
    at: deps.now().toISOString(),
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}

export async function pushState(deps: SyncDeps, options: PushOptions = {}): Promise<PushResult> {
  const state = await planPush(deps);
  const { plan, head, record } = state;
  if (plan.conflicts.length > 0 && !options.force)
    throw new SyncConflictError(plan.conflicts, deps.remote.name);
  const forced = new Set(plan.conflicts.map((c) => c.path));
  const uploads = [...plan.uploads, ...state.local.filter((f) => forced.has(f.path))].sort((a, b) =>
    a.path < b.path ? -1 : 1,
  );
  const result = {
    parent: head,
    unchanged: plan.unchanged.length,
    onlyRemote: plan.onlyRemote,
    unknown: state.unknown,
    remoteMoved: record !== undefined && record.commit !== head,
  };
  if (uploads.length === 0) {
    // In step with the remote: record it, so the next push compares with the record alone.
    if (head !== undefined && (record === undefined || record.commit !== head))
      await deps.record.write(nextRecord(deps, state, head, plan.unchanged));
    return { ...result, commit: undefined, uploaded: [] };
  }
  const total = bytesOf(uploads);
  let done = 0;
  deps.progress?.update('uploading', 0, total);
  const sizes = new Map(uploads.map((f) => [f.path, f.size]));
  const commit = await deps.remote.commit({
    title: `radar sync: ${uploads.length} file(s) from the state`,
    parentCommit: head,
    files: await Promise.all(
      uploads.map(async (f) => ({ path: f.path, content: await deps.files.blob(f.path) })),
    ),
    onUploaded: (path) => {
      done += sizes.get(path) ?? 0;
      deps.progress?.update('uploading', done, total);
    },
  });
  deps.progress?.update('uploading', total, total);
  await deps.record.write(nextRecord(deps, state, commit, [...plan.unchanged, ...uploads]));
  return { ...result, commit, uploaded: uploads };
}
