/** `radar eval generation report <run> [--out FILE]`: the run as one self-contained HTML page. */
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { type ReportCase, renderReportHtml } from '../../evals/generation/report-html.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { readChartJsUmd } from '../../store/eval-generation-report-assets.ts';
import type { GenerationRunStore } from '../../store/eval-stores.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

async function resolveRunId(store: GenerationRunStore, spec: string): Promise<string> {
  if (spec !== 'latest') return spec;
  const latest = (await store.list(50)).find((r) => r.ok);
  if (!latest) throw new UsageError('no generation run yet');
  return latest.runId;
}

export async function buildReport(store: GenerationRunStore, runId: string, now: Date): Promise<string> {
  const run = await store.readRun(runId);
  if (!run) throw new UsageError(`no generation run "${runId}" (radar eval generation runs)`);
  const cases: ReportCase[] = await Promise.all(
    run.cases.map(async (entry) => ({
      entry,
      metrics: (await store.readCase(runId, entry.case_id)).metrics,
    })),
  );
  return renderReportHtml({
    manifest: run.manifest,
    cases,
    chartJs: await readChartJsUmd(),
    generatedAt: now,
  });
}

export async function runEvalGenerationReport(
  ctx: CommandContext,
  spec: string,
  flags: { out?: string },
  out: Out,
): Promise<number> {
  const store = ctx.stores.evals.generation.runs;
  const runId = await resolveRunId(store, spec);
  const html = await buildReport(store, runId, new Date());
  const file = flags.out ? resolve(ctx.cwd, flags.out) : resolve(store.paths(runId).dir, 'report.html');
  await writeFileAtomic(file, html);
  out(`report: ${file}`);
  return 0;
}
