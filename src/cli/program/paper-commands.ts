/** Commands of the papers: collect, embed, rank, search, fetch-text, summarize, tags. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

export function registerPaperCommands(program: Command): void {
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
        const { runCollectPapers } = await import('../commands/collect-papers.ts');
        return runCollectPapers(
          ctx,
          command.opts<import('../commands/collect-papers.ts').CollectPapersFlags>(),
          out,
        );
      }),
    );

  program
    .command('embed')
    .description('embed the papers that have no vector yet, for every active embedding model (or one)')
    .option('--model <name>', 'only this model from embedding.models')
    .option('--refit', 'refit corpus-fitted state (the hashing idf) and re-embed every paper')
    .option(
      '--repair',
      'drop the vectors of shards that cannot be read (corrupt parquet), then embed those papers again',
    )
    .action(
      action(async (ctx, command) => {
        const { runEmbed } = await import('../commands/embed.ts');
        return runEmbed(ctx, command.opts<{ model?: string; refit?: boolean; repair?: boolean }>(), out);
      }),
    );

  program
    .command('rank')
    .description('score the papers not ranked yet per ranking model, sample and record the picks')
    .option('--date <date>', 'pick date, YYYY-MM-DD (default today in schedule.timezone)')
    .option('--days <n>', 'only papers published in the last n days up to --date (default: every new paper)')
    .option('--eval', 'first compare each model with the arxiv-sanity baseline (temporal split, k-fold)')
    .option('--json', 'with --eval: print the comparison as JSON (split, labels, every test score)')
    .action(
      action(async (ctx, command) => {
        const { runRank } = await import('../commands/rank.ts');
        return runRank(ctx, command.opts<import('../commands/rank.ts').RankFlags>(), out);
      }),
    );

  program
    .command('label')
    .description('label papers by hand: <id…> up|down|clear, or import <file.csv> (id,label rows)')
    .argument('<args...>', 'arXiv ids then up, down or clear; or: import <file.csv>')
    .action(
      action(async (ctx, command) => {
        const { runLabel } = await import('../commands/label.ts');
        return runLabel(ctx, command.args, out);
      }),
    );

  program
    .command('search')
    .description('search the papers (BM25, vector, hybrid or a named version), or run a BEIR collection')
    .argument('[query]', 'what to look for')
    .option('--algo <version>', 'bm25 (default), vector, hybrid, hybrid-rrf, hybrid-weighted, rerank')
    .option('--k <n>', 'how many hits (default 10; 100 with --beir)')
    .option('--since <date>', 'papers published on or after this day, YYYY-MM-DD')
    .option('--until <date>', 'papers published on or before this day, YYYY-MM-DD')
    .option('--categories <list>', 'comma-separated arXiv categories (any of them)')
    .option('--liked', 'only papers you liked')
    .option('--has-summary', 'only papers with an LLM summary')
    .option('--json', 'print the hits as JSON')
    .option(
      '--beir <dir>',
      'run every judged query of a BEIR collection (corpus.jsonl, queries.jsonl, qrels/)',
    )
    .option('--split <name>', 'qrels split for --beir (default test)')
    .option('--run-out <file>', 'TREC run file written by --beir')
    .action(
      action(async (ctx, command, query) => {
        const { runSearch } = await import('../commands/search.ts');
        const text = typeof query === 'string' ? query : undefined;
        return runSearch(ctx, text, command.opts<import('../commands/search.ts').SearchFlags>(), out);
      }),
    );

  program
    .command('fetch-text')
    .description('cache papers’ full text as markdown (LaTeX, else HTML, else PDF); print route and size')
    .argument('<ids...>', 'arXiv ids, e.g. 2511.01234')
    .option('--force', 'fetch again even when cached')
    .action(
      action(async (ctx, command, ids) => {
        const { runFetchText } = await import('../commands/fetch-text.ts');
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
        const { runSummarize } = await import('../commands/summarize.ts');
        return runSummarize(ctx, command.opts<import('../commands/summarize.ts').SummarizeFlags>(), out);
      }),
    );

  const tags = program.command('tags').description('the tag vocabulary: tags with counts and aliases');
  tags.action(
    action(async (ctx) => {
      const { runTagsList } = await import('../commands/tags.ts');
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
          const { runTagsEdit } = await import('../commands/tags.ts');
          return runTagsEdit(ctx, { kind, from: String(from), to: String(to) }, out);
        }),
      );
  }
}
