/** Commands of the daily pipeline and its operation: run, runs, status, daemon, costs. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerRunCommands(program: Command): void {
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
    .option(
      '--shutdown-timeout <seconds>',
      'after Ctrl-C/SIGTERM, how long the run may take to stop before it is marked cancelled and exits (default 10)',
    )
    .action(
      action(async (ctx, command) => {
        const { runOnce } = await import('../commands/run.ts');
        return runOnce(ctx, command.opts<import('../commands/run.ts').RunFlags>(), out);
      }),
    );

  const runs = program.command('runs').description('list recent pipeline and eval runs');
  runs.option('--limit <n>', 'how many (default 20)').action(
    action(async (ctx, command) => {
      const { runRunsList } = await import('../commands/runs.ts');
      return runRunsList(ctx, command.opts<{ limit?: string }>(), out);
    }),
  );
  runs
    .command('show <runId>')
    .description('one run: status, per-step counts and durations, failures, events')
    .action(
      action(async (ctx, _command, runId) => {
        const { runRunsShow } = await import('../commands/runs.ts');
        return runRunsShow(ctx, String(runId), out);
      }),
    );

  program
    .command('status')
    .description('health: whether the daemon runs, each job’s last and next run, failures, today’s LLM spend')
    .action(
      action(async (ctx) => {
        const { runStatus } = await import('../commands/status.ts');
        return runStatus(ctx, out);
      }),
    );

  program
    .command('daemon')
    .description(
      'run the scheduled jobs (feedback poll, daily pipeline, benchmarks, weekly trends) and the chat bots until SIGINT/SIGTERM',
    )
    .option('--offline', 'run the pipeline offline (default with no keys)')
    .option('--online', 'use the real services even with no keys set')
    .option('--shutdown-timeout <seconds>', 'how long a stop may take before exiting anyway (default 30)')
    .action(
      action(async (ctx, command) => {
        const { runDaemon } = await import('../commands/daemon.ts');
        return runDaemon(ctx, command.opts<import('../commands/daemon.ts').DaemonFlags>(), out);
      }),
    );

  program
    .command('costs')
    .description('LLM spend by day, model and purpose, with today’s budget use')
    .option('--days <n>', 'how many days back, today included', '7')
    .action(
      action(async (ctx, command) => {
        const { runCosts } = await import('../commands/costs.ts');
        return runCosts(ctx, command.opts<import('../commands/costs.ts').CostsFlags>(), out);
      }),
    );
}
