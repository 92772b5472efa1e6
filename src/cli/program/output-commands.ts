/** Commands of where results go: Notion, publish, feedback, chat bots, notifications. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerOutputCommands(program: Command): void {
  const notion = program.command('notion').description("the radar's Notion databases");
  notion
    .command('init')
    .description(
      'create the Papers database under a page shared with the integration (or migrate it if recorded)',
    )
    .option('--parent <page-id>', 'the parent page id or URL (default notion.parentPageId)')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/notion.ts')).runNotionInit(ctx, command.opts<{ parent?: string }>(), out),
      ),
    );
  notion
    .command('migrate')
    .description('add the properties the radar needs to its databases; never changes what the user added')
    .action(action(async (ctx) => (await import('../commands/notion.ts')).runNotionMigrate(ctx, out)));

  program
    .command('publish')
    .description(
      'publish papers to Notion (NOTION_TOKEN) or to <state>/out; default the latest picks and last failures',
    )
    .option('--ids <ids...>', 'arXiv ids to publish (space or comma separated)')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/publish.ts')).runPublish(ctx, command.opts<{ ids?: string[] }>(), out),
      ),
    );

  program
    .command('feedback')
    .description('feedback from Notion')
    .command('poll')
    .description('read the Feedback of recently edited Notion pages into labels.csv')
    .action(action(async (ctx) => (await import('../commands/feedback-poll.ts')).runFeedbackPoll(ctx, out)));

  // One line per command in `radar --help`, subcommands named on their parent's line.

  program
    .command('bot')
    .description('run the configured chat bots in the foreground (beside `radar run`) until Ctrl-C')
    .action(
      action(async (ctx) => {
        const { runBot } = await import('../commands/bot.ts');
        return runBot(ctx, out);
      }),
    );

  program
    .command('notify')
    .description('chat notifications')
    .command('test')
    .description('send a test message to each configured chat')
    .action(
      action(async (ctx) => {
        const { runNotifyTest } = await import('../commands/notify-test.ts');
        return runNotifyTest(ctx, out);
      }),
    );
}
