/** Commands of the state and the setup: doctor, state check. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerStateCommands(program: Command): void {
  program
    .command('doctor')
    .description('show the config file, the state directory and which services are configured')
    .action(
      action(async (ctx) => {
        const { runDoctor } = await import('../commands/doctor.ts');
        return runDoctor(ctx, out);
      }),
    );

  const state = program.command('state').description('set up and inspect the state directory');
  state
    .command('init')
    .description('create the state directory; --git makes it a git repository that leaves derived data out')
    .option('--git', 'initialize a git repository with a .gitignore for index/, fulltext/, out/')
    .action(
      action(async (ctx, command) => {
        const { runStateInit } = await import('../commands/state-init.ts');
        return runStateInit(ctx, command.opts<{ git?: boolean }>(), out);
      }),
    );
  state
    .command('check')
    .description('validate every state file against its schema; exit 1 on corrupt, unsorted or unknown files')
    .action(
      action(async (ctx) => {
        const { runStateCheck } = await import('../commands/state-check.ts');
        return runStateCheck(ctx, out);
      }),
    );
}
