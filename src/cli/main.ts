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
    .command('run')
    .description('run the daily pipeline once: collect, embed, rank, summarize, publish, notify')
    .option('--once', 'run once and exit (the scheduled version is `radar daemon`)')
    .option('--steps <list>', 'only these steps, e.g. collect,embed,rank')
    .option(
      '--offline',
      'bundled sample, hashing embedder, extractive summaries, local output (default with no keys)',
    )
    .option('--online', 'use the real services even with no keys set (arXiv needs none)')
    .action(
      action(async (ctx, command) => {
        const { runOnce } = await import('./commands/run.ts');
        return runOnce(ctx, command.opts<import('./commands/run.ts').RunFlags>(), out);
      }),
    );

  const runs = program.command('runs').description('list recent pipeline and eval runs');
  runs.option('--limit <n>', 'how many (default 20)').action(
    action(async (ctx, command) => {
      const { runRunsList } = await import('./commands/runs.ts');
      return runRunsList(ctx, command.opts<{ limit?: string }>(), out);
    }),
  );
  runs
    .command('show <runId>')
    .description('one run: status, per-step counts and durations, failures, events')
    .action(
      action(async (ctx, _command, runId) => {
        const { runRunsShow } = await import('./commands/runs.ts');
        return runRunsShow(ctx, String(runId), out);
      }),
    );

  program
    .command('doctor')
    .description('show the config file, the state directory and which services are configured')
    .action(
      action(async (ctx) => {
        const { runDoctor } = await import('./commands/doctor.ts');
        return runDoctor(ctx, out);
      }),
    );
  program
    .command('status')
    .description('health: whether the daemon runs, each job’s last and next run, failures, today’s LLM spend')
    .action(
      action(async (ctx) => {
        const { runStatus } = await import('./commands/status.ts');
        return runStatus(ctx, out);
      }),
    );

  program
    .command('embed')
    .description('embed the papers that have no vector yet, for every active embedding model (or one)')
    .option('--model <name>', 'only this model from embedding.models')
    .option('--refit', 'refit corpus-fitted state (the hashing idf) and re-embed every paper')
    .action(
      action(async (ctx, command) => {
        const { runEmbed } = await import('./commands/embed.ts');
        return runEmbed(ctx, command.opts<{ model?: string; refit?: boolean }>(), out);
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

  program
    .command('rank')
    .description(
      "score the day's new papers with the preference classifier per model, sample and record the picks",
    )
    .option('--date <date>', 'pick date, YYYY-MM-DD (UTC; default today)')
    .option('--days <n>', 'papers published in the last n days up to --date (default 3)')
    .option('--eval', 'also print ROC-AUC and precision@k on a temporal split and on stratified k-fold')
    .action(
      action(async (ctx, command) => {
        const { runRank } = await import('./commands/rank.ts');
        return runRank(ctx, command.opts<import('./commands/rank.ts').RankFlags>(), out);
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

  program
    .command('fetch-text')
    .description('cache papers’ full text as markdown (LaTeX, else HTML, else PDF); print route and size')
    .argument('<ids...>', 'arXiv ids, e.g. 2511.01234')
    .option('--force', 'fetch again even when cached')
    .action(
      action(async (ctx, command, ids) => {
        const { runFetchText } = await import('./commands/fetch-text.ts');
        const list = Array.isArray(ids) ? ids.map(String) : [];
        return runFetchText(ctx, list, command.opts<{ force?: boolean }>(), out);
      }),
    );

  program
    .command('summarize')
    .description(
      "structured LLM summaries of today's picks (or --ids, or --all without one), tags, related papers",
    )
    .option('--ids <list>', 'comma-separated arXiv ids')
    .option('--all', 'every paper that has no summary yet')
    .option('--date <date>', 'summarize the picks of this day, YYYY-MM-DD (default today)')
    .option('--force', 're-summarize papers whose summary came from another model or prompt version')
    .action(
      action(async (ctx, command) => {
        const { runSummarize } = await import('./commands/summarize.ts');
        return runSummarize(ctx, command.opts<import('./commands/summarize.ts').SummarizeFlags>(), out);
      }),
    );

  const tags = program.command('tags').description('the tag vocabulary: tags with counts and aliases');
  tags.action(
    action(async (ctx) => {
      const { runTagsList } = await import('./commands/tags.ts');
      return runTagsList(ctx, out);
    }),
  );
  for (const kind of ['merge', 'rename'] as const) {
    tags
      .command(`${kind} <from> <to>`)
      .description(
        kind === 'merge'
          ? 'fold tag <from> into tag <to>; summaries follow'
          : 'rename a tag; summaries follow',
      )
      .action(
        action(async (ctx, _command, from, to) => {
          const { runTagsEdit } = await import('./commands/tags.ts');
          return runTagsEdit(ctx, { kind, from: String(from), to: String(to) }, out);
        }),
      );
  }

  program
    .command('costs')
    .description('LLM spend by day, model and purpose, with today’s budget use')
    .option('--days <n>', 'how many days back, today included', '7')
    .action(
      action(async (ctx, command) => {
        const { runCosts } = await import('./commands/costs.ts');
        return runCosts(ctx, command.opts<import('./commands/costs.ts').CostsFlags>(), out);
      }),
    );

  program
    .command('bot')
    .description('run the configured chat bots in the foreground (beside `radar run`) until Ctrl-C')
    .action(
      action(async (ctx) => {
        const { runBot } = await import('./commands/bot.ts');
        return runBot(ctx, out);
      }),
    );
  program
    .command('daemon')
    .description(
      'run the scheduled jobs (daily pipeline, feedback poll) and the chat bots until SIGINT/SIGTERM',
    )
    .option('--offline', 'run the pipeline offline (default with no keys)')
    .option('--online', 'use the real services even with no keys set')
    .option('--shutdown-timeout <seconds>', 'how long a stop may take before exiting anyway (default 30)')
    .action(
      action(async (ctx, command) => {
        const { runDaemon } = await import('./commands/daemon.ts');
        return runDaemon(ctx, command.opts<import('./commands/daemon.ts').DaemonFlags>(), out);
      }),
    );
  program
    .command('profile')
    .description('cluster liked papers into named interests, with cross-cutting ones, avoidances and drift')
    .option('--rebuild', "recompute even when today's profile is saved")
    .action(
      action(async (ctx, command) => {
        const { runProfile } = await import('./commands/profile.ts');
        return runProfile(ctx, command.opts<import('./commands/profile.ts').ProfileFlags>(), out);
      }),
    );
  program
    .command('trends')
    .description('tags and keyphrases whose share of new papers grows ≥1.5× against a baseline window')
    .option('--window <days>', 'the recent window, e.g. 7d (default 7d)')
    .option('--baseline <days>', 'the baseline window before it, e.g. 28d (default 28d)')
    .option('--end <date>', 'last day of the window, YYYY-MM-DD (default today, UTC)')
    .action(
      action(async (ctx, command) => {
        const { runTrends } = await import('./commands/trends.ts');
        return runTrends(ctx, command.opts<import('./commands/trends.ts').TrendsFlags>(), out);
      }),
    );
  program
    .command('notify')
    .description('chat notifications')
    .command('test')
    .description('send a test message to each configured chat')
    .action(
      action(async (ctx) => {
        const { runNotifyTest } = await import('./commands/notify-test.ts');
        return runNotifyTest(ctx, out);
      }),
    );

  const benchmarks = program
    .command('benchmarks')
    .description('the benchmark radar: Hugging Face, GitHub and arXiv');
  benchmarks
    .command('collect')
    .description(
      'collect benchmark candidates from every source, score, merge, publish; writes a run manifest',
    )
    .action(action(async (ctx) => (await import('./commands/benchmarks.ts')).runBenchmarksCollect(ctx, out)));
  benchmarks
    .command('list')
    .description('the best benchmarks first seen in the last --days days')
    .option('--days <n>', 'how many days back', '7')
    .option('--limit <n>', 'at most this many', '20')
    .action(
      action(async (ctx, command) =>
        (await import('./commands/benchmarks.ts')).runBenchmarksList(
          ctx,
          command.opts<{ days?: string; limit?: string }>(),
          out,
        ),
      ),
    );
  benchmarks
    .command('report')
    .description(
      'the weekly trend report of benchmark tasks and keywords (markdown; sent to chat when configured)',
    )
    .option('--end <date>', 'last day of the week, YYYY-MM-DD (default today, UTC)')
    .action(
      action(async (ctx, command) =>
        (await import('./commands/benchmarks.ts')).runBenchmarksReport(
          ctx,
          command.opts<{ end?: string }>(),
          out,
        ),
      ),
    );

  const notion = program.command('notion').description("the radar's Notion databases");
  notion
    .command('init')
    .description(
      'create the Papers database under a page shared with the integration (or migrate it if recorded)',
    )
    .option('--parent <page-id>', 'the parent page id or URL (default notion.parentPageId)')
    .action(
      action(async (ctx, command) =>
        (await import('./commands/notion.ts')).runNotionInit(ctx, command.opts<{ parent?: string }>(), out),
      ),
    );
  notion
    .command('migrate')
    .description('add the properties the radar needs to its databases; never changes what the user added')
    .action(action(async (ctx) => (await import('./commands/notion.ts')).runNotionMigrate(ctx, out)));
  program
    .command('publish')
    .description(
      'publish papers to Notion (NOTION_TOKEN) or to <state>/out; default the latest picks and last failures',
    )
    .option('--ids <ids...>', 'arXiv ids to publish (space or comma separated)')
    .action(
      action(async (ctx, command) =>
        (await import('./commands/publish.ts')).runPublish(ctx, command.opts<{ ids?: string[] }>(), out),
      ),
    );
  program
    .command('feedback')
    .description('feedback from Notion')
    .command('poll')
    .description('read the Feedback of recently edited Notion pages into labels.csv')
    .action(action(async (ctx) => (await import('./commands/feedback-poll.ts')).runFeedbackPoll(ctx, out)));

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
