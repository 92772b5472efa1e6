/**
 * The `radar` command. Each command's module is imported only when that command runs, so
 * `radar --help` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { RadarError } from '../core/errors.ts';
import type { CommandContext, GlobalOptions } from './context.ts';

type Out = (line: string) => void;
const out: Out = (line) => process.stdout.write(`${line}\n`);

async function context(command: Command): Promise<CommandContext> {
  const { createContext } = await import('./context.ts');
  return createContext(command.optsWithGlobals<GlobalOptions>());
}

function action(run: (ctx: CommandContext, command: Command, ...args: unknown[]) => Promise<number>) {
  return async (...args: unknown[]): Promise<void> => {
    const command = args.at(-1);
    if (!(command instanceof Command)) throw new Error('commander passed no command');
    const ctx = await context(command);
    process.exitCode = await run(ctx, command, ...args.slice(0, -1));
  };
}

export function buildProgram(): Command {
  const program = new Command('radar')
    .description('A personal research radar: papers, benchmarks and leaderboards, ranked by your feedback.')
    .addOption(
      new Option('--state <dir>', 'state directory (env RADAR_STATE_DIR)').default(undefined, './state'),
    )
    .option(
      '--config <file>',
      'config file, YAML or JSON (env RADAR_CONFIG; default ./radar.config.yaml if present)',
    )
    .showHelpAfterError('(run radar --help for the list of commands)')
    .exitOverride();

  program
    .command('doctor')
    .description('show the config file, the state directory and which services are configured')
    .action(
      action(async (ctx) => {
        const { runDoctor } = await import('./commands/doctor.ts');
        return runDoctor(ctx, out);
      }),
    );

  const state = program.command('state').description('inspect the state directory');
  state
    .command('check')
    .description('validate every state file against its schema; exit 1 on corrupt, unsorted or unknown files')
    .action(
      action(async (ctx) => {
        const { runStateCheck } = await import('./commands/state-check.ts');
        return runStateCheck(ctx, out);
      }),
    );

  const collect = program.command('collect').description('collect from the sources into the state directory');
  collect
    .command('papers')
    .description('fetch arXiv papers of a submitted-date window (default: since the last successful collect)')
    .option('--since <date>', 'first day, YYYY-MM-DD (UTC)')
    .option('--until <date>', 'last day, YYYY-MM-DD (UTC; default today)')
    .option('--categories <list>', 'comma-separated arXiv categories (default: config arxiv.categories)')
    .option('--oai', 'use OAI-PMH ListRecords (for backfills of months; window on last-update days)')
    .action(
      action(async (ctx, command) => {
        const { runCollectPapers } = await import('./commands/collect-papers.ts');
        return runCollectPapers(
          ctx,
          command.opts<import('./commands/collect-papers.ts').CollectPapersFlags>(),
          out,
        );
      }),
    );

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? 0
        : 2;
    }
    if (error instanceof RadarError) {
      process.stderr.write(`radar: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `radar: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  }
}

if (process.argv[1] && /radar(\.js)?$|main\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
