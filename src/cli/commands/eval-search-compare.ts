/** `radar eval search compare A B`: two runs side by side, with significance and regressions. */
import { UsageError } from '../../core/errors.ts';
import { type CaseValues, compareRuns } from '../../evals/search/compare/compare-runs.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

async function caseValues(ctx: CommandContext, runId: string): Promise<Map<string, CaseValues>> {
  const store = ctx.stores.evals.search.runs;
  const run = await store.readRun(runId);
  if (run === undefined) throw new UsageError(`no search run ${runId} in ${store.runsDir}`);
  const values = new Map<string, CaseValues>();
  for (const entry of run.cases) {
    const m = (await store.readCase(runId, entry.case_id)).metrics;
    if (m !== undefined) values.set(entry.case_id, m);
  }
  return values;
}

const arrow = (delta: number, p: number) => (p >= 0.05 ? '→' : delta > 0 ? '↑' : '↓');

export async function runEvalSearchCompare(
  ctx: CommandContext,
  a: string,
  b: string,
  out: Out,
): Promise<number> {
  const result = compareRuns(await caseValues(ctx, a), await caseValues(ctx, b));
  out(`${a} → ${b}: ${result.cases} shared cases (randomization test, 10,000 permutations, Holm-adjusted p)`);
  out('metric      mean A   mean B   Δ        95 % CI              p(Holm)  W/T/L');
  for (const m of result.metrics)
    out(
      `${m.metric.padEnd(10)}  ${m.meanA.toFixed(4)}   ${m.meanB.toFixed(4)}   ${m.delta >= 0 ? '+' : ''}${m.delta.toFixed(4)}  [${m.ci95[0].toFixed(4)}, ${m.ci95[1].toFixed(4)}]  ${m.pHolm.toFixed(4)} ${arrow(m.delta, m.pHolm)}  ${m.wins}/${m.ties}/${m.losses}`,
    );
  out(
    result.regressions.length === 0
      ? 'no case lost more than 0.05 F1'
      : `${result.regressions.length} cases lost more than 0.05 F1; the largest:`,
  );
  for (const r of result.regressions.slice(0, 10))
    out(`  ${r.caseId}: F1 ${r.f1A.toFixed(4)} → ${r.f1B.toFixed(4)} (−${r.drop.toFixed(4)})`);
  return 0;
}
