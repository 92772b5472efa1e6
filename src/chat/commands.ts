/**
 * The command router: the same words on every platform. Each command lives in its own module
 * under commands/ so a feature can replace its command without touching the others.
 */
import type { Logger } from '../log/logger.ts';
import type { ChatMessage } from './chat-adapter.ts';
import { benchmarks } from './commands/benchmarks.ts';
import type { Command, CommandDeps, CommandRequest } from './commands/command-types.ts';
import { digest } from './commands/digest.ts';
import { dislike, like } from './commands/feedback.ts';
import { help } from './commands/help.ts';
import { leaderboard, trends } from './commands/not-yet.ts';
import { profile } from './commands/profile.ts';
import { rank } from './commands/rank.ts';
import { rankings } from './commands/rankings.ts';
import { search } from './commands/search.ts';
import { status } from './commands/status.ts';
import { plainMessage } from './message-format.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
  help,
  start: help,
  search,
  profile,
  trends,
  benchmarks,
  leaderboard,
  rankings,
  rank,
  digest,
  status,
  like,
  dislike,
};

export interface CommandRouter {
  handle(command: string, request: CommandRequest): Promise<ChatMessage>;
}

export function createCommandRouter(deps: CommandDeps, logger: Pick<Logger, 'error'>): CommandRouter {
  return {
    async handle(command, request) {
      const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
      if (!run) return plainMessage(`Unknown command /${command}. Try /help.`);
      try {
        return await run(deps, request);
      } catch (error) {
        const type = error instanceof Error ? error.name : typeof error;
        logger.error(
          { command, errorType: type, error: error instanceof Error ? error.message : String(error) },
          'chat command failed',
        );
        return plainMessage(`/${command} failed (${type}); the error is in the bot's log.`);
      }
    },
  };
}
