/** `radar trends [--window 7d] [--baseline 28d] [--end YYYY-MM-DD]`: growing tags and keyphrases of new papers. */
import { publishReportOnce } from '../../adapters/notion/publish-report.ts';
import { UsageError } from '../../core/errors.ts';
import { dayFlag } from '../../core/iso-day.ts';
import { runTrendsJob } from '../../insights/trends-job.ts';
import { statePaths } from '../../store/paths.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface TrendsFlags {
  window?: string;
  baseline?: string;
  end?: string;
}

/** `7d`, `7` → 7; `2w` → 14. */
export function parseDays(raw: string, flag: string): number {
  const match = /^(\d+)\s*([dw]?)$/i.exec(raw.trim());
  const value = match ? Number(match[1]) * (match[2]?.toLowerCase() === 'w' ? 7 : 1) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > 366)
    throw new UsageError(`${flag} takes a number of days such as 7d or 4w, got "${raw}"`);
  return value;
}

export async function runTrends(
  ctx: CommandContext,
  flags: TrendsFlags,
  out: (line: string) => void,
): Promise<number> {
  const settings = {
    ...(flags.window === undefined ? {} : { windowDays: parseDays(flags.window, '--window') }),
    ...(flags.baseline === undefined ? {} : { baselineDays: parseDays(flags.baseline, '--baseline') }),
  };
  if (flags.end !== undefined) dayFlag('--end', flags.end);
  return withStateLock(ctx, 'trends', async () => {
    const run = await runTrendsJob(
      {
        stores: ctx.stores,
        outDir: statePaths(ctx.stateDir).outDir,
        logger: ctx.logger.child({ module: 'trends' }),
      },
      { settings, ...(flags.end === undefined ? {} : { end: flags.end }) },
    );
    out(run.markdown.trimEnd());
    out('');
    out(`report saved: trends/${run.report.end}.json; markdown: ${run.markdownFile ?? 'not written'}`);
    const published = await publishReportOnce(
      { config: ctx.loaded.config, secrets: ctx.env.secrets, logger: ctx.logger },
      ctx.stores.trendReports,
      {
        day: run.report.end,
        value: run.report,
        title: `Trends — week to ${run.report.end}`,
        markdown: run.markdown,
      },
    );
    out(
      'url' in published ? `Notion page: ${published.url}` : `not published to Notion: ${published.skipped}`,
    );
    return 0;
  });
}
