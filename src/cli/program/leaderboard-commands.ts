/** Commands of the leaderboards and the model rankings. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerLeaderboardCommands(program: Command): void {
  const boards = program
    .command('leaderboards')
    .description('leaderboard snapshots and confirmed changes (new top, ties, entries, rank moves)');
  boards
    .command('collect')
    .description(
      'fetch every enabled board at once, confirm changes over two identical fetches, alert the chats',
    )
    .action(
      action(async (ctx) => (await import('../commands/leaderboards.ts')).runLeaderboardsCollect(ctx, out)),
    );
  boards
    .command('list')
    .description('every board: configured or not, last snapshot, health')
    .action(
      action(async (ctx) => (await import('../commands/leaderboards.ts')).runLeaderboardsList(ctx, out)),
    );
  boards
    .command('changes')
    .description('the recorded changes of the last --days days, newest first')
    .option('--days <n>', 'how many days back', '7')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/leaderboards.ts')).runLeaderboardsChanges(
          ctx,
          command.opts<{ days?: string }>(),
          out,
        ),
      ),
    );
  boards
    .command('show')
    .description("a board's latest snapshot: the top 10 of each sub-table and its recent changes")
    .argument(
      '<board>',
      'swebench, evalplus, livebench, livecodebench, bigcodebench, lmarena, openrouter, artificialanalysis',
    )
    .action(
      action(async (ctx, _command, board) =>
        (await import('../commands/leaderboards.ts')).runLeaderboardsShow(ctx, String(board), out),
      ),
    );

  program
    .command('rankings')
    .description(
      'models ranked by coding (item-response fit), performance and value, with coverage and freshness',
    )
    .option('--csv <file>', 'also write every model to this CSV file')
    .option('--sort <part>', 'overall, coding, performance or value', 'overall')
    .option('--min-coverage <x>', 'only models whose parts weigh at least this (0–1; 1 = all three)')
    .option('--limit <n>', 'rows printed', '30')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/rankings.ts')).runRankings(
          ctx,
          command.opts<import('../commands/rankings.ts').RankingsFlags>(),
          out,
        ),
      ),
    );
}
