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

  const state = program.command('state').description('inspect the state directory');
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
