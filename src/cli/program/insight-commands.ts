/** Commands of insights: interest profile, trends, the benchmark radar. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerInsightCommands(program: Command): void {
  program
    .command('profile')
    .description('cluster liked papers into named interests, with cross-cutting ones, avoidances and drift')
    .option('--rebuild', "recompute even when today's profile is saved")
    .action(
      action(async (ctx, command) => {
        const { runProfile } = await import('../commands/profile.ts');
        return runProfile(ctx, command.opts<import('../commands/profile.ts').ProfileFlags>(), out);
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
        const { runTrends } = await import('../commands/trends.ts');
        return runTrends(ctx, command.opts<import('../commands/trends.ts').TrendsFlags>(), out);
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
    .action(
      action(async (ctx) => (await import('../commands/benchmarks.ts')).runBenchmarksCollect(ctx, out)),
    );
  benchmarks
    .command('list')
    .description('the best benchmarks first seen in the last --days days')
    .option('--days <n>', 'how many days back', '7')
    .option('--limit <n>', 'at most this many', '20')
    .option('--all', 'also the candidates the LLM judged not a benchmark (lists, tools, solvers, run dumps)')
    .action(
      action(async (ctx, command) =>
        (await import('../commands/benchmarks.ts')).runBenchmarksList(
          ctx,
          command.opts<{ days?: string; limit?: string; all?: boolean }>(),
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
        (await import('../commands/benchmarks.ts')).runBenchmarksReport(
          ctx,
          command.opts<{ end?: string }>(),
          out,
        ),
      ),
    );
}
