/** `radar eval search report <run> [<run B>] [--out FILE]`: one self-contained HTML page. */
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { type CaseValues, compareRuns } from '../../evals/search/compare/compare-runs.ts';
import { type ReportRun, renderSearchReport } from '../../evals/search/report-html.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { readChartJsUmd } from '../../store/eval-generation-report-assets.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

export async function loadReportRun(ctx: CommandContext, runId: string): Promise<ReportRun> {
  const store = ctx.stores.evals.search.runs;
  const run = await store.readRun(runId);
  if (run === undefined) throw new UsageError(`no search run ${runId} in ${store.runsDir}`);
  const cases: ReportRun['cases'] = [];
  for (const entry of run.cases) {
    const metrics = (await store.readCase(runId, entry.case_id)).metrics;
    if (metrics !== undefined) cases.push({ id: entry.case_id, metrics });
  }
  return { manifest: run.manifest, cases };
}

const values = (run: ReportRun) => new Map<string, CaseValues>(run.cases.map((c) => [c.id, c.metrics]));

export async function runEvalSearchReport(
  ctx: CommandContext,
  runIds: readonly string[],
  flags: { out?: string },
  out: Out,
): Promise<number> {
  if (runIds.length < 1 || runIds.length > 2)
    throw new UsageError('report takes one run id, or two to compare');
  const runs = await Promise.all(runIds.map((id) => loadReportRun(ctx, id)));
  const [a, b] = runs;
  const html = renderSearchReport({
    runs,
    comparison: a !== undefined && b !== undefined ? compareRuns(values(a), values(b)) : undefined,
    chartJs: await readChartJsUmd(),
    generatedAt: new Date(),
  });
  const file = flags.out ?? join(ctx.stores.evals.search.runs.paths(runIds.at(-1) ?? '').dir, 'report.html');
  await writeFileAtomic(file, html);
  out(`report → ${file}`);
  return 0;
}
