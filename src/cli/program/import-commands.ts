/** Commands that bring data in from the previous system and take it out again: import, export site. */
import type { Command } from 'commander';
import { action, out } from '../action.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function registerImportCommands(program: Command): void {
  const importer = program.command('import').description('bring papers, vectors, summaries and labels in');
  importer
    .command('hf-parquet')
    .description('papers and their vectors from parquet files (a directory of yearly files, or files)')
    .argument('<paths...>', 'parquet files, or directories searched for *.parquet')
    .option(
      '--model-column <NAME=MODEL>',
      'store vector column NAME as embedding model MODEL (repeatable; a column named like a model maps itself)',
      collect,
    )
    .action(
      action(async (ctx, command, paths) => {
        const { runImportHfParquet } = await import('../commands/import-hf-parquet.ts');
        const inputs = Array.isArray(paths) ? paths.map(String) : [];
        return runImportHfParquet(ctx, inputs, command.opts<{ modelColumn?: string[] }>(), out);
      }),
    );

  importer
    .command('summaries')
    .description('summaries of the previous digest: a directory of JSON files, one per paper')
    .argument('<dir>', 'directory searched for *.json')
    .action(
      action(async (ctx, _command, dir) => {
        const { runImportSummaries } = await import('../commands/import-summaries.ts');
        return runImportSummaries(ctx, String(dir), out);
      }),
    );
  importer
    .command('labels')
    .description(
      'preference labels with their times: CSV (id,label,time) or JSON lines; ids must be papers of the state',
    )
    .argument('<file>', 'a .csv or .jsonl file')
    .action(
      action(async (ctx, _command, file) => {
        const { runImportLabels } = await import('../commands/import-labels.ts');
        return runImportLabels(ctx, String(file), out);
      }),
    );

  const exporter = program.command('export').description("take the radar's papers out");
  exporter
    .command('site')
    .description(
      'markdown pages with YAML front matter (Hugo/Jekyll) and an index; re-runs rewrite only changed pages',
    )
    .argument('<dir>', 'the site directory (pages go to posts/, the index to index.md)')
    .option('--all', 'every paper, not only the summarized ones')
    .option('--title <title>', 'the index page title (default "Research radar")')
    .action(
      action(async (ctx, command, dir) => {
        const { runExportSite } = await import('../commands/export-site.ts');
        return runExportSite(ctx, String(dir), command.opts<{ all?: boolean; title?: string }>(), out);
      }),
    );
}
