/** Registration of `radar eval search …`; each command's module loads only when it runs. */
import { type Command, Option } from 'commander';
import { action, out } from '../action.ts';

function registerScore(search: Command): void {
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
    .action(async (flags: import('./eval-search-score.ts').ScoreFlags) => {
      const { runEvalSearchScore } = await import('./eval-search-score.ts');
      process.exitCode = await runEvalSearchScore(flags, out);
    });
}

function registerBank(search: Command): void {
  const bank = search.command('bank').description('the question bank, versioned by content hash');
  bank
    .command('import')
    .description('import cases from a BEIR collection (its qrels split, or --qrels FILE in TREC format)')
    .requiredOption('--beir <dir>', 'BEIR collection: corpus.jsonl, queries.jsonl, qrels/<split>.tsv')
    .option('--split <name>', 'qrels split', 'test')
    .option('--qrels <file>', 'TREC qrels to use instead of the BEIR split')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-bank.ts')).runBankImport(ctx, command.opts(), out),
      ),
    );
  bank
    .command('list')
    .description('the cases of a bank (default the latest)')
    .option('--bank <hash>', 'bank hash or prefix')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-bank.ts')).runBankList(ctx, command.opts(), out),
      ),
    );
  bank
    .command('generate')
    .description(
      'add generated cases from the papers (offline: a rule-based question from the title; --llm: written by the LLM; validated: false)',
    )
    .option('--count <n>', 'how many papers', '50')
    .option('--llm', 'the LLM writes each question (purpose eval-bank; cached, budgeted)')
    .option('--bank <hash>', 'the bank to extend (default the latest)')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-bank.ts')).runBankGenerate(ctx, command.opts(), out),
      ),
    );
  bank
    .command('validate')
    .description('list the cases not yet validated, for review')
    .option('--bank <hash>', 'bank hash or prefix')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-bank.ts')).runBankValidate(ctx, command.opts(), out),
      ),
    );
  bank
    .command('export')
    .description('write a bank as TREC qrels')
    .requiredOption('--qrels <file>', 'output file')
    .option('--bank <hash>', 'bank hash or prefix')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-bank.ts')).runBankExport(ctx, command.opts(), out),
      ),
    );
}

function registerRun(search: Command): void {
  search
    .command('run')
    .description('run a search version over the bank; exit 1 below --min-score (the CI gate)')
    .requiredOption('--version <name>', 'search version (bm25, hybrid, …)')
    .option('--bank <hash>', 'bank hash or prefix (default the latest)')
    .option('--beir <dir>', "search this BEIR collection's corpus instead of the radar's papers")
    .option('--category <c>', 'only cases of this category')
    .option('--difficulty <d>', 'only cases of this difficulty')
    .option('--workers <n>', 'concurrent searches', '4')
    .option('--k <n>', 'hits per question (P@k, R@k, F1@k)', '10')
    .option('--min-score <s>', 'fail (exit 1) when the overall score is below this')
    .option('--run-out <file>', 'TREC run file to write (default artifacts/run.trec in the run directory)')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-run.ts')).runEvalSearchRun(ctx, command.opts(), out),
      ),
    );
  search
    .command('compare')
    .description(
      'compare two runs: means, Δ with 95 % bootstrap CI, randomization test with Holm, W/T/L, regressions',
    )
    .argument('<a>', 'baseline run id')
    .argument('<b>', 'candidate run id')
    .action(
      action(async (ctx, _command, a, b) =>
        (await import('./eval-search-compare.ts')).runEvalSearchCompare(ctx, String(a), String(b), out),
      ),
    );
}

function registerTrend(search: Command): void {
  search
    .command('trend')
    .description('one metric of every completed run of the last --days days, per version')
    .option(
      '--metric <m>',
      'overall, precision, recall, f1, ndcg5, rr, ap, speed, passRate, latencyP50…',
      'f1',
    )
    .option('--days <n>', 'how many days back', '30')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-search-trend.ts')).runEvalSearchTrend(ctx, command.opts(), out),
      ),
    );
}

function registerReport(search: Command): void {
  search
    .command('report')
    .description('one self-contained HTML page of a run, or of two runs compared')
    .argument('<runs...>', 'run id, or two run ids (A B)')
    .option('--out <file>', 'HTML file (default report.html in the last run directory)')
    .action(
      action(async (ctx, command, runs) =>
        (await import('./eval-search-report.ts')).runEvalSearchReport(
          ctx,
          Array.isArray(runs) ? runs.map(String) : [],
          command.opts<{ out?: string }>(),
          out,
        ),
      ),
    );
}

function registerVersions(search: Command): void {
  const versions = search
    .command('versions')
    .description('registered search versions (code, algorithm, parameters, baseline)');
  const load = () => import('./eval-search-versions.ts');
  versions
    .command('add')
    .argument('<code>', 'version code, e.g. v2.1.0')
    .option('--name <name>', 'display name')
    .option('--description <text>', 'what changed')
    .option('--algorithm <a>', 'bm25 | vector | hybrid | rerank', 'bm25')
    .option('--params <json>', 'parameters as JSON, e.g. {"fusion":"weighted","vectorWeight":0.7}')
    .action(
      action(async (ctx, command, code) =>
        (await load()).runVersionsAdd(ctx, String(code), command.opts(), out),
      ),
    );
  versions.command('list').action(action(async (ctx) => (await load()).runVersionsList(ctx, out)));
  versions
    .command('set-baseline')
    .argument('<code>')
    .action(action(async (ctx, _c, code) => (await load()).runVersionsSetBaseline(ctx, String(code), out)));
  versions
    .command('deactivate')
    .argument('<code>')
    .action(action(async (ctx, _c, code) => (await load()).runVersionsDeactivate(ctx, String(code), out)));
}

export function registerEvalSearchCommands(evalCommand: Command): void {
  const search = evalCommand
    .command('search')
    .description('the search benchmark: question bank, runs, comparisons, trec_eval-exact scores');
  registerScore(search);
  registerVersions(search);
  registerBank(search);
  registerRun(search);
  registerReport(search);
  registerTrend(search);
}
