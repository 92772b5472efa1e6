/** `radar eval generation runs [--limit N]`: recent generation runs, newest first. */
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

const pct = (x: number | null | undefined): string => (x == null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

export async function runEvalGenerationRuns(
  ctx: CommandContext,
  flags: { limit?: string },
  out: Out,
): Promise<number> {
  const limit = Math.max(1, Number(flags.limit ?? 20) || 20);
  const runs = await ctx.stores.evals.generation.runs.list(limit);
  if (runs.length === 0) out('no generation runs yet');
  for (const run of runs) {
    if (!run.ok) {
      out(`${run.runId}  unreadable: ${run.problem}`);
      continue;
    }
    const m = run.manifest;
    const s = m.metrics.pairwiseSummary;
    out(
      `${m.runId}  ${m.status}  ${m.options.pairCandidateAID} vs ${m.options.pairCandidateBID}  cases ${m.counts.total}  win rate A ${pct(s?.overall.winRate)}  key ${m.benchmarkKey?.hash.slice(0, 12) ?? '-'}`,
    );
  }
  return 0;
}
