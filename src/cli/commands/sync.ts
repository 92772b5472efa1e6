/**
 * `radar sync push | pull | status`: the state backed up to a Hugging Face dataset (sync.repo,
 * HF_TOKEN, HF_ENDPOINT), only the files whose content changed, derived data never.
 */
import { hubSyncDeps } from '../../adapters/huggingface/hub-sync-deps.ts';
import { systemClock } from '../../core/clock.ts';
import { bytesOf } from '../../sync/sync-plan.ts';
import type { SyncDeps } from '../../sync/sync-ports.ts';
import { pullState } from '../../sync/sync-pull.ts';
import { planPush, pushState } from '../../sync/sync-push.ts';
import type { Out } from '../action.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress, type ProgressSink } from '../progress.ts';

interface SyncFlags {
  force?: boolean;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const short = (oid: string | undefined): string => (oid === undefined ? 'none' : oid.slice(0, 12));

function listed(out: Out, label: string, paths: readonly string[], max = 10): void {
  if (paths.length === 0) return;
  out(`${label}:`);
  for (const path of paths.slice(0, max)) out(`  ${path}`);
  if (paths.length > max) out(`  … and ${paths.length - max} more`);
}

async function withSync<T>(
  ctx: CommandContext,
  unit: string,
  fn: (deps: SyncDeps) => Promise<T>,
): Promise<T> {
  const progress: ProgressSink = await createProgress(ctx.logger, unit);
  try {
    return await fn(
      hubSyncDeps({
        config: ctx.loaded.config,
        env: ctx.env,
        stateDir: ctx.stateDir,
        stores: ctx.stores,
        logger: ctx.logger,
        clock: systemClock,
        progress,
      }),
    );
  } finally {
    progress.stop();
  }
}

export async function runSyncPush(ctx: CommandContext, flags: SyncFlags, out: Out): Promise<number> {
  const result = await withStateLock(ctx, 'sync push', () =>
    withSync(ctx, 'bytes', (deps) => pushState(deps, { force: flags.force === true })),
  );
  const repo = ctx.loaded.config.sync.repo ?? '';
  if (result.remoteMoved) out(`the remote had moved since the last sync; no file changed on both sides`);
  if (result.commit === undefined)
    out(
      `nothing to push: ${repo} (${ctx.loaded.config.sync.branch}) already holds this state at ${short(result.parent)}`,
    );
  else {
    out(
      `pushed ${result.uploaded.length} file(s), ${formatBytes(bytesOf(result.uploaded))}, to ${repo}: commit ${short(result.commit)} (${result.unchanged} unchanged)`,
    );
    listed(
      out,
      'uploaded',
      result.uploaded.map((f) => f.path),
    );
  }
  listed(out, 'not radar state files, left out (see radar state check)', result.unknown);
  return 0;
}

export async function runSyncPull(ctx: CommandContext, flags: SyncFlags, out: Out): Promise<number> {
  const result = await withStateLock(ctx, 'sync pull', () =>
    withSync(ctx, 'bytes', (deps) => pullState(deps, { force: flags.force === true })),
  );
  out(
    `pulled ${result.downloaded.length} file(s), ${formatBytes(bytesOf(result.downloaded))}, from ${ctx.loaded.config.sync.repo ?? ''} at ${short(result.commit)} into ${ctx.stateDir} (${result.unchanged} already identical)`,
  );
  for (const r of result.replaced) out(`replaced ${r.path}; the local copy is kept at ${r.backup}`);
  listed(out, 'kept: local files the remote does not have', result.keptLocal);
  listed(out, 'left on the remote: files that are not radar state', result.foreign);
  out('indexes and caches rebuild on demand; `radar state check` validates what was restored');
  return 0;
}

export async function runSyncStatus(ctx: CommandContext, out: Out): Promise<number> {
  const { config } = ctx.loaded;
  const state = await withSync(ctx, 'files', (deps) => planPush(deps));
  out(
    `backup: datasets/${config.sync.repo ?? ''} (branch ${config.sync.branch}) at ${config.sources.huggingface.endpoint}`,
  );
  const { record, head, plan } = state;
  out(
    record === undefined
      ? 'last sync: none from this state'
      : `last sync: ${record.action} at ${record.at}, commit ${short(record.commit)}`,
  );
  if (record === undefined) out(`remote: at ${short(head)}`);
  else if (record.commit === head) out('remote: unchanged since the last sync');
  else out(`remote: moved since the last sync (${short(record.commit)} → ${short(head)})`);
  out(
    plan.uploads.length === 0
      ? `a push would upload nothing (${plan.unchanged.length} files in step)`
      : `a push would upload ${plan.uploads.length} file(s), ${formatBytes(bytesOf(plan.uploads))} (${plan.unchanged.length} unchanged)`,
  );
  listed(
    out,
    'to upload',
    plan.uploads.map((f) => f.path),
  );
  listed(
    out,
    'changed on both sides (push refuses them without --force)',
    plan.conflicts.map((c) => `${c.path}: ${c.reason}`),
  );
  listed(out, 'on the remote only (kept there; pull restores them)', plan.onlyRemote);
  listed(out, 'not radar state files, left out (see radar state check)', state.unknown);
  return 0;
}
