/** Registers `radar eval generation …` under the `eval` command; each command's module loads only when it runs. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function registerCandidates(generation: Command): void {
  const candidates = generation
    .command('candidates')
    .description('candidates: model + prompt template + options');
  candidates
    .command('list')
    .description('the candidates')
    .action(
      action(async (ctx) => (await import('./eval-generation-candidates.ts')).runCandidatesList(ctx, out)),
    );
  candidates
    .command('show')
    .description('one candidate as JSON')
    .argument('<id>')
    .action(
      action(async (ctx, _command, id) =>
        (await import('./eval-generation-candidates.ts')).runCandidatesShow(ctx, String(id), out),
      ),
    );
  candidates
    .command('add')
    .description('add a candidate (its template: a prompt file with {{title}}, {{abstract}}, {{full_text}}…)')
    .requiredOption('--id <id>', 'the candidate id (lowercase, digits, . _ -)')
    .requiredOption('--model <provider/model>', 'a model of llm.providers')
    .requiredOption('--template <file>', 'the generation prompt template')
    .option('--prompt-name <name>', 'a name for the template (default: the id)')
    .option(
      '--option <key=value>',
      'max_input_tokens, max_output_tokens, temperature, text_route (repeatable)',
      collect,
    )
    .option('--task <task>', 'generation (default) or stt (reserved)')
    .option('--replace', 'overwrite a candidate with the same id')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-generation-candidates.ts')).runCandidatesAdd(
          ctx,
          command.opts<import('./eval-generation-candidates.ts').CandidateAddFlags>(),
          out,
        ),
      ),
    );
}

export function registerEvalGenerationCommands(evalCommand: Command): void {
  const generation = evalCommand
    .command('generation')
    .description('the generation benchmark: summary candidates judged pairwise in both orders');
  registerCandidates(generation);
  generation
    .command('scan-integrity')
    .description(
      'find cases with missing input text, full text or reference; writes integrity/issues_generation.json',
    )
    .requiredOption(
      '--cases <set>',
      'a case set: a file of paper ids or a JSONL of cases (path or name under evals/generation/cases/)',
    )
    .option(
      '--candidate <id>',
      'check the full text these candidates ask for (repeatable; default all)',
      collect,
    )
    .action(
      action(async (ctx, command) =>
        (await import('./eval-generation-integrity.ts')).runEvalGenerationScan(
          ctx,
          command.opts<import('./eval-generation-integrity.ts').ScanFlags>(),
          out,
        ),
      ),
    );
  generation
    .command('compare')
    .description(
      'judge two candidates pairwise on a case set, in both orders, per axis; skipped when its key already ran',
    )
    .requiredOption('--cases <set>', 'a case set (path or name under evals/generation/cases/)')
    .requiredOption('--candidate <id>', 'candidate A, then candidate B (give it twice)', collect)
    .option(
      '--judge-model <provider/model>',
      'the judge (default llm.tasks.eval-judge, else the default model)',
    )
    .option('--workers <n>', 'cases in flight at once (default min(4, cores))')
    .option('--force', 'run even when a run with the same benchmark key succeeded')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-generation-compare.ts')).runEvalGenerationCompare(
          ctx,
          command.opts<import('./eval-generation-compare.ts').CompareFlags>(),
          out,
        ),
      ),
    );
  generation
    .command('runs')
    .description('recent generation runs, newest first')
    .option('--limit <n>', 'at most this many', '20')
    .action(
      action(async (ctx, command) =>
        (await import('./eval-generation-runs.ts')).runEvalGenerationRuns(
          ctx,
          command.opts<{ limit?: string }>(),
          out,
        ),
      ),
    );
  generation
    .command('report')
    .description('a self-contained HTML report of a run, with charts (works offline)')
    .argument('<run>', 'the run id (or "latest")')
    .option('--out <file>', 'where to write it (default: report.html in the run directory)')
    .action(
      action(async (ctx, command, run) =>
        (await import('./eval-generation-report.ts')).runEvalGenerationReport(
          ctx,
          String(run),
          command.opts<{ out?: string }>(),
          out,
        ),
      ),
    );
}
