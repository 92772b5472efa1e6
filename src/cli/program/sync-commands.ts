/** Commands of the backup: sync push, pull, status. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerSyncCommands(program: Command): void {
  const sync = program
    .command('sync')
    .description('back the state up to a Hugging Face dataset (sync.repo, HF_TOKEN) and restore it');
  sync
    .command('push')
    .description('upload the files whose content changed since the last sync, in one commit')
    .option('--force', 'replace remote copies of files that also changed on the remote')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/sync.ts')).runSyncPush(ctx, command.opts<{ force?: boolean }>(), out),
      ),
    );
  sync
    .command('pull')
    .description('restore the state from the dataset (an empty state directory, or --force)')
    .option('--force', 'pull into a state that holds files: replaced files are kept under sync/backup/')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/sync.ts')).runSyncPull(ctx, command.opts<{ force?: boolean }>(), out),
      ),
    );
  sync
    .command('status')
    .description('what a push would upload, and whether the remote moved since the last sync')
    .action(action(async (ctx) => (await import('../commands/sync.ts')).runSyncStatus(ctx, out)));
}
