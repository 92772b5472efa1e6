/** `radar runs` lists recent runs; `radar runs show <id>` shows one with its events. */
import { UsageError } from '../../core/errors.ts';
import { formatRunList, formatRunSummary } from '../../pipeline/run-summary.ts';
import type { CommandContext } from '../context.ts';

export async function runRunsList(
  ctx: CommandContext,
  flags: { limit?: string },
  out: (line: string) => void,
): Promise<number> {
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a positive integer, got "${flags.limit}"`);
  const entries = await ctx.stores.runs.listEntries(limit);
  const rows = entries.map((e) => e.manifest ?? { runId: e.runId, problem: e.problem });
  for (const line of formatRunList(rows)) out(line);
  return 0;
}

export async function runRunsShow(
  ctx: CommandContext,
  runId: string,
  out: (line: string) => void,
): Promise<number> {
  const { runs } = ctx.stores;
  const manifest = await runs.read(runId);
  if (!manifest) throw new UsageError(`no run "${runId}" in ${ctx.stateDir} (see radar runs)`);
  for (const line of formatRunSummary(manifest)) out(line);
  out('');
  out('events:');
  for (const e of await runs.events(runId)) {
    out(
      `  ${e.at}  ${e.type}${e.step ? ` ${e.step}` : ''}${e.item ? ` ${e.item}` : ''}${e.message ? `: ${e.message}` : ''}`,
    );
  }
  return 0;
}
