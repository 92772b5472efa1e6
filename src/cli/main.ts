/**
 * The `radar` command. Commands are registered by area from src/cli/program/; each command's
 * module is imported only when that command runs, so `radar --help` starts fast.
 */
import { Command, CommanderError, Option } from 'commander';
import { RadarError } from '../core/errors.ts';
import { redactText } from '../log/redact.ts';
import { registerEvalCommands } from './program/eval-commands.ts';
import { registerImportCommands } from './program/import-commands.ts';
import { registerInsightCommands } from './program/insight-commands.ts';
import { registerLeaderboardCommands } from './program/leaderboard-commands.ts';
import { registerOutputCommands } from './program/output-commands.ts';
import { registerPaperCommands } from './program/paper-commands.ts';
import { registerRunCommands } from './program/run-commands.ts';
import { registerStateCommands } from './program/state-commands.ts';
import { registerSyncCommands } from './program/sync-commands.ts';

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

  registerRunCommands(program);
  registerPaperCommands(program);
  registerOutputCommands(program);
  registerInsightCommands(program);
  registerLeaderboardCommands(program);
  registerStateCommands(program);
  registerSyncCommands(program);
  registerImportCommands(program);
  registerEvalCommands(program);

  for (const command of program.commands) {
    const subcommands = command.commands.map((c) => c.name()).filter((name) => name !== 'help');
    if (subcommands.length > 0) command.description(`${command.description()} [${subcommands.join(' | ')}]`);
  }
  return program;
}

const FS_REASONS: Record<string, string> = {
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'already exists',
  ENOENT: 'no such file or directory',
};

/** A file system error (a read-only or full disk, a file where a directory should be) as one line. */
function describeFsError(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  const reason = FS_REASONS[error.code];
  if (reason === undefined) return undefined;
  const path = 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  return path === undefined ? `${error.message}` : `cannot write or read ${path}: ${reason}`;
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
      process.stderr.write(`radar: ${redactText(error.message)}\n`);
      return error.exitCode;
    }
    const fsProblem = describeFsError(error);
    if (fsProblem !== undefined) {
      process.stderr.write(`radar: ${redactText(fsProblem)}\n`);
      return 1;
    }
    process.stderr.write(
      redactText(
        `radar: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
    );
    return 1;
  }
}

if (process.argv[1] && /radar(\.js)?$|main\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
