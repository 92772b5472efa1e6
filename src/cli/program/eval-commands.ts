/** Commands of the benchmarks the radar runs on itself: `radar eval search …`, `radar eval generation …`. */
import { type Command, Option } from 'commander';
import { out } from '../action.ts';
import { registerEvalGenerationCommands } from '../commands/eval-generation-commands.ts';

function registerEvalSearchCommands(evalCommand: Command): void {
  const search = evalCommand
    .command('search')
    .description('the search benchmark: versions, question bank, runs, trec_eval-exact scores');
  search
    .command('score')
    .description('score a TREC run file against TREC qrels, as trec_eval -q prints it')
    .requiredOption('--qrels <file>', 'TREC qrels: qid iter docno rel')
    .requiredOption('--run <file>', 'TREC run: qid Q0 docno rank score run_id')
    .addOption(
      new Option('--rel-level <n>', 'grade at or above which a document is relevant (trec_eval -l)').default(
        undefined,
        '1',
      ),
    )
    .addOption(new Option('--cutoff <n>', 'read at most this many documents per query (trec_eval -M)'))
    .option('--missing-as-empty', 'queries missing from the run count as empty rankings (trec_eval -c)')
    .option('--per-query', 'print every query, then the mean (trec_eval -q)')
    .option('--json', 'print JSON')
    .action(async (flags: import('../commands/eval-search-score.ts').ScoreFlags) => {
      const { runEvalSearchScore } = await import('../commands/eval-search-score.ts');
      process.exitCode = await runEvalSearchScore(flags, out);
    });
}

export function registerEvalCommands(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('benchmarks of the radar itself: search and generation');
  registerEvalSearchCommands(evalCommand);
  registerEvalGenerationCommands(evalCommand);
}
