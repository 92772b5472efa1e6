/**
 * What every command registration uses: stdout lines, and `action`, which builds the command
 * context (env, config, state dir, logger) lazily and sets the exit code the command returns.
 */
import { Command } from 'commander';
import { redactText } from '../log/redact.ts';
import type { CommandContext, GlobalOptions } from './context.ts';

export type Out = (line: string) => void;
export const out: Out = (line) => process.stdout.write(`${redactText(line)}\n`);

async function context(command: Command): Promise<CommandContext> {
  const { createContext, resolveContext } = await import('./context.ts');
  return resolveContext(createContext(command.optsWithGlobals<GlobalOptions>()));
}

export function action(run: (ctx: CommandContext, command: Command, ...args: unknown[]) => Promise<number>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args.at(-1);
    if (!(command instanceof Command)) throw new Error('commander passed no command');
    const ctx = await context(command);
    process.exitCode = await run(ctx, command, ...args.slice(0, -1));
  };
}
