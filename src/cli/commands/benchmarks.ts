/**
 * `radar benchmarks collect|list|report`: the benchmark radar. `collect` runs every collector,
 * scores, merges, publishes to Notion when a token is set, and records a run manifest; `list`
 * prints the best recent benchmarks (`--all`: with those the LLM judged not a benchmark);
 * `report` writes (and sends) the weekly trend report.
 */

import { join } from 'node:path';
import { runBenchmarksJob } from '../../benchmarks/benchmarks-job.ts';
import type { CollectBenchmarksResult } from '../../benchmarks/collect-benchmarks.ts';
import { benchmarkLine, recentBest } from '../../benchmarks/select.ts';
import { buildWeeklyReport } from '../../benchmarks/weekly-report.ts';
import { plainMessage } from '../../chat/message-format.ts';
import { errorMessage, UsageError } from '../../core/errors.ts';
import { localDay } from '../../core/local-day.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { statePaths } from '../../store/paths.ts';
import { chatDelivery } from '../chat-delivery.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { parseDaysFlag } from '../days-flag.ts';

type Out = (line: string) => void;

export function formatCollect(result: CollectBenchmarksResult): string[] {
  const lines = result.sources.map((s) =>
    s.ok
      ? `ok      ${s.name}: ${s.candidates} candidates`
      : `failed  ${s.name}: ${s.error ?? 'unknown'} (${s.consecutiveFailures} run(s) in a row)`,
  );
  const { scoring: sc, upsert } = result;
  lines.push(`stored: ${upsert.added} new, ${upsert.updated} updated, ${upsert.unchanged} unchanged`);
  lines.push(
    sc.llmAvailable
      ? `scored: ${sc.scored} of ${sc.attempted} (${sc.cached} cached, ${sc.failed} failed); overall ${Object.entries(
          sc.distribution,
        )
          .map(([b, n]) => `${b}:${n}`)
          .join(' ')}`
      : 'scored: none (no LLM configured for "benchmarks")',
  );
  lines.push(
    `merged: ${result.merged.benchmarks} benchmarks (${result.merged.multiSource} from several sources)`,
  );
  for (const alert of result.alerts) lines.push(`alert   ${alert.message}`);
  return lines;
}

export async function runBenchmarksCollect(ctx: CommandContext, out: Out): Promise<number> {
  return withStateLock(ctx, 'benchmarks collect', async () => {
    const run = await runBenchmarksJob({
      config: ctx.loaded.config,
      env: ctx.env,
      stores: ctx.stores,
      logger: ctx.logger,
      alert: (await chatDelivery(ctx)).alert,
    });
    for (const line of formatCollect(run.result)) out(line);
    if (run.notion) out(run.notion);
    out(`run ${run.runId}`);
    return run.status === 'failed' ? 1 : 0;
  });
}

export async function runBenchmarksList(
  ctx: CommandContext,
  flags: { days?: string; limit?: string; all?: boolean },
  out: Out,
): Promise<number> {
  const days = parseDaysFlag(flags.days);
  const limit = parseDaysFlag(flags.limit ?? '20');
  const merged = await ctx.stores.benchmarks.readMerged();
  const all = flags.all === true;
  const best = recentBest(merged, new Date(), days, limit, { all });
  if (best.length === 0) out(`no benchmark first seen in the last ${days} day(s) (${merged.length} known)`);
  for (const b of best) out(`${benchmarkLine(b)}${b.isBenchmark === false ? '  [not a benchmark]' : ''}`);
  const hidden = all
    ? 0
    : recentBest(merged, new Date(), days, merged.length, { all: true }).length - best.length;
  if (hidden > 0 && best.length < limit)
    out(`(${hidden} candidate(s) judged not a benchmark are hidden; --all shows them)`);
  return 0;
}

export async function runBenchmarksReport(
  ctx: CommandContext,
  flags: { end?: string },
  out: Out,
): Promise<number> {
  const end = flags.end ?? localDay(new Date(), ctx.loaded.config.schedule.timezone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) throw new UsageError(`--end must be YYYY-MM-DD, got "${end}"`);
  const report = buildWeeklyReport(await ctx.stores.benchmarks.readMerged(), { end });
  const file = join(statePaths(ctx.stateDir).benchmarksDir, 'reports', `${end}.md`);
  await withStateLock(ctx, 'benchmarks report', () => writeFileAtomic(file, report.markdown));
  out(report.markdown.trimEnd());
  const { adapters, targets } = await chatDelivery(ctx);
  for (const target of targets) {
    try {
      await adapters
        .find((a) => a.platform === target.platform)
        ?.sendMessage(target.chatId, plainMessage(...report.markdown.split('\n\n')));
    } catch (error) {
      out(`chat ${target.platform} ${target.chatId}: not sent (${errorMessage(error)})`);
    }
  }
  return 0;
}
