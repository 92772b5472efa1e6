/** `radar eval search trend --metric f1 --days 30`: one metric of every completed run, per version, oldest first. */
import { UsageError } from '../../core/errors.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

const METRICS = [
  'overall',
  'precision',
  'recall',
  'f1',
  'ndcg5',
  'ndcg',
  'rr',
  'ap',
  'speed',
  'passRate',
  'latencyP50',
  'latencyP95',
];

export async function runEvalSearchTrend(
  ctx: CommandContext,
  flags: { metric?: string; days?: string },
  out: Out,
): Promise<number> {
  const metric = flags.metric ?? 'f1';
  if (!METRICS.includes(metric))
    throw new UsageError(`--metric must be one of ${METRICS.join(', ')}, got "${metric}"`);
  const days = Number(flags.days ?? '30');
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(`--days takes a whole number ≥ 1, got "${flags.days}"`);
  const since = Date.now() - days * 86_400_000;
  const runs = (await ctx.stores.evals.search.runs.list())
    .flatMap((r) =>
      r.ok && r.manifest.status === 'completed' && Date.parse(r.manifest.startedAt) >= since
        ? [r.manifest]
        : [],
    )
    .reverse();
  if (runs.length === 0) {
    out(`no completed search run in the last ${days} days`);
    return 0;
  }
  out(`${metric} over the last ${days} days (${runs.length} runs)`);
  for (const m of runs) {
    const { means, ...rest } = m.metrics;
    const values = new Map<string, unknown>([...Object.entries(means ?? {}), ...Object.entries(rest)]);
    const value = values.get(metric);
    out(
      `${m.startedAt.slice(0, 16)}  ${m.options.version.padEnd(16)}  ${typeof value === 'number' ? value.toFixed(4) : '–'}  ${m.runId}`,
    );
  }
  return 0;
}
