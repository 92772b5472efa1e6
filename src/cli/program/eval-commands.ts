/** Commands of the benchmarks the radar runs on itself: `radar eval search …`, `radar eval generation …`. */
import type { Command } from 'commander';
import { registerEvalGenerationCommands } from '../commands/eval-generation-commands.ts';
import { registerEvalSearchCommands } from '../commands/eval-search-commands.ts';

export function registerEvalCommands(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('benchmarks of the radar itself: search and generation');
  registerEvalSearchCommands(evalCommand);
  registerEvalGenerationCommands(evalCommand);
}
